import type { Finding, RecordSource, SheetSource } from "../domain";
import { formatA1 } from "./a1";
import { readCell, type FieldValue } from "./cellValues/readCell";
import { matchHeader } from "./headerMatching";
import type { FormSpec } from "./layout";
import { parseFinding } from "./parseFindings";
import { isBlankValue, type SheetView } from "./sheetView";

/** How many columns from the left a form label may sit in ("label in column A, anywhere in the first columns"). */
export const FORM_LABEL_COLUMNS = 4;

/** The Cooperativa form read: each field's value (null when absent or empty), where it sat, and findings. */
export interface FormReadResult {
  values: Record<string, FieldValue>;
  /** Record source: the row of the first label found and the A1 cell of each value found. */
  source?: RecordSource;
  /** Sheet source: headerRow 0 (a form) and the A1 cell of each label found. */
  sheetSource?: SheetSource;
  /** Fields of the required rows not found (each reported as PARSE-005); absent when none is missing. */
  missingFields?: string[];
  findings: Finding[];
}

interface Candidate {
  field: string;
  score: number;
  labelRow: number;
  labelCol: number;
  valueCol: number;
  blank: boolean;
  order: number;
}

/**
 * Reads the Cooperativa form: a label in one of the first columns (a title above is fine), its
 * value in the next column (after the label's merged area). Exact labels beat prefix matches,
 * labels with a value beat empty ones, then the first found. A required row that is missing is
 * PARSE-005; a value that cannot be read gets its cell's finding. Never throws.
 */
export function readForm(view: SheetView, spec: FormSpec, options: { date1904?: boolean } = {}): FormReadResult {
  const sheet = view.name;
  const findings: Finding[] = [];
  const all: Candidate[] = [];
  let order = 0;
  const lastLabelCol = Math.min(view.lastCol, view.firstCol + FORM_LABEL_COLUMNS - 1);
  for (let row = view.firstRow; row <= view.lastRow; row++) {
    for (let col = view.firstCol; col <= lastLabelCol; col++) {
      const area = view.mergeAt(row, col);
      if (area && (area.top !== row || area.left !== col)) continue;
      const label = view.label(row, col);
      if (label === "") continue;
      const match = matchHeader(label, spec.fields);
      if (!match) continue;
      const valueCol = (area ? area.right : col) + 1;
      all.push({
        field: match.spec.field, score: match.score, labelRow: row, labelCol: col, valueCol,
        blank: isBlankValue(view.cell(row, valueCol).value), order: order++,
      });
    }
  }
  // A value that happens to read like a label ("Gestora Ejemplo" → Gestor/a) sits right of a label: it is no label.
  const valueCells = new Set(all.map((c) => `${c.labelRow}:${c.valueCol}`));
  const best = new Map<string, Candidate>();
  for (const cand of all) {
    if (valueCells.has(`${cand.labelRow}:${cand.labelCol}`)) continue;
    const prior = best.get(cand.field);
    const better = !prior || cand.score > prior.score || (cand.score === prior.score && prior.blank && !cand.blank);
    if (better) best.set(cand.field, cand);
  }

  const values: Record<string, FieldValue> = {};
  const cells: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const field of spec.fields) {
    values[field.field] = null;
    const cand = best.get(field.field);
    if (!cand) continue;
    const address = formatA1(cand.labelRow, cand.valueCol);
    cells[field.field] = address;
    headers[field.field] = formatA1(cand.labelRow, cand.labelCol);
    const result = readCell(field, view.cell(cand.labelRow, cand.valueCol), { label: field.label, date1904: options.date1904 });
    values[field.field] = result.value;
    if (result.problem) {
      findings.push(parseFinding(result.problem.ruleId, result.problem.message, { sheet, cell: address, field: field.field }, result.problem.found));
    }
  }

  const origin = formatA1(view.firstRow, view.firstCol);
  if (best.size === 0) {
    const wanted = spec.fields.filter((f) => f.required).map((f) => f.label).join(", ");
    findings.push(parseFinding("PARSE-005",
      `La hoja "${sheet}" no tiene las filas del formulario (${wanted}). Escriba cada etiqueta en la columna A y su valor en la columna B.`,
      { sheet, cell: origin }));
    return { values, findings };
  }
  const missingFields: string[] = [];
  for (const missing of spec.fields.filter((f) => f.required && !best.has(f.field))) {
    missingFields.push(missing.field);
    findings.push(parseFinding("PARSE-005",
      `Falta la fila "${missing.label}" en la hoja "${sheet}". Escriba "${missing.label}" en la columna A y su valor en la columna B.`,
      { sheet, cell: origin, field: missing.field }, missing.label));
  }
  const firstRow = Math.min(...[...best.values()].map((c) => c.labelRow));
  const result: FormReadResult = {
    values,
    source: { sheet, row: firstRow, cells },
    sheetSource: { sheet, headerRow: 0, headers },
    findings,
  };
  if (missingFields.length > 0) result.missingFields = missingFields;
  return result;
}
