/** A1 address helpers (1-based rows and columns). */

/** Column number (1-based) → letters: 1 → `A`, 27 → `AA`. */
export function columnLetters(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Column letters → number (1-based): `A` → 1, `AA` → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

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
