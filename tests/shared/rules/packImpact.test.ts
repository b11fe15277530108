import { BUILTIN_PACKS, planPackImpact } from "@coop-plans/shared/rules";
import { AS_OF, cleanPlan, packWith } from "./helpers";

describe("planPackImpact: how a plan's findings change under a new pack", () => {
  it("lists the new and resolved errors by rule and cell", () => {
    const lowerCap = packWith((p) => { p.version = 2; p.figures.subsidyCap.creacion.value = 7_000_000; });
    const impact = planPackImpact(cleanPlan(), BUILTIN_PACKS, [lowerCap], { asOf: AS_OF });
    expect(impact).toMatchObject({ before: { year: 2025, version: 1 }, after: { year: 2025, version: 2 }, changed: true, resolvedErrors: [] });
    expect(impact.newErrors.map((f) => `${f.ruleId} ${f.location.sheet}!${f.location.cell}`)).toEqual(["INV-005 Plan de Inversiones!J1"]);
    const back = planPackImpact(cleanPlan(), [lowerCap], BUILTIN_PACKS, { asOf: AS_OF });
    expect(back.resolvedErrors.map((f) => f.ruleId)).toEqual(["INV-005"]);
    expect(back.newErrors).toEqual([]);
  });

  it("a figure confirmed turns a warning into an error (one resolved warning, one new error)", () => {
    const plan = cleanPlan();
    plan.investmentLines.forEach((l) => { l.sercotecAmount = l.total; l.ownAmount = 0; });
    const confirmed = packWith((p) => { p.version = 2; p.figures.minimumOwnShare.confirmed = true; });
    const impact = planPackImpact(plan, BUILTIN_PACKS, [confirmed], { asOf: AS_OF });
    expect(impact.newErrors.map((f) => f.ruleId)).toEqual(["INV-006"]);
    expect(impact.resolvedWarnings.map((f) => f.ruleId)).toEqual(["INV-006"]);
  });

  it("is unchanged when only an unrelated figure moves, and checks under the registered identity", () => {
    const other = packWith((p) => { p.version = 2; p.figures.subsidyCap.fortalecimiento.value = 25_000_000; });
    expect(planPackImpact(cleanPlan(), BUILTIN_PACKS, [other], { asOf: AS_OF }).changed).toBe(false);
    const plan = cleanPlan();
    plan.cooperative.modality = "fortalecimiento"; // what the workbook says; the registration says Creación
    const lowerCap = packWith((p) => { p.version = 2; p.figures.subsidyCap.creacion.value = 7_000_000; });
    const impact = planPackImpact(plan, BUILTIN_PACKS, [lowerCap], { asOf: AS_OF, registered: { callYear: 2025, regionCode: "14", modality: "creacion" } });
    expect(impact.newErrors.map((f) => f.ruleId)).toEqual(["INV-005"]);
  });
});
