/** A1 address helpers (pure): column letters ↔ numbers, cell parsing, range building. */

import { columnLetters, columnNumber } from "@coop-plans/shared/workbook";

/** Column letters ↔ numbers (1-based) come from the core's A1 helpers. */
export { columnLetters, columnNumber };

/** A cell position, 1-based. */
export interface CellPosition {
  row: number;
  column: number;
}

/** Parses `J7` or `$J$7` (optionally `Sheet!J7`) into a 1-based position; throws on anything else. */
export function parseCell(address: string): CellPosition {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(bare.trim());
  if (!m) throw new Error(`Not an A1 cell address: ${address}`);
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}

/** Builds `A1` from a 1-based position. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** Builds `A1:C3` from a top-left cell and a size (rows × columns, both ≥ 1). */
export function rangeAddress(top: CellPosition, rows: number, columns: number): string {
  const first = cellAddress(top.row, top.column);
  if (rows === 1 && columns === 1) return first;
  return `${first}:${cellAddress(top.row + rows - 1, top.column + columns - 1)}`;
}

/** Strips the sheet part and `$` signs of an Office address: `'Plan de Acción'!$A$1:$C$3` → `A1:C3`. */
export function localAddress(address: string): string {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  return bare.replace(/\$/g, "");
}

/** Parses `A1:C3` (or a single cell) into its top-left position and size. */
export function parseRange(address: string): { top: CellPosition; rows: number; columns: number } {
  const [a, b] = localAddress(address).split(":");
  const top = parseCell(a);
  const bottom = b ? parseCell(b) : top;
  return { top, rows: bottom.row - top.row + 1, columns: bottom.column - top.column + 1 };
}
