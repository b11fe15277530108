/**
 * A1 address helpers. Rows and columns are 1-based and absolute to the sheet (the parsing
 * contract's locations never carry `$`).
 */

/** A cell position, 1-based, absolute to the sheet. */
export interface CellPosition {
  row: number;
  col: number;
}

/** A rectangular range, 1-based and inclusive, absolute to the sheet. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Column number (1-based) → letters: 1 → `A`, 28 → `AB`. Throws RangeError below 1. */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`Columna inválida: ${col}`);
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Column letters → number (1-based): `A` → 1, `ab` → 28. Returns NaN for anything else. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return Number.NaN;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** `{row: 7, col: 10}` → `J7`. */
export function formatA1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** Parses `J7` or `$J$7` (case-insensitive); undefined when it is not a cell address. */
export function parseA1(address: string): CellPosition | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([1-9]\d*)$/.exec(address.trim());
  if (!m) return undefined;
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** Parses `A5:B6` (or a single cell `A5`, a one-cell range); corners in any order. Undefined when malformed. */
export function parseRange(range: string): CellRange | undefined {
  const text = range.includes("!") ? range.slice(range.lastIndexOf("!") + 1) : range;
  const [a, b = a] = text.split(":");
  const p = parseA1(a);
  const q = parseA1(b);
  if (!p || !q) return undefined;
  return {
    top: Math.min(p.row, q.row), bottom: Math.max(p.row, q.row),
    left: Math.min(p.col, q.col), right: Math.max(p.col, q.col),
  };
}

/** `{top: 2, left: 3, bottom: 500, right: 3}` → `C2:C500`. */
export function formatRange(range: CellRange): string {
  return `${formatA1(range.top, range.left)}:${formatA1(range.bottom, range.right)}`;
}

/** Column letters of an A1 cell (`J7` → `J`, `$J$7` → `J`); undefined when it is not a cell address. */
export function columnOfA1(address: string): string | undefined {
  return /^\$?([A-Za-z]{1,3})\$?[1-9]\d*$/.exec(address.trim())?.[1].toUpperCase();
}

/** Strips the sheet part and `$` signs of an address: `'Plan de Acción'!$A$1:$C$3` → `A1:C3`. */
export function localAddress(address: string): string {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  return bare.replace(/\$/g, "");
}

/** `parseA1` for adapters reading a host's addresses (also `Sheet!J7`): throws Error when malformed. */
export function requireA1(address: string): CellPosition {
  const at = parseA1(localAddress(address));
  if (!at) throw new Error(`Not an A1 cell address: ${address}`);
  return at;
}

/** `parseRange` for adapters reading a host's addresses (`Sheet!$A$1:$C$3`, `B3`): throws Error when malformed. */
export function requireRange(address: string): CellRange {
  const range = parseRange(localAddress(address));
  if (!range) throw new Error(`Invalid A1 range: ${address}`);
  return range;
}

/** Rows × columns of a range. */
export function rangeSize(range: CellRange): { rows: number; columns: number } {
  return { rows: range.bottom - range.top + 1, columns: range.right - range.left + 1 };
}

/** `A1` for a one-cell block, else `A1:C3`, from a top-left cell and a size (rows × columns, both ≥ 1). */
export function blockAddress(top: CellPosition, rows: number, columns: number): string {
  const first = formatA1(top.row, top.col);
  if (rows === 1 && columns === 1) return first;
  return `${first}:${formatA1(top.row + rows - 1, top.col + columns - 1)}`;
}
