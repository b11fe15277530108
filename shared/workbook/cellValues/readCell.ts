import type { ColumnSpec } from "../layout";
import type { RawCell } from "../sheetView";
import { isBlankValue } from "../sheetView";
import { EMPTY_RESULT, type CellContext, type CellResult } from "./cellResult";
import { excelErrorProblem, isExcelError } from "./excelErrors";
import { readMoney, readQuantity, readCount, readInteger, readIntegerInRange, readNumber, readYear } from "./numbers";
import { readPercentage } from "./percentage";
import { readDate } from "./dates";
import { readChoice, readYesNo } from "./choices";
import { readRegion, readModality } from "./regionAndModality";
import { readText, readRut } from "./textAndRut";

/** A cell's value in its domain type: string, number, boolean or null. */
export type FieldValue = string | number | boolean | null;

/**
 * Reads one cell by its column's type (layout.ts `ColumnType`): an Excel error first becomes
 * PARSE-007, then the type's reader applies. Never throws; a problem comes with value null.
 */
export function readCell(spec: ColumnSpec, cell: RawCell, ctx: CellContext): CellResult<FieldValue> {
  if (isExcelError(cell)) return excelErrorProblem(cell, ctx);
  if (isBlankValue(cell.value)) return EMPTY_RESULT;
  switch (spec.type) {
    case "text": case "group": case "item": case "subitem": return readText(cell, ctx);
    case "rut": return readRut(cell);
    case "integer": return readInteger(cell, ctx);
    case "count": return readCount(cell, ctx);
    case "quantity": return readQuantity(cell, ctx);
    case "money": return readMoney(cell, ctx);
    case "number": return readNumber(cell, ctx);
    case "percentage": return readPercentage(cell, ctx);
    case "date": return readDate(cell, ctx);
    case "milestone": return readIntegerInRange(cell, ctx, 1, 4);
    case "choice": return spec.choices ? readChoice(cell, ctx, spec.choices) : readText(cell, ctx);
    case "yesNo": return readYesNo(cell, ctx);
    case "region": return readRegion(cell, ctx);
    case "modality": return readModality(cell, ctx);
    case "year": return readYear(cell, ctx);
  }
}
