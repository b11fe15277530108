import type { CellValue } from "@coop-plans/shared/workbook";

/** A typed string starting with one of these makes Excel read it as a formula (or a number/sign). */
const FORMULA_START = /^[=+\-@]/;

/**
 * The value to give Office.js `Range.values` so that a text stays exactly that text. Excel takes a
 * string written to `values` as if typed: `=HYPERLINK(...)` becomes a formula, `+56 9…` or `-x`
 * an attempted formula, `@x` an implicit-intersection formula. Such a string (and one starting with
 * an apostrophe, which Excel would swallow) gets Excel's text prefix, a leading apostrophe: it is
 * not part of the value, the cell shows and returns the text as given. Numbers, booleans and null
 * pass through; a string that is a plain number (`-5`, `+3`) is also prefixed, since we wrote text.
 */
export function literalCellValue(value: CellValue): CellValue {
  if (typeof value !== "string") return value;
  return FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value;
}

/** `literalCellValue` over a 2-D array (a new array; the input is not changed). */
export function literalValues(rows: readonly (readonly CellValue[])[]): CellValue[][] {
  return rows.map((row) => row.map(literalCellValue));
}
