/**
 * One finding per cell: a cell the parser could not read (PARSE-007/008/014/015/016…) is not
 * reported again by the rules that see it as empty (PLAN-001/002, ACT-001, RES-001…), and the
 * combined list puts errors first (combineFindings, used by the CLI and the add-in).
 */
import type { Finding } from "@coop-plans/shared/domain";
import { combineFindings, parseWorkbook, type CellValue, type WorkbookGrids } from "@coop-plans/shared/workbook";
import { validatePlan } from "@coop-plans/shared/rules";
import { ACCION, COOPERATIVA, HITOS, INVERSIONES_HEADER, LINE_1, LINE_2, RESULTADOS, baseWorkbook, sheet } from "./grids";

const AS_OF = "2026-03-31";
const ids = (findings: Finding[]) => findings.map((f) => `${f.ruleId}@${f.location.sheet}!${f.location.cell ?? ""}`);

/** Parse + validate + combine, the way the CLI and the add-in do it. */
function check(grids: WorkbookGrids) {
  const parsed = parseWorkbook(grids);
  const rules = validatePlan(parsed.plan, { asOf: AS_OF });
  return { parsed, rules, combined: combineFindings(parsed.findings, rules) };
}

/** The base workbook's findings that have nothing to do with these tests (2 socios, hitos 3–4 absent, action 3 absent). */
const BASE = [
  "COOP-002@Socios!A1", "HITO-001@Hitos!A1", "HITO-001@Hitos!A1",
];
const BASE_WARNINGS = ["INV-010@Plan de Inversiones!F3", "HITO-004@Hitos!F2"];

const finding = (ruleId: string, severity: Finding["severity"], sheetName: string, cell?: string): Finding => ({
  ruleId, severity, message: `${ruleId} en ${sheetName}`, location: cell ? { sheet: sheetName, cell } : { sheet: sheetName },
});

describe("combineFindings", () => {
  it("drops a missing-value rule finding on a cell with a parse error, keeps everything else, errors first", () => {
    const parse = [
      finding("PARSE-006", "info", "Notas"),
      finding("PARSE-008", "error", "Plan de Inversiones", "J7"),
      finding("PARSE-023", "warning", "Plan de Inversiones", "A20"),
    ];
    const rules = [
      finding("PLAN-002", "error", "Plan de Inversiones", "J7"), // same cell as PARSE-008: dropped
      finding("PLAN-002", "error", "Plan de Inversiones", "J8"), // another cell: kept
      finding("INV-005", "error", "Plan de Inversiones", "J7"), // not a missing-value rule: kept
      finding("RES-001", "warning", "Plan de Inversiones", "A20"), // the parse finding there is only a warning: kept
      finding("PLAN-002", "error", "Plan de Inversiones"), // no cell: kept
      finding("ACT-001", "error", "Plan de Acción", "J7"), // same cell, other sheet: kept
    ];
    expect(ids(combineFindings(parse, rules))).toEqual([
      "PARSE-008@Plan de Inversiones!J7",
      "PLAN-002@Plan de Inversiones!J8",
      "INV-005@Plan de Inversiones!J7",
      "PLAN-002@Plan de Inversiones!",
      "ACT-001@Plan de Acción!J7",
      "PARSE-023@Plan de Inversiones!A20",
      "RES-001@Plan de Inversiones!A20",
      "PARSE-006@Notas!",
    ]);
    expect(parse).toHaveLength(3);
    expect(rules).toHaveLength(6);
  });

  it("reports money text, a #REF! and an impossible date once each, not again as «Falta … es obligatorio»", () => {
    const line1: CellValue[] = [...LINE_1];
    line1[7] = "#REF!"; // Valor unitario neto, H2
    line1[9] = "aprox 500 mil"; // Aporte Sercotec, J2
    const hitos = HITOS.map((r) => [...r]);
    hitos[2][2] = "31-02-2025"; // Fecha programada of hito 2, C3
    const { rules, combined } = check(baseWorkbook({
      "Plan de Inversiones": sheet("Plan de Inversiones", [INVERSIONES_HEADER, line1, LINE_2]),
      Hitos: sheet("Hitos", hitos),
    }));
    // Before combining, the rules did repeat each cell as missing.
    expect(ids(rules.filter((f) => f.ruleId === "PLAN-002"))).toEqual([
      "PLAN-002@Hitos!C3", "PLAN-002@Plan de Inversiones!H2", "PLAN-002@Plan de Inversiones!J2",
    ]);
    expect(ids(combined)).toEqual([
      "PARSE-015@Hitos!C3", "PARSE-007@Plan de Inversiones!H2", "PARSE-008@Plan de Inversiones!J2",
      ...BASE, ...BASE_WARNINGS,
    ]);
  });

  it("does the same for ACT-001, RES-001 and PLAN-001 on unreadable cells", () => {
    const accion = ACCION.map((r) => [...r]);
    accion[1][6] = "mañana"; // Fecha inicio, G2
    const resultados = RESULTADOS.map((r) => [...r]);
    resultados[1][3] = "quince"; // Línea base, D2
    const cooperativa = COOPERATIVA.map((r) => [...r]);
    cooperativa[1][1] = "Región de la Luna"; // Región, B2
    const { rules, combined } = check(baseWorkbook({
      "Plan de Acción": sheet("Plan de Acción", accion),
      Resultados: sheet("Resultados", resultados),
      Cooperativa: sheet("Cooperativa", cooperativa),
    }));
    expect(ids(rules.filter((f) => ["PLAN-001", "ACT-001", "RES-001"].includes(f.ruleId)))).toEqual([
      "PLAN-001@Cooperativa!B2", "ACT-001@Plan de Acción!G2", "RES-001@Resultados!D2",
    ]);
    expect(ids(combined)).toEqual([
      "PARSE-016@Cooperativa!B2", "PARSE-014@Plan de Acción!G2", "PARSE-011@Resultados!D2",
      ...BASE, ...BASE_WARNINGS,
    ]);
  });
});
