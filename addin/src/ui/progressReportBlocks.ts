import { progressReportSheet, type ProgressReport } from "@coop-plans/shared/consolidate";
import type { ProgressReportData, SheetBlock } from "../host/WorkbookHost";

/**
 * Turns a progress report into the `Informe de avance` sheet the host writes: the title, a
 * "Resumen" label/value block (CLP and percentage values formatted cell by cell), the planned vs
 * executed table by ítem (drawn as a native clustered column chart: Planificado and Ejecutado)
 * and the hitos table. The same layout shared/consolidate `progressReportSheet` gives the CLI.
 */
export function progressReportBlocks(report: ProgressReport): ProgressReportData {
  const sheet = progressReportSheet(report);
  const facts = sheet.facts.filter((f) => !f.heading);
  const summary: SheetBlock = {
    title: "Resumen",
    header: ["Indicador", "Valor"],
    rows: facts.map((f) => [f.label, f.value]),
    cellFormats: facts.flatMap((f, row) => (f.kind === "clp" || f.kind === "percent" ? [{ row, column: 1, kind: f.kind }] : [])),
  };
  const kinds = (kind: string) => sheet.investment.columns.flatMap((c, i) => (c.kind === kind ? [i] : []));
  const investment: SheetBlock = {
    title: sheet.investment.title,
    header: sheet.investment.columns.map((c) => c.header),
    rows: sheet.investment.rows,
    moneyColumns: kinds("clp"),
    percentColumns: kinds("percent"),
  };
  const milestones: SheetBlock = {
    title: sheet.milestones.title,
    header: sheet.milestones.columns.map((c) => c.header),
    rows: sheet.milestones.rows,
  };
  return {
    title: sheet.title,
    blocks: [summary, investment, milestones],
    chart: investment.rows.length > 0 ? { block: 1, seriesColumns: [1, 2], title: "Inversión planificada y ejecutada por ítem" } : undefined,
  };
}
