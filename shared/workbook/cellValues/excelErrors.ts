import type { RawCell } from "../sheetView";
import { problem, type CellContext, type CellResult } from "./cellResult";

/** The message an adapter puts in an error-typed cell whose formula has no cached value. */
export const FORMULA_WITHOUT_VALUE = "fórmula sin valor calculado";

const EXCEL_ERROR = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)$/i;

/**
 * True when the cell is an Excel error: typed `error` by the host, or — when the host gives no
 * types — a value that spells one (`#REF!`, `#DIV/0!`, `#N/A`, `#VALUE!`…). With types present,
 * the text "#N/A" in a string cell is just text.
 */
export function isExcelError(cell: RawCell): boolean {
  if (cell.type === "error") return true;
  if (cell.type !== undefined) return false;
  return typeof cell.value === "string" && EXCEL_ERROR.test(cell.value.trim());
}

/** The PARSE-007 problem of an error cell, with what to do in Spanish. */
export function excelErrorProblem(cell: RawCell, ctx: CellContext): CellResult<never> {
  const text = typeof cell.value === "string" ? cell.value.trim() : String(cell.value ?? "");
  if (text.toLowerCase() === FORMULA_WITHOUT_VALUE || text === "") {
    return problem("PARSE-007", ctx,
      "la celda tiene una fórmula sin valor calculado. Abra el libro en Excel para que se calcule y guárdelo, o escriba el valor directamente.",
      text || FORMULA_WITHOUT_VALUE);
  }
  return problem("PARSE-007", ctx,
    `la celda tiene el error de Excel ${text}. Corrija la fórmula o escriba el valor directamente.`, text);
}
