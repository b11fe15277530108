/**
 * No cascades: when a part's sheet (or its header row, or a required column / form row) is
 * missing, the parse finding says what to do and the rules about that part or column stay quiet.
 * The parser records it in the plan (`plan.missingParts`, `plan.sheets[part].missingColumns`), so
 * the rules stay quiet on the server too.
 */
import { Plan, type Finding } from "@coop-plans/shared/domain";
import { combineFindings, parseWorkbook, type CellValue, type WorkbookGrids } from "@coop-plans/shared/workbook";
import { validatePlan } from "@coop-plans/shared/rules";
import {
  ACCION, COOPERATIVA, INVERSIONES_HEADER, LINE_1, LINE_2, RESULTADOS, SOCIOS, baseWorkbook, sheet,
} from "../workbook/grids";
import { cleanPlan, only, validateEdited } from "./helpers";

const AS_OF = "2026-03-31";
const ids = (findings: Finding[]) => findings.map((f) => `${f.ruleId}@${f.location.sheet}!${f.location.cell ?? ""}`);

function check(grids: WorkbookGrids) {
  const parsed = parseWorkbook(grids);
  return { plan: parsed.plan, findings: combineFindings(parsed.findings, validatePlan(parsed.plan, { asOf: AS_OF })) };
}

/** Deletes column `index` (0-based) of every row. */
const withoutColumn = (rows: CellValue[][], index: number) => rows.map((r) => r.filter((_, i) => i !== index));

/** The base workbook's findings unrelated to these tests (hitos 3–4 absent; line 2 names action 3). */
const HITOS_3_4 = ["HITO-001@Hitos!A1", "HITO-001@Hitos!A1"];
const ACTION_3 = "INV-010@Plan de Inversiones!F3";

describe("rules stay quiet about what the parser could not find", () => {
  it("a renamed Socios sheet: PARSE-002 only, no «más que los 0 socios» (HITO-004) and no COOP-002", () => {
    const { plan, findings } = check(baseWorkbook({ Socios: null, Socias: sheet("Socias", SOCIOS) }));
    expect(plan.missingParts).toEqual(["members"]);
    expect(ids(findings)).toEqual(["PARSE-002@Socios!A1", ...HITOS_3_4, ACTION_3, "PARSE-006@Socias!"]);
  });

  it("a deleted required header (Aporte Sercotec): PARSE-004 only, no PLAN-002 per line without a cell", () => {
    const rows = withoutColumn([INVERSIONES_HEADER, LINE_1, LINE_2], 9);
    const { plan, findings } = check(baseWorkbook({ "Plan de Inversiones": sheet("Plan de Inversiones", rows) }));
    expect(plan.sheets.investmentLines?.missingColumns).toEqual(["sercotecAmount"]);
    expect(plan.missingParts).toBeUndefined();
    expect(ids(findings)).toEqual([
      "PARSE-004@Plan de Inversiones!A1", "COOP-002@Socios!A1", ...HITOS_3_4, ACTION_3, "HITO-004@Hitos!F2",
    ]);
  });

  it("a deleted Aporte empresarial header: no INV-006 «suma $0»", () => {
    const rows = withoutColumn([INVERSIONES_HEADER, LINE_1, LINE_2], 10);
    const { findings } = check(baseWorkbook({ "Plan de Inversiones": sheet("Plan de Inversiones", rows) }));
    expect(ids(findings)).toEqual([
      "PARSE-004@Plan de Inversiones!A1", "COOP-002@Socios!A1", ...HITOS_3_4, ACTION_3, "HITO-004@Hitos!F2",
    ]);
  });

  it("a missing Cooperativa sheet: PARSE-002 only, no PLAN-001 ×3 and no PLAN-002 ×6", () => {
    const { plan, findings } = check(baseWorkbook({ Cooperativa: null }));
    expect(plan.missingParts).toEqual(["cooperative"]);
    expect(ids(findings)).toEqual(["PARSE-002@Cooperativa!A1", ...HITOS_3_4, ACTION_3, "HITO-004@Hitos!F2"]);
  });

  it("missing Cooperativa rows: PARSE-005 for each, no PLAN-001 (región) nor PLAN-002 (tipo)", () => {
    const rows = COOPERATIVA.filter((r) => r[0] !== "Región" && r[0] !== "Tipo de cooperativa");
    const { plan, findings } = check(baseWorkbook({ Cooperativa: sheet("Cooperativa", rows) }));
    expect(plan.sheets.cooperative?.missingColumns).toEqual(["regionCode", "cooperativeType"]);
    expect(ids(findings)).toEqual([
      "PARSE-005@Cooperativa!A1", "PARSE-005@Cooperativa!A1", "COOP-002@Socios!A1", ...HITOS_3_4, ACTION_3, "HITO-004@Hitos!F2",
    ]);
  });

  it("a Plan de Acción without its Meta column nor a header row: no ACT-001, no INV-010 «no existe»", () => {
    const noMeta = check(baseWorkbook({ "Plan de Acción": sheet("Plan de Acción", withoutColumn(ACCION, 9)) }));
    expect(ids(noMeta.findings)).toEqual([
      "PARSE-004@Plan de Acción!A1", "COOP-002@Socios!A1", ...HITOS_3_4, ACTION_3, "HITO-004@Hitos!F2",
    ]);
    const noHeader = check(baseWorkbook({ "Plan de Acción": sheet("Plan de Acción", [["Plan de acción"], ["por hacer"]]) }));
    expect(noHeader.plan.missingParts).toEqual(["actions"]);
    expect(ids(noHeader.findings)).toEqual(["PARSE-003@Plan de Acción!A1", "COOP-002@Socios!A1", ...HITOS_3_4, "HITO-004@Hitos!F2"]);
  });

  it("a Resultados without Línea base: no RES-001 «no tiene línea base»", () => {
    const { findings } = check(baseWorkbook({ Resultados: sheet("Resultados", withoutColumn(RESULTADOS, 3)) }));
    expect(ids(findings)).toEqual([
      "PARSE-004@Resultados!A1", "COOP-002@Socios!A1", ...HITOS_3_4, ACTION_3, "HITO-004@Hitos!F2",
    ]);
  });

  it("keeps what it recorded through the Plan schema (the server validates the stored plan the same way)", () => {
    const { plan } = check(baseWorkbook({ Socios: null, Resultados: sheet("Resultados", withoutColumn(RESULTADOS, 3)) }));
    const stored = Plan.parse(JSON.parse(JSON.stringify(plan)));
    expect(stored.missingParts).toEqual(["members"]);
    expect(stored.sheets.results?.missingColumns).toEqual(["baseline"]);
    expect(ids(only(validatePlan(stored, { asOf: AS_OF }), "RES-001"))).toEqual([]);
    expect(ids(only(validatePlan(stored, { asOf: AS_OF }), "COOP-002"))).toEqual([]);
  });

  it("still reports an empty Socios table, and plans that came from no workbook, as before", () => {
    const { findings } = check(baseWorkbook({ Socios: sheet("Socios", [SOCIOS[0]]) }));
    expect(ids(only(findings, "COOP-002"))).toEqual(["COOP-002@Socios!A1"]);
    const noMembers = validateEdited((plan) => { plan.members = []; });
    expect(only(noMembers, "COOP-002")).toHaveLength(1);
    expect(cleanPlan().missingParts).toBeUndefined();
  });
});
