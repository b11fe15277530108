import { CONSOLIDATION_SHEET_NAMES, Consolidation, consolidationSheets, consolidationTitle } from "@coop-plans/shared/consolidate";
import type { ConsolidatedSheet, SheetBlock } from "../host/WorkbookHost";

/**
 * Turns the API's consolidation into the `Consolidado` sheet the host writes: the tables of
 * `shared/consolidate` (the same the CLI writes to .xlsx, CLP and percent columns formatted) plus
 * a chart block "Aportes por ítem" (Sercotec vs aporte empresarial) drawn as a native chart.
 * Returns null when the response does not have the consolidation's shape.
 */
export function consolidatedSheet(response: unknown, today: string): ConsolidatedSheet | null {
  const parsed = Consolidation.safeParse(response);
  if (!parsed.success) return null;
  const c = parsed.data;
  const blocks: SheetBlock[] = consolidationSheets(c).map((sheet) => ({
    // The summary's own title repeats the sheet's first row: its block is titled by its name.
    title: sheet.name === CONSOLIDATION_SHEET_NAMES.summary ? sheet.name : (sheet.title ?? sheet.name),
    header: sheet.columns.map((col) => col.header),
    rows: sheet.totalRow ? [...sheet.rows, sheet.totalRow] : sheet.rows,
    moneyColumns: sheet.columns.flatMap((col, i) => (col.kind === "clp" ? [i] : [])),
    percentColumns: sheet.columns.flatMap((col, i) => (col.kind === "percent" ? [i] : [])),
  }));
  const chartBlock: SheetBlock = {
    title: "Aportes por ítem",
    header: ["Ítem", "Aporte Sercotec", "Aporte empresarial"],
    rows: c.byItem.map((r) => [r.item ?? "(sin ítem)", r.sercotecAmount, r.ownAmount]),
    moneyColumns: [1, 2],
  };
  blocks.push(chartBlock);
  return {
    title: `${consolidationTitle(c)} — ${today}`,
    blocks,
    chart: c.byItem.length > 0 ? { block: blocks.length - 1, seriesColumns: [1, 2], title: "Aporte Sercotec y aporte empresarial por ítem" } : undefined,
  };
}
