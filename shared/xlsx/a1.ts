/** A1 address helpers (1-based rows and columns). */

import { columnLetters, columnNumber } from "../workbook/a1";

/** Column letters ↔ numbers (1-based) come from the core's A1 helpers. */
export { columnLetters, columnNumber };

/** A 1-based row and column → `B7`. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** A range in A1 form (`H2:K500`, or a single cell `B3`), 1-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Parses `H2:K500` (or `B3`, `$B$3`) into a `CellRange`. Throws on anything else. */
export function parseRange(range: string): CellRange {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(range.trim());
  if (!m) throw new Error(`Invalid A1 range: ${range}`);
  const a = { row: Number(m[2]), col: columnNumber(m[1]) };
  const b = m[3] ? { row: Number(m[4]), col: columnNumber(m[3]) } : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}
