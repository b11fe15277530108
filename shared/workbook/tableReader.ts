import type { Finding, SheetSource } from "../domain";
import { labelKey } from "../rules/catalogue";
import { columnLetters, formatA1 } from "./a1";
import { readCell, type FieldValue } from "./cellValues/readCell";
import { isExcelError } from "./cellValues/excelErrors";
import { matchHeader } from "./headerMatching";
import { locateHeader, HEADER_SEARCH_ROWS, type FoundColumn } from "./headerRow";
import type { TableSpec } from "./layout";
import { parseFinding } from "./parseFindings";
import { isBlankValue, type SheetView } from "./sheetView";

/** One data row read: its worksheet row, each field's value and each field's A1 cell (for every column found). */
export interface TableRecord {
  row: number;
  values: Record<string, FieldValue>;
  cells: Record<string, string>;
}

/** A TOTAL / Totales / Total general / Subtotal row: never a line; its figures as read. */
export interface TableTotalsRow {
  row: number;
  label: string;
  values: Record<string, FieldValue>;
  cells: Record<string, string>;
}

/** What reading one table sheet gives: its records, where its header sat, its total row and findings. */
export interface TableReadResult {
  /** Where the table sat; undefined when no header row was found (PARSE-003). */
  source?: SheetSource;
  /** Fields of the required columns not found in the header row (each reported as PARSE-004). */
  missingColumns?: string[];
  records: TableRecord[];
  totalsRow?: TableTotalsRow;
  findings: Finding[];
}

/** True for "total", "totales", "total general", "subtotal…", "TOTAL PLAN", after `normalizeLabel`. */
export function isTotalLabel(text: string): boolean {
  return TOTAL_LABEL.test(labelKey(text));
}

const TOTAL_LABEL = /^(sub ?)?total(es)?( |$)/;

type RowKind = "blank" | "total" | "repeat" | "data" | "note";

/** Column types whose lone text is never a note. */
const TEXT_LIKE = new Set(["text", "rut", "group", "item", "subitem"]);

/** A column found in the header, with what reading its cells needs, computed once per table. */
interface ReadColumn {
  found: FoundColumn;
  letters: string;
  ctx: { label: string; date1904?: boolean };
}

/**
 * Reads a table sheet (parsing contract, "Rows"): header located by label; below it, a data row is
 * any row with a value in a required column (a partial row is a line, with findings on the cells it
 * could not read); blank rows are skipped; a row whose first filled cell says total/totales/total
 * general/subtotal is the total row and ends the table; after two consecutive blank rows — or after
 * the last data row — rows that fill no required column are notes and end it. Rows that repeat the
 * header labels (the lower half of a merged header) are skipped. Never throws.
 */
export function readTable(view: SheetView, spec: TableSpec, options: { date1904?: boolean } = {}): TableReadResult {
  const findings: Finding[] = [];
  const sheet = view.name;
  const header = locateHeader(view, spec.columns);
  if (!header) {
    const wanted = spec.columns.filter((c) => c.required).map((c) => c.label).join(", ");
    findings.push(parseFinding("PARSE-003",
      `No se encontró la fila de encabezados en la hoja "${sheet}" (se buscaron ${wanted} en las primeras ${HEADER_SEARCH_ROWS} filas). Escriba los encabezados de la plantilla en una fila sobre los datos.`,
      { sheet, cell: formatA1(view.firstRow, view.firstCol) }));
    return { records: [], findings };
  }

  const headers: Record<string, string> = {};
  for (const c of header.columns) headers[c.spec.field] = formatA1(header.row, c.col);
  const firstHeaderCell = formatA1(header.row, view.firstCol);
  const missingColumns: string[] = [];
  for (const missing of spec.columns.filter((c) => c.required && !(c.field in headers))) {
    missingColumns.push(missing.field);
    findings.push(parseFinding("PARSE-004",
      `Falta la columna "${missing.label}" en la hoja "${sheet}". Agregue una columna con el encabezado "${missing.label}" en la fila ${header.row}.`,
      { sheet, cell: firstHeaderCell, field: missing.field }, missing.label));
  }
  for (const dup of header.duplicates) {
    const kept = header.columns.find((c) => c.spec.field === dup.spec.field);
    findings.push(parseFinding("PARSE-024",
      `La columna "${dup.label}" repite "${dup.spec.label}", que ya se lee en la columna "${kept?.label ?? dup.spec.label}"; se ignora. Borre o renombre una de las dos.`,
      { sheet, cell: formatA1(header.row, dup.col), field: dup.spec.field }, dup.label));
  }

  const byCol = new Map<number, FoundColumn>(header.columns.map((c) => [c.col, c]));
  const requiredCols = header.columns.filter((c) => c.spec.required);
  const need = Math.max(1, Math.ceil(spec.columns.filter((c) => c.required).length / 2));
  const readColumns: ReadColumn[] = header.columns.map((found) => ({
    found, letters: columnLetters(found.col), ctx: { label: found.spec.label, date1904: options.date1904 },
  }));
  const ctxOf = (c: FoundColumn) => ({ label: c.spec.label, date1904: options.date1904 });
  const specsByCol = new Map<number, FoundColumn["spec"][]>(header.columns.map((c) => [c.col, [c.spec]]));

  const classify = (row: number): RowKind => {
    const filled = view.filledColumns(row);
    if (filled.length === 0) return "blank";
    const first = view.value(row, filled[0]);
    if (typeof first === "string" && isTotalLabel(first)) return "total";
    const repeat = filled.every((col) => {
      const v = view.value(row, col);
      const specs = specsByCol.get(col);
      return typeof v === "string" && !!specs && matchHeader(v, specs) !== undefined;
    });
    if (repeat) return "repeat";
    let inRequired = false;
    for (const col of filled) if (byCol.get(col)?.spec.required) { inRequired = true; break; }
    if (!inRequired) return "note";
    if (filled.length === 1) {
      // A lone text in a number, date or list column that does not read as one is a note ("Nota: …").
      const found = byCol.get(filled[0])!;
      const cell = view.cell(row, filled[0]);
      const textLike = TEXT_LIKE.has(found.spec.type);
      if (!textLike && typeof cell.value === "string" && !isExcelError(cell) && readCell(found.spec, cell, ctxOf(found)).problem) return "note";
    }
    return "data";
  };

  const start = header.lastRow + 1;
  const kinds: RowKind[] = [];
  for (let row = start; row <= view.lastRow; row++) kinds.push(classify(row));
  // For each row, whether a data row follows before any total row.
  const dataBelow: boolean[] = new Array(kinds.length).fill(false);
  for (let i = kinds.length - 2; i >= 0; i--) {
    const next = kinds[i + 1];
    dataBelow[i] = next === "total" ? false : next === "data" || dataBelow[i + 1];
  }

  const records: TableRecord[] = [];
  let totalsRow: TableTotalsRow | undefined;
  let end = kinds.length;
  let blanks = 0;
  for (let i = 0; i < kinds.length; i++) {
    const row = start + i;
    const kind = kinds[i];
    if (kind === "total") {
      totalsRow = readTotals(view, row, header.columns, ctxOf, findings);
      end = i + 1;
      break;
    }
    if (kind === "blank") { blanks++; continue; }
    if (kind === "repeat") continue;
    if (kind === "data") {
      records.push(readRecord(view, row, readColumns, findings));
      blanks = 0;
      continue;
    }
    // A note row: the table ends here after two blank rows, or when no data row follows.
    if (blanks >= 2 || !dataBelow[i]) { end = i; break; }
    findings.push(parseFinding("PARSE-022",
      `La fila ${row} de la hoja "${sheet}" no tiene valor en ninguna columna obligatoria (${requiredCols.map((c) => c.spec.label).join(", ")}); se leyó como nota y no como línea. Si es una línea, complete sus columnas obligatorias.`,
      { sheet, cell: formatA1(row, view.filledColumns(row)[0] ?? view.firstCol) }));
    blanks = 0;
  }

  // Rows under the end of the table that look like lines are reported, never silently dropped.
  for (let i = end; i < kinds.length; i++) {
    if (kinds[i] !== "data") continue;
    const row = start + i;
    const filledRequired = requiredCols.filter((c) => !isBlankValue(view.value(row, c.col))).length;
    if (filledRequired < need) continue;
    findings.push(parseFinding("PARSE-023",
      `La fila ${row} de la hoja "${sheet}" tiene datos pero está bajo el final de la tabla (fila de total o notas) y no se leyó. Muévala sobre la fila de total, sin dos filas en blanco antes.`,
      { sheet, cell: formatA1(row, view.firstCol) }));
  }

  const result: TableReadResult = { source: { sheet, headerRow: header.row, headers }, records, totalsRow, findings };
  if (missingColumns.length > 0) result.missingColumns = missingColumns;
  return result;
}

function readRecord(view: SheetView, row: number, columns: readonly ReadColumn[], findings: Finding[]): TableRecord {
  const values: Record<string, FieldValue> = {};
  const cells: Record<string, string> = {};
  for (const { found: c, letters, ctx } of columns) {
    const address = letters + row;
    cells[c.spec.field] = address;
    const result = readCell(c.spec, view.cell(row, c.col), ctx);
    values[c.spec.field] = result.value;
    if (result.problem) {
      findings.push(parseFinding(result.problem.ruleId, result.problem.message, { sheet: view.name, cell: address, field: c.spec.field }, result.problem.found));
    }
  }
  return { row, values, cells };
}

function readTotals(
  view: SheetView, row: number, columns: FoundColumn[],
  ctxOf: (c: FoundColumn) => { label: string; date1904?: boolean }, findings: Finding[],
): TableTotalsRow {
  const filled = view.filledColumns(row);
  const label = String(view.cell(row, filled[0]).value ?? "").trim();
  const values: Record<string, FieldValue> = {};
  const cells: Record<string, string> = {};
  for (const c of columns) {
    if (c.spec.type !== "money") continue;
    const cell = view.cell(row, c.col);
    if (c.col === filled[0] || isBlankValue(cell.value)) continue;
    const address = formatA1(row, c.col);
    const result = readCell(c.spec, cell, ctxOf(c));
    cells[c.spec.field] = address;
    values[c.spec.field] = result.value;
    if (result.problem) {
      findings.push(parseFinding(result.problem.ruleId, result.problem.message, { sheet: view.name, cell: address, field: c.spec.field }, result.problem.found));
    }
  }
  return { row, label, values, cells };
}
