/**
 * Excel on the web caps a request (and its response) at 5 MB. The adapter estimates payloads and
 * splits reads and writes so each `context.sync` stays under a budget with margin.
 */
export const REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;

/** The budget used per sync: 4 MB, leaving room for the JSON envelope and the other actions. */
export const SYNC_BUDGET_BYTES = 4 * 1024 * 1024;

/**
 * Estimated bytes per cell of a read of values + valueTypes + numberFormat: a typical value
 * (≈16 bytes as JSON), its type (`"String",` ≈ 9) and its format (`"General",` ≈ 10), plus commas.
 */
export const READ_BYTES_PER_CELL = 40;

/** Office's other cap: at most 5 million cells a read. */
export const MAX_CELLS_PER_READ = 5_000_000;

/** A slice of rows [start, start + count) of a sheet's used range, 0-based within the range. */
export interface RowChunk {
  start: number;
  count: number;
}

/**
 * Splits `rowCount` rows of `columnCount` columns into chunks whose estimated payload
 * (`rows × columns × bytesPerCell`) stays within `budget`; one chunk when everything fits.
 */
export function rowChunks(rowCount: number, columnCount: number, bytesPerCell = READ_BYTES_PER_CELL, budget = SYNC_BUDGET_BYTES): RowChunk[] {
  if (rowCount <= 0) return [];
  const perRow = Math.max(1, columnCount * bytesPerCell);
  const rowsPerChunk = Math.max(1, Math.floor(budget / perRow));
  const chunks: RowChunk[] = [];
  for (let start = 0; start < rowCount; start += rowsPerChunk) {
    chunks.push({ start, count: Math.min(rowsPerChunk, rowCount - start) });
  }
  return chunks;
}

/** Estimated JSON size of a 2-D array of values (what a write of it sends). */
export function estimateBytes(rows: readonly (readonly unknown[])[]): number {
  let bytes = 2;
  for (const row of rows) {
    bytes += 2;
    for (const v of row) bytes += (v === null || v === undefined ? 4 : typeof v === "string" ? v.length * 1.1 + 2 : String(v).length) + 1;
  }
  return Math.ceil(bytes);
}

/**
 * Groups write items into batches whose estimated size stays within `budget`
 * (an item bigger than the budget goes alone; callers split such items by rows first).
 */
export function packBatches<T>(items: T[], size: (item: T) => number, budget = SYNC_BUDGET_BYTES): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const s = size(item);
    if (current.length > 0 && used + s > budget) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += s;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
