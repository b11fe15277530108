import type { CellType, CellValue, SheetGrid } from "./grid";
import { parseA1, parseRange, type CellRange } from "./a1";

/** One cell as read from a grid, at an absolute sheet position. */
export interface RawCell {
  value: CellValue;
  /** The host's cell type when known (`error` tells a real `#N/A` from the text). */
  type?: CellType;
  /** The Excel number format code when known (`0%`, `dd-mm-yyyy`). */
  format?: string;
}

const EMPTY: RawCell = { value: null };

/** True when a cell holds nothing: null, or a string of spaces only (any kind of space). */
export function isBlankValue(value: CellValue): boolean {
  return value === null || (typeof value === "string" && !NON_BLANK.test(value));
}

/** Any character other than a space of any kind. */
const NON_BLANK = /[^\s\u200b\ufeff]/;

/**
 * A SheetGrid seen through absolute sheet coordinates (1-based rows and columns), whatever its
 * `origin`, with its merged areas resolved:
 * - `label()` gives the master (top-left) value for any cell of a merged area (headers, titles);
 * - `cell()` reads data: a cell under a vertical merge gets its master's value (a Grupo merged down
 *   several lines belongs to each line), a cell to the right of a merge's master reads empty (so a
 *   label merged across columns is not read twice, whether the host repeats it or not).
 */
export class SheetView {
  readonly name: string;
  readonly firstRow: number;
  readonly firstCol: number;
  readonly lastRow: number;
  readonly lastCol: number;
  private readonly grid: SheetGrid;
  private readonly mergesByRow = new Map<number, CellRange[]>();

  constructor(grid: SheetGrid) {
    this.grid = grid;
    this.name = grid.name;
    const origin = parseA1(grid.origin ?? "A1") ?? { row: 1, col: 1 };
    this.firstRow = origin.row;
    this.firstCol = origin.col;
    const rows = Array.isArray(grid.values) ? grid.values : [];
    const width = rows.reduce((w, r) => Math.max(w, Array.isArray(r) ? r.length : 0), 0);
    this.lastRow = this.firstRow + rows.length - 1;
    this.lastCol = this.firstCol + Math.max(width, 1) - 1;
    for (const text of grid.merged ?? []) {
      const area = typeof text === "string" ? parseRange(text) : undefined;
      if (!area || (area.top === area.bottom && area.left === area.right)) continue;
      const from = Math.max(area.top, this.firstRow);
      const to = Math.min(area.bottom, this.lastRow);
      for (let r = from; r <= to; r++) {
        const list = this.mergesByRow.get(r);
        if (list) list.push(area);
        else this.mergesByRow.set(r, [area]);
      }
    }
  }

  /** True when the grid holds no non-blank value at all. */
  isEmpty(): boolean {
    return !(this.grid.values ?? []).some((r) => Array.isArray(r) && r.some((v) => !isBlankValue(v ?? null)));
  }

  /** The cell exactly as the host gave it (no merge logic); empty outside the grid. */
  raw(row: number, col: number): RawCell {
    const i = row - this.firstRow;
    const j = col - this.firstCol;
    if (i < 0 || j < 0) return EMPTY;
    const values = this.grid.values[i];
    if (!Array.isArray(values) || j >= values.length) return EMPTY;
    const value = values[j] === undefined ? null : values[j];
    const type = this.grid.types?.[i]?.[j];
    const format = this.grid.numberFormats?.[i]?.[j];
    return { value, type: type ?? undefined, format: format ?? undefined };
  }

  /** `raw(row, col).value` without building the cell. */
  private rawValue(row: number, col: number): CellValue {
    const i = row - this.firstRow;
    const j = col - this.firstCol;
    if (i < 0 || j < 0) return null;
    const values = this.grid.values[i];
    if (!Array.isArray(values) || j >= values.length) return null;
    const value = values[j];
    return value === undefined ? null : value;
  }

  /** The merged area covering a cell, if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    const areas = this.mergesByRow.get(row);
    if (!areas) return undefined;
    for (const a of areas) if (col >= a.left && col <= a.right) return a;
    return undefined;
  }

  /** A data cell, merges resolved (see the class note). */
  cell(row: number, col: number): RawCell {
    const area = this.mergeAt(row, col);
    if (!area || (area.top === row && area.left === col)) return this.raw(row, col);
    if (col !== area.left) return EMPTY;
    return this.raw(area.top, area.left);
  }

  /** `cell(row, col).value` without building the cell. */
  value(row: number, col: number): CellValue {
    const area = this.mergeAt(row, col);
    if (!area || (area.top === row && area.left === col)) return this.rawValue(row, col);
    if (col !== area.left) return null;
    return this.rawValue(area.top, area.left);
  }

  /** A label: the master's value for any cell of a merged area, as trimmed text ("" when empty or not text). */
  label(row: number, col: number): string {
    const area = this.mergeAt(row, col);
    const { value } = area ? this.raw(area.top, area.left) : this.raw(row, col);
    if (typeof value === "string") return value.trim();
    return "";
  }

  /** True when no cell of the row (within the grid's columns) holds a value, merges resolved. */
  isBlankRow(row: number): boolean {
    for (let c = this.firstCol; c <= this.lastCol; c++) if (!isBlankValue(this.value(row, c))) return false;
    return true;
  }

  /** The columns of a row holding a value (merges resolved), left to right. */
  filledColumns(row: number): number[] {
    const out: number[] = [];
    for (let c = this.firstCol; c <= this.lastCol; c++) if (!isBlankValue(this.value(row, c))) out.push(c);
    return out;
  }
}
