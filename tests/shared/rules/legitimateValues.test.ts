/**
 * No false blocks (issue «Rule packs»): each value a gestor legitimately writes, read from a
 * workbook (template → grids → parser → rules), gives no error.
 */
import type { Finding, Plan } from "@coop-plans/shared/domain";
import { combineFindings, parseWorkbook, renderWorkbook, templateToGrids } from "@coop-plans/shared/workbook";
import { validatePlan } from "@coop-plans/shared/rules";
import { AS_OF, cleanPlan } from "./helpers";

/** The findings of the workbook the template writes for `plan`, as the CLI and the pane get them. */
function workbookFindings(edit: (plan: Plan) => void): Finding[] {
  const plan = cleanPlan();
  edit(plan);
  const parsed = parseWorkbook(templateToGrids(renderWorkbook({ plan })));
  return combineFindings(parsed.findings, validatePlan(parsed.plan, { asOf: AS_OF }));
}

const errors = (findings: Finding[]) => findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId} ${f.message}`);

describe("legitimate values validate with no error", () => {
  it.each([
    ["a Vicepresidenta", (p: Plan) => { p.members[1].role = "Vicepresidenta"; }],
    ["a Gerente", (p: Plan) => { p.members[1].role = "Gerente"; }],
    ["a Consejera", (p: Plan) => { p.members[1].role = "Consejera"; }],
    ["a member of the Junta de vigilancia", (p: Plan) => { p.members[1].role = "Junta de vigilancia"; }],
    ["an action under Sustentabilidad", (p: Plan) => { p.actions[0].axis = "Sustentabilidad"; }],
    ["an action under Asociatividad", (p: Plan) => { p.actions[0].axis = "Asociatividad"; }],
    ["an action under Gestión", (p: Plan) => { p.actions[0].axis = "Gestión"; }],
    ["a marketing line whose sub-ítem is «Publicidad»", (p: Plan) => { p.investmentLines[6].subitem = "Publicidad"; }],
    ["a socialización attended by 23 people in a group of 6", (p: Plan) => { p.milestones[0].attendees = 23; }],
    ["a workbook of the 2026 call", (p: Plan) => { p.cooperative.callYear = 2026; }],
    ["a type with its subtype", (p: Plan) => { p.cooperative.cooperativeType = "de servicios (agua potable rural)"; }],
  ])("%s", (_what, edit) => {
    expect(errors(workbookFindings(edit))).toEqual([]);
  });

  it("all of them at once, with only the expected warnings", () => {
    const findings = workbookFindings((p) => {
      p.cooperative.callYear = 2026;
      p.members[1].role = "Vicepresidenta";
      p.members[2].role = "Gerente";
      p.members[3].role = "Consejera";
      p.members[4].role = "Junta de vigilancia";
      p.actions[0].axis = "Sustentabilidad";
      p.actions[1].axis = "Asociatividad";
      p.actions[2].axis = "Gestión";
      p.investmentLines[6].subitem = "Publicidad";
      p.milestones[0].attendees = 23;
    });
    expect(findings.map((f) => `${f.ruleId} ${f.severity}`)).toEqual(["PLAN-005 warning", "HITO-004 warning"]);
  });
});
