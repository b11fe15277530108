import { readFileSync } from "node:fs";
import path from "node:path";
import type { Plan } from "@coop-plans/shared/domain";
import { validatePlan } from "@coop-plans/shared/rules";
import { parseWorkbook } from "@coop-plans/shared/workbook";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import { registrationFindings } from "../../functions/src/plans/registrationRules";
import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims } from "./support/events";

// PLAN-003 / PLAN-004 (functions/src/plans/registrationRules.ts): the server validates a plan under
// the REGISTERED región, modalidad and convocatoria, with the real shared/rules, and says when the
// workbook names another cooperative.

const GESTORA = "identidad.gestora@coop.cl";
const AS_OF = "2025-06-01";
let app: TestApp;
let overCap: Plan;
let registered = 0;

beforeAll(async () => {
  app = await createTestApp({ validate: (plan) => validatePlan(plan, { asOf: AS_OF }) });
  // The INV-005 fixture: a Creación plan of region 10 whose Aporte Sercotec passes the $8.000.000 cap.
  const grids = await readWorkbookGrids(readFileSync(path.join(__dirname, "../fixtures/broken/INV-005.xlsx")));
  overCap = parseWorkbook(grids).plan;
}, 60_000);

async function register(region: string, body: Record<string, unknown>): Promise<string> {
  const res = await app.call("registerCooperative", {
    params: { code: region }, claims: aosClaims(region),
    body: { name: `Cooperativa identidad ${++registered}`, modality: "creacion", callYear: 2025, gestorEmail: GESTORA, ...body },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

// Every plan here differs from its registration: the gestor/a confirmed it (identity guard, plans.identityGuard.test.ts).
const put = (id: string, plan: Plan, region: string) =>
  app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA, region), headers: { "Idempotency-Key": `identity-${id}` }, body: { plan, baseVersion: 0, confirmIdentity: true } });

const withCooperative = (plan: Plan, changes: Partial<Plan["cooperative"]>): Plan => ({ ...plan, cooperative: { ...plan.cooperative, ...changes } });

describe("PUT plan: the plan is validated as the registered cooperative's", () => {
  test("a Creación plan relabelled Fortalecimiento still breaks the $8.000.000 cap (INV-005) and gets PLAN-003", async () => {
    const swapped = withCooperative(overCap, { modality: "fortalecimiento" });
    // What a client alone would see: the relabelled plan escapes INV-005.
    expect(validatePlan(swapped, { asOf: AS_OF }).map((f) => f.ruleId)).not.toContain("INV-005");

    const id = await register("10", { name: overCap.cooperative.name });
    const res = await put(id, swapped, "10");
    expect(res.status).toBe(200);
    const ids = res.body.findings.map((f: { ruleId: string }) => f.ruleId);
    expect(ids).toContain("INV-005");
    expect(ids).not.toContain("COOP-005"); // a Fortalecimiento-only rule: not applied
    const plan003 = res.body.findings.find((f: { ruleId: string }) => f.ruleId === "PLAN-003");
    expect(plan003).toEqual({
      ruleId: "PLAN-003",
      severity: "error",
      message: "La modalidad del plan (Fortalecimiento) no coincide con la de la cooperativa registrada (Creación y Desarrollo). Corrija la celda Cooperativa!B3 o sincronice con la cooperativa correcta. Las reglas se aplicaron con la modalidad registrada.",
      location: { sheet: "Cooperativa", cell: "B3", field: "cooperative.modality" },
      found: "fortalecimiento",
      limit: "creacion",
    });
    expect(res.body.counts.error).toBe(2);
    // The stored plan is the one sent; submit is refused with both errors.
    const back = await app.call("getPlan", { params: { id }, claims: gestorClaims(GESTORA, "10") });
    expect(back.body.plan.cooperative.modality).toBe("fortalecimiento");
    const submit = await app.call("transition", { params: { id }, claims: gestorClaims(GESTORA, "10"), body: { action: "submit" } });
    expect(submit.status).toBe(422);
    expect(submit.body.findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual(["INV-005", "PLAN-003"]);
  }, 60_000);

  test("a workbook of region 10 saved into a cooperative of region 14: PLAN-003 names both regions and the cell", async () => {
    const id = await register("14", { name: overCap.cooperative.name });
    const res = await put(id, overCap, "14");
    expect(res.status).toBe(200);
    expect(res.body.findings[0]).toMatchObject({
      ruleId: "PLAN-003", severity: "error",
      message: "La región del plan (10 Los Lagos) no coincide con la de la cooperativa registrada (14 Los Ríos). Corrija la celda Cooperativa!B2 o sincronice con la cooperativa correcta. Las reglas se aplicaron con la región registrada.",
      location: { sheet: "Cooperativa", cell: "B2" },
    });
  }, 60_000);

  test("another name or RUT: a PLAN-004 warning; the same identity: no PLAN-003/004", async () => {
    const id = await register("10", { name: "Cooperativa de Otro Nombre", rut: "76.123.456-0" });
    const res = await put(id, withCooperative(overCap, { rut: "77.777.777-7" }), "10");
    const plan004 = res.body.findings.filter((f: { ruleId: string }) => f.ruleId === "PLAN-004");
    expect(plan004.map((f: { severity: string; location: { cell: string } }) => [f.severity, f.location.cell])).toEqual([["warning", "B4"], ["warning", "B5"]]);
    expect(plan004[0].message).toBe(
      `El nombre del plan («${overCap.cooperative.name}») no coincide con el de la cooperativa registrada («Cooperativa de Otro Nombre»). Revise la celda Cooperativa!B4 o sincronice con la cooperativa correcta.`,
    );

    const registration = { regionCode: "10" as const, modality: "creacion" as const, callYear: 2025, name: `  ${overCap.cooperative.name!.toUpperCase()} `, rut: null };
    expect(registrationFindings(overCap, registration)).toEqual([]);
    // A parenthetical makes another name.
    expect(registrationFindings(overCap, { ...registration, name: `${overCap.cooperative.name} (Osorno)` }).map((f) => f.ruleId)).toEqual(["PLAN-004"]);
    // A blank región is not the registered one.
    expect(registrationFindings(withCooperative(overCap, { regionCode: null }), registration)[0].message)
      .toBe("El plan no indica la región; la de la cooperativa registrada es 10 Los Lagos. Corrija la celda Cooperativa!B2 o sincronice con la cooperativa correcta. Las reglas se aplicaron con la región registrada.");
  }, 60_000);
});
