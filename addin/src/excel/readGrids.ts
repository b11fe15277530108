import type { CellType, CellValue, SheetGrid } from "@coop-plans/shared/workbook";
import type { ReadResult, SkippedSheet } from "../host/WorkbookHost";
import { blockAddress, localAddress, requireRange, type CellPosition } from "@coop-plans/shared/workbook";
import { MAX_CELLS_PER_READ, READ_BYTES_PER_CELL, packBatches, rowChunks } from "../host/requestBudget";
import { isTemplateSheet } from "../host/templateSheets";

/** Office's `RangeValueType` → the grid's `CellType`. */
function cellType(t: string): CellType {
  switch (t) {
    case "Empty": return "empty";
    case "Integer": case "Double": return "number";
    case "Boolean": return "boolean";
    case "Error": return "error";
    default: return "string";
  }
}

/** True for Office's "request/response payload size limit exceeded" errors. */
function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && /PayloadSizeLimitExceeded/i.test(code);
}

/** `Range.values` cell → grid cell: `""` becomes null. */
function cellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/** Splits a `RangeAreas.address` (`Hoja!A1:B2, Hoja!C3:D4`) into local A1 ranges. */
export function splitAreas(address: string): string[] {
  return address
    .split(",")
    .map((part) => localAddress(part.trim()))
    .filter((a) => /^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/.test(a));
}

interface SheetPlan {
  name: string;
  origin: string;
  top: CellPosition;
  rows: number;
  columns: number;
}

/**
 * Reads the template sheets' used ranges (valuesOnly) in a fixed number of phases, independent of
 * the row count: (1) sheet names and the date-system probe, (2) used-range sizes, (3) the data —
 * values, valueTypes, numberFormat and merged areas — packed into syncs of at most ~4 MB of
 * estimated response, so a normal workbook takes exactly three syncs and a sheet over the 5 MB
 * request limit is read in row chunks. A sheet over 5 M cells, or one whose `values` come back
 * null ("too big"), is skipped with a Spanish reason, never read as empty.
 * Merged areas need ExcelApi 1.13 (left out below it).
 * The 1904 flag comes from `DATE(1904,1,2)`: serial 1 on the 1904 system, 1463 on the 1900 one.
 */
export async function readGridsFromExcel(context: Excel.RequestContext, supportsMergedAreas = true): Promise<ReadResult & { sheetNames: string[] }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const probe = context.workbook.functions.date(1904, 1, 2);
  probe.load("value");
  await context.sync(); // phase 1: names

  const sheetNames = worksheets.items.map((s) => s.name);
  const names = sheetNames.filter(isTemplateSheet);
  const used = names.map((name) => {
    const range = worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load("address,rowCount,columnCount");
    return { name, range };
  });
  await context.sync(); // phase 2: sizes

  const skipped: SkippedSheet[] = [];
  const plans: SheetPlan[] = [];
  for (const { name, range } of used) {
    if (range.isNullObject) {
      plans.push({ name, origin: "A1", top: { row: 1, col: 1 }, rows: 0, columns: 0 });
      continue;
    }
    if (range.rowCount * range.columnCount > MAX_CELLS_PER_READ) {
      skipped.push({ sheet: name, reason: `La hoja «${name}» tiene ${range.rowCount * range.columnCount} celdas usadas, más de las que Excel permite leer (5 millones). Borre las filas o columnas vacías con formato y vuelva a validar.` });
      continue;
    }
    const corner = requireRange(range.address);
    const top = { row: corner.top, col: corner.left };
    plans.push({ name, origin: localAddress(range.address).split(":")[0], top, rows: range.rowCount, columns: range.columnCount });
  }

  type Chunk = { plan: SheetPlan; start: number; count: number };
  const chunks: Chunk[] = plans.flatMap((plan) => rowChunks(plan.rows, plan.columns).map((c) => ({ plan, ...c })));
  const batches = packBatches(chunks, (c) => c.count * c.plan.columns * READ_BYTES_PER_CELL);

  const grids = new Map<string, SheetGrid>(plans.map((p) => [p.name, { name: p.name, origin: p.origin, values: [], types: [], numberFormats: [], merged: [] }]));
  const tooBig = new Set<string>();
  const mergedLoads = plans
    .filter((p) => p.rows > 0 && supportsMergedAreas)
    .map((p) => {
      const areas = worksheets.getItem(p.name).getRange(blockAddress(p.top, p.rows, p.columns)).getMergedAreasOrNullObject();
      areas.load("address");
      return { name: p.name, areas };
    });

  if (batches.length === 0 && mergedLoads.length > 0) await context.sync();
  // Phase 3: one sync per ~4 MB batch — the count depends on bytes, never on a row loop. The
  // bytes are estimated before reading; if Excel still refuses a response as too large, that
  // batch is split in halves and retried (a single row that is still too large skips its sheet).
  const pending = [...batches];
  while (pending.length > 0) {
    const batch = pending.shift()!;
    const loads = batch.map((chunk) => {
      const range = worksheets.getItem(chunk.plan.name).getRange(blockAddress({ row: chunk.plan.top.row + chunk.start, col: chunk.plan.top.col }, chunk.count, chunk.plan.columns));
      range.load("values,valueTypes,numberFormat");
      return { chunk, range };
    });
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error)) throw error;
      const halves = batch.flatMap((c) => (c.count > 1 ? [{ ...c, count: Math.ceil(c.count / 2) }, { ...c, start: c.start + Math.ceil(c.count / 2), count: Math.floor(c.count / 2) }] : [c]));
      if (halves.length === batch.length && batch.length === 1) {
        tooBig.add(batch[0].plan.name);
        continue;
      }
      pending.unshift(...(batch.length > 1 ? batch.map((c) => [c]) : [halves.slice(0, 1), halves.slice(1)]));
      continue;
    }
    for (const { chunk, range } of loads) {
      const grid = grids.get(chunk.plan.name)!;
      if (!range.values) {
        tooBig.add(chunk.plan.name);
        continue;
      }
      // Chunks of a sheet may come back out of order after a split: place rows by their offset.
      const at = chunk.start;
      range.values.forEach((row, i) => (grid.values[at + i] = row.map(cellValue)));
      range.valueTypes.forEach((row, i) => (grid.types![at + i] = row.map((t) => cellType(String(t)))));
      range.numberFormat.forEach((row, i) => (grid.numberFormats![at + i] = row.map((f) => String(f ?? "General"))));
    }
  }
  for (const { name, areas } of mergedLoads) {
    if (!areas.isNullObject && areas.address) grids.get(name)!.merged = splitAreas(areas.address);
  }
  for (const name of tooBig) {
    grids.delete(name);
    skipped.push({ sheet: name, reason: `Excel no devolvió los datos de la hoja «${name}» porque son demasiados para una lectura. Quite filas o columnas vacías con formato y vuelva a validar.` });
  }
  const sheets = names.filter((n) => grids.has(n)).map((n) => grids.get(n)!);
  return { grids: { sheets, date1904: probe.value === 1 }, skipped, sheetNames };
}
