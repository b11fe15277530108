import type { Location, Plan, PlanPart, RecordSource } from "../domain";
import { columnNumber, columnOfA1 } from "../workbook/a1";
import { WORKBOOK_LAYOUT } from "../workbook/layout";

/** The standard workbook's sheet of each part (the layout's names), used when the plan kept none. */
export const STANDARD_SHEET_NAMES = Object.fromEntries(WORKBOOK_LAYOUT.map((s) => [s.part, s.name])) as Record<PlanPart, string>;

/** The sheet name of a part as the user wrote it, else the standard name. */
export function sheetOf(plan: Plan, part: PlanPart): string {
  return plan.sheets?.[part]?.sheet ?? STANDARD_SHEET_NAMES[part];
}


function fieldPath(part: PlanPart, index: number | undefined, field: string): string {
  return part === "cooperative" || index === undefined ? `${part}.${field}` : `${part}[${index}].${field}`;
}

/**
 * Where a record's field is: `{ sheet, cell, field }`. The cell is the record's source cell for
 * the field; else the column of the field's header (`plan.sheets[part].headers`) on the record's
 * source row; else (form fields) the header map's own cell; else no cell. `field` is always the
 * path (`investmentLines[4].total`), so data that came from no workbook can still be located.
 */
export function cellOf(
  plan: Plan,
  part: PlanPart,
  record: { source?: RecordSource } | undefined,
  field: string,
  index?: number,
): Location {
  const path = fieldPath(part, index, field);
  const source = record?.source;
  const sheet = source?.sheet ?? sheetOf(plan, part);
  const direct = source?.cells?.[field];
  if (direct) return { sheet, cell: direct, field: path };
  const header = plan.sheets?.[part]?.headers?.[field];
  if (header) {
    if (part === "cooperative") return { sheet, cell: header, field: path };
    const column = columnOfA1(header);
    if (column && source?.row) return { sheet, cell: `${column}${source.row}`, field: path };
  }
  return { sheet, field: path };
}

/**
 * The header cell of a summed column (`Plan de Inversiones!J1` for `sercotecAmount`), where the
 * aggregate rules INV-005…008 point; the sheet's A1 when the column was not found.
 */
export function headerCellOf(plan: Plan, part: PlanPart, field: string): Location {
  const header = plan.sheets?.[part]?.headers?.[field];
  return { sheet: sheetOf(plan, part), cell: header ?? "A1", field: `${part}.${field}` };
}

/**
 * The first cell of a table's header row (COOP-002 points there): the leftmost header column on
 * the header row; the sheet's A1 when the table was not found.
 */
export function tableHeaderCellOf(plan: Plan, part: PlanPart): Location {
  const source = plan.sheets?.[part];
  if (!source) return { sheet: STANDARD_SHEET_NAMES[part], cell: "A1", field: part };
  const columns = Object.values(source.headers)
    .map((cell) => columnOfA1(cell))
    .filter((c): c is string => Boolean(c))
    .sort((a, b) => columnNumber(a) - columnNumber(b));
  const row = source.headerRow > 0 ? source.headerRow : 1;
  return { sheet: source.sheet, cell: `${columns[0] ?? "A"}${row}`, field: part };
}

/** The sheet's A1 (a missing row or sheet points there). */
export function sheetCellOf(plan: Plan, part: PlanPart): Location {
  return { sheet: sheetOf(plan, part), cell: "A1", field: part };
}

/**
 * True when the parser did not read the part at all (`plan.missingParts`: its sheet is missing, or
 * it has no header row or form rows). The parse finding already says what to do, so the rules
 * about that part stay quiet. False for plans that came from no workbook.
 */
export function isPartMissing(plan: Plan, part: PlanPart): boolean {
  return plan.missingParts?.includes(part) ?? false;
}

/**
 * True when the field's values were never read: its part is missing, or its required column (a
 * form row, for the Cooperativa) was not found (`plan.sheets[part].missingColumns`, PARSE-004 /
 * PARSE-005). Rules then stay quiet about the field instead of reporting every empty value again.
 */
export function isFieldMissing(plan: Plan, part: PlanPart, field: string): boolean {
  return isPartMissing(plan, part) || (plan.sheets?.[part]?.missingColumns?.includes(field) ?? false);
}
