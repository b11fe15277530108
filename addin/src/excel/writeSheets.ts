import type { CellValue } from "@coop-plans/shared/workbook";
import type { SheetWrite } from "../host/sheetLayout";
import { blockAddress, rangeSize, requireRange } from "@coop-plans/shared/workbook";
import { literalValues } from "../host/literalText";
import { SYNC_BUDGET_BYTES, estimateBytes, packBatches } from "../host/requestBudget";

/** One queued write; `bytes` is its estimated share of the request. */
type WriteOp =
  | { kind: "add"; sheet: string; bytes: number }
  | { kind: "values"; sheet: string; address: string; values: CellValue[][]; bytes: number }
  | { kind: "format"; sheet: string; address: string; format: string; rows: number; columns: number; bytes: number }
  | { kind: "validation"; sheet: string; address: string; list: string[]; open?: boolean; bytes: number }
  | { kind: "bold"; sheet: string; address: string; bytes: number }
  | { kind: "layout"; sheet: string; frozenRows: number; widths: number[]; bytes: number }
  | { kind: "chart"; sheet: string; address: string; title: string; bytes: number }
  | { kind: "delete"; sheet: string; bytes: number }
  | { kind: "activate"; sheet: string; bytes: number };

/** Points per character of column width (Calibri 11). */
const POINTS_PER_CHAR = 7;

/** Splits a sheet's values into row slices whose estimated JSON fits the budget. */
function valueOps(sheet: string, values: CellValue[][], budget: number): WriteOp[] {
  const ops: WriteOp[] = [];
  const width = values[0]?.length ?? 0;
  let start = 0;
  while (start < values.length) {
    let end = start;
    let bytes = 0;
    while (end < values.length) {
      const rowBytes = estimateBytes([values[end]]);
      if (end > start && bytes + rowBytes > budget) break;
      bytes += rowBytes;
      end++;
    }
    ops.push({ kind: "values", sheet, address: blockAddress({ row: start + 1, col: 1 }, end - start, width), values: values.slice(start, end), bytes });
    start = end;
  }
  return ops;
}

/** Turns sheet writes into ordered operations (adds first, deletes and activation last). */
export function planWrites(writes: SheetWrite[], deleteSheets: string[] = [], budget = SYNC_BUDGET_BYTES): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const w of writes) {
    ops.push({ kind: "add", sheet: w.name, bytes: 64 });
    ops.push(...valueOps(w.name, w.values, budget));
    for (const nf of w.numberFormats) {
      const { rows, columns } = rangeSize(requireRange(nf.range));
      ops.push({ kind: "format", sheet: w.name, address: nf.range, format: nf.format, rows, columns, bytes: rows * columns * (nf.format.length + 4) });
    }
    for (const v of w.validations) ops.push({ kind: "validation", sheet: w.name, address: v.range, list: v.list, ...(v.open ? { open: true } : {}), bytes: 96 + v.list.join(",").length });
    const width = Math.max(1, w.values[0]?.length ?? 1);
    for (const r of w.boldRows) ops.push({ kind: "bold", sheet: w.name, address: blockAddress({ row: r, col: 1 }, 1, width), bytes: 64 });
    ops.push({ kind: "layout", sheet: w.name, frozenRows: w.frozenRows, widths: w.columnWidths, bytes: 64 + w.columnWidths.length * 48 });
    if (w.chart) ops.push({ kind: "chart", sheet: w.name, address: w.chart.range, title: w.chart.title, bytes: 256 });
  }
  for (const s of deleteSheets) ops.push({ kind: "delete", sheet: s, bytes: 64 });
  if (writes.length > 0) ops.push({ kind: "activate", sheet: writes[0].name, bytes: 32 });
  return ops;
}

/** Fills a format code into a rows × columns array (what `Range.numberFormat` expects). */
function formatGrid(format: string, rows: number, columns: number): string[][] {
  return Array.from({ length: rows }, () => Array<string>(columns).fill(format));
}

/** Queues one operation on the context. */
function apply(context: Excel.RequestContext, op: WriteOp): void {
  const sheets = context.workbook.worksheets;
  switch (op.kind) {
    case "add": sheets.add(op.sheet); return;
    // Text stays text: a name or observation starting with "=" must not become a formula.
    case "values": sheets.getItem(op.sheet).getRange(op.address).values = literalValues(op.values) as (string | number | boolean)[][]; return;
    case "format": sheets.getItem(op.sheet).getRange(op.address).numberFormat = formatGrid(op.format, op.rows, op.columns); return;
    case "validation": {
      const validation = sheets.getItem(op.sheet).getRange(op.address).dataValidation;
      validation.clear();
      validation.rule = { list: { inCellDropDown: true, source: op.list.join(",") } };
      // An open list only suggests: an Information alert lets the gestor keep another value.
      validation.errorAlert = op.open
        ? { showAlert: true, style: "Information", title: "Valor fuera de la lista habitual", message: "Puede usar otro valor: la lista solo sugiere los habituales." }
        : { showAlert: true, style: "Stop", title: "Valor no válido", message: `Elija un valor de la lista: ${op.list.join(", ")}.` };
      return;
    }
    case "bold": sheets.getItem(op.sheet).getRange(op.address).format.font.bold = true; return;
    case "layout": {
      const ws = sheets.getItem(op.sheet);
      if (op.frozenRows > 0) ws.freezePanes.freezeRows(op.frozenRows);
      op.widths.forEach((chars, i) => {
        ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = Math.round(chars * POINTS_PER_CHAR);
      });
      return;
    }
    case "chart": {
      const ws = sheets.getItem(op.sheet);
      const chart = ws.charts.add("ColumnClustered", ws.getRange(op.address), "Columns");
      chart.title.text = op.title;
      const { columns } = rangeSize(requireRange(op.address));
      chart.setPosition(blockAddress({ row: 2, col: columns + 3 }, 1, 1));
      return;
    }
    case "delete": sheets.getItem(op.sheet).delete(); return;
    case "activate": sheets.getItem(op.sheet).activate(); return;
  }
}

/**
 * Executes sheet writes in as few syncs as the request size limit allows: operations are packed
 * into batches of at most ~4 MB of estimated payload, each batch inside
 * `suspendApiCalculationUntilNextSync()` and sent with ONE `context.sync`. Returns the number of syncs.
 */
export async function writeSheets(context: Excel.RequestContext, writes: SheetWrite[], deleteSheets: string[] = [], budget = SYNC_BUDGET_BYTES): Promise<number> {
  const batches = packBatches(planWrites(writes, deleteSheets, budget), (op) => op.bytes, budget);
  for (const batch of batches) {
    context.application.suspendApiCalculationUntilNextSync();
    for (const op of batch) apply(context, op);
    await context.sync();
  }
  return batches.length;
}
