import type { ColumnSpec } from "./layout";
import type { SheetView } from "./sheetView";
import { isExactMatch, matchHeader, type HeaderMatch } from "./headerMatching";

/** How many rows from the top the header row is looked for (parsing contract). */
export const HEADER_SEARCH_ROWS = 15;

/** A column found in the header: its sheet column, the label read there and how well it matched. */
export interface FoundColumn {
  spec: ColumnSpec;
  col: number;
  label: string;
  score: number;
}

/** The header of a table: its first row, its last row (the same, or the next for a two-row header) and its columns. */
export interface LocatedHeader {
  row: number;
  lastRow: number;
  columns: FoundColumn[];
  /** Header cells that matched a column already taken by an exact or earlier header (PARSE-024). */
  duplicates: FoundColumn[];
}

/** True when a header starting at `row` spans two rows: a cell merged down over row+1, or a group label merged across columns with labels under it. */
function spansTwoRows(view: SheetView, row: number): boolean {
  if (row + 1 > view.lastRow) return false;
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    const area = view.mergeAt(row, c);
    if (!area || area.top !== row || area.left !== c) continue;
    if (area.bottom === row + 1) return true;
    if (area.bottom === row && area.right > area.left) {
      let labelled = 0;
      for (let k = area.left; k <= area.right; k++) if (view.label(row + 1, k) !== "") labelled++;
      if (labelled >= 2) return true;
    }
  }
  return false;
}

/** The label of a header cell in one-row reading: a merge across columns counts at its first column only. */
function singleLabel(view: SheetView, row: number, col: number): string {
  const area = view.mergeAt(row, col);
  if (area && area.left !== col) return "";
  return view.label(row, col);
}

function bestOf(candidates: string[], specs: readonly ColumnSpec[]): { match: HeaderMatch; label: string } | undefined {
  let best: { match: HeaderMatch; label: string } | undefined;
  for (const label of candidates) {
    if (label === "") continue;
    const match = matchHeader(label, specs);
    if (match && (!best || match.score > best.match.score)) best = { match, label };
  }
  return best;
}

function assign(found: FoundColumn[]): { columns: FoundColumn[]; duplicates: FoundColumn[] } {
  const byField = new Map<string, FoundColumn>();
  const duplicates: FoundColumn[] = [];
  for (const f of found) {
    const prior = byField.get(f.spec.field);
    if (!prior) byField.set(f.spec.field, f);
    else if (isExactMatch({ spec: f.spec, score: f.score }) && !isExactMatch({ spec: prior.spec, score: prior.score })) {
      duplicates.push(prior);
      byField.set(f.spec.field, f);
    }
    else duplicates.push(f);
  }
  return { columns: [...byField.values()].sort((a, b) => a.col - b.col), duplicates };
}

function readHeaderAt(view: SheetView, row: number, specs: readonly ColumnSpec[], twoRows: boolean) {
  const found: FoundColumn[] = [];
  for (let c = view.firstCol; c <= view.lastCol; c++) {
    let candidates: string[];
    if (!twoRows) {
      candidates = [singleLabel(view, row, c)];
    } else {
      const area = view.mergeAt(row, c);
      if (area && area.left !== c && area.bottom > row) continue; // inside a block merged down: read at its first column
      const top = view.label(row, c);
      const below = view.mergeAt(row + 1, c);
      const sameCell = area && below && area === below;
      const bottom = sameCell ? "" : view.label(row + 1, c);
      candidates = bottom === "" ? [top] : [`${top} ${bottom}`.trim(), bottom, top];
    }
    const best = bestOf(candidates, specs);
    if (best) found.push({ spec: best.match.spec, col: c, label: best.label, score: best.match.score });
  }
  return assign(found);
}

/**
 * Finds the header row of a table (parsing contract, "Headers"): the first row within the first
 * 15 of the grid whose cells match at least half of the required columns (and at least two
 * columns), reading a header merged over two rows as one label per column. Undefined when none.
 */
export function locateHeader(view: SheetView, specs: readonly ColumnSpec[]): LocatedHeader | undefined {
  const required = specs.filter((s) => s.required).length;
  const need = Math.max(1, Math.ceil(required / 2));
  const minColumns = Math.min(2, specs.length);
  const last = Math.min(view.lastRow, view.firstRow + HEADER_SEARCH_ROWS - 1);
  for (let row = view.firstRow; row <= last; row++) {
    const options = [{ twoRows: false, ...readHeaderAt(view, row, specs, false) }];
    if (spansTwoRows(view, row)) options.push({ twoRows: true, ...readHeaderAt(view, row, specs, true) });
    const scored = options.map((o) => ({ ...o, req: o.columns.filter((c) => c.spec.required).length }));
    scored.sort((a, b) => b.req - a.req || b.columns.length - a.columns.length || Number(b.twoRows) - Number(a.twoRows));
    const best = scored[0];
    if (best.req >= need && best.columns.length >= minColumns) {
      return { row, lastRow: best.twoRows ? row + 1 : row, columns: best.columns, duplicates: best.duplicates };
    }
  }
  return undefined;
}
