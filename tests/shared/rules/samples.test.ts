import { Finding as FindingSchema } from "@coop-plans/shared/domain";
import { validatePlan } from "@coop-plans/shared/rules";
import { BROKEN_PLAN_DATA } from "./fixtures/samplePlans";
import { standardPlan } from "./fixtures/standardLayout";
import { AS_OF, cleanPlan, summary } from "./helpers";

describe("the sample plans", () => {
  it("the clean plan gives no error and no warning", () => {
    const findings = validatePlan(cleanPlan(), { asOf: AS_OF });
    expect(summary(findings)).toEqual([]);
  });

  it("the clean plan stays clean after its execution period (no time rule without a Bitácora)", () => {
    expect(summary(validatePlan(cleanPlan(), { asOf: "2026-06-30" }))).toEqual([]);
  });

  it("the broken plan gives exactly INV-001 at I6, COOP-001 at C6 and INV-005 at J1", () => {
    const findings = validatePlan(standardPlan(BROKEN_PLAN_DATA), { asOf: AS_OF });
    expect(summary(findings).sort()).toEqual([
      "COOP-001 error Socios!C6",
      "INV-001 error Plan de Inversiones!I6",
      "INV-005 error Plan de Inversiones!J1",
    ]);
    for (const f of findings) expect(FindingSchema.safeParse(f).success).toBe(true);
    const byRule = Object.fromEntries(findings.map((f) => [f.ruleId, f]));
    expect(byRule["INV-001"].message).toBe(
      "La línea N° 5: cantidad × valor unitario = 3 × $498.000 = $1.494.000, pero el total neto dice $1.467.000.");
    expect(byRule["INV-001"]).toMatchObject({ found: 1467000, limit: 1494000 });
    expect(byRule["COOP-001"].message).toBe(
      "El RUT del socio N° 5 21.778.444-2 no es válido: el dígito verificador correcto es 1 (21.778.444-1).");
    expect(byRule["COOP-001"]).toMatchObject({ found: "21.778.444-2", limit: "1" });
    expect(byRule["INV-005"].message).toBe(
      "El aporte Sercotec suma $8.190.000; el tope de la modalidad Creación y Desarrollo es $8.000.000.");
    expect(byRule["INV-005"]).toMatchObject({ found: 8190000, limit: 8000000 });
  });

  it("orders errors before warnings, stably", () => {
    const plan = standardPlan(BROKEN_PLAN_DATA);
    plan.investmentLines[0].supplier = null; // INV-013 warning, listed after the errors
    const findings = validatePlan(plan, { asOf: AS_OF });
    expect(findings.map((f) => f.severity)).toEqual(["error", "error", "error", "warning"]);
    expect(findings.map((f) => f.ruleId)).toEqual(["COOP-001", "INV-001", "INV-005", "INV-013"]);
    expect(validatePlan(plan, { asOf: AS_OF })).toEqual(findings);
  });
});
