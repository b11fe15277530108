import * as z from "zod";
import { ProgressReport } from "./progressReportSchema";

/**
 * A cooperative's follow-up figures in a consolidation (the per-cooperative columns of the
 * progress report): actions done and mean progress, visits so far and the last one, agreements
 * open and overdue, links by tipo and estado, leverage sought and won, and `executedShare` =
 * Σ Monto ejecutado ÷ Σ Total neto (fraction 0–1; null when nothing is planned). Money integer CLP.
 */
export const CooperativeProgress = ProgressReport.pick({ actions: true, visits: true, agreements: true, links: true, leverage: true }).extend({
  executedShare: z.number().min(0).nullable(),
});
export type CooperativeProgress = z.infer<typeof CooperativeProgress>;

/** The consolidation's per-cooperative figures taken from a progress report. */
export function cooperativeProgress(report: ProgressReport): CooperativeProgress {
  const { actions, visits, agreements, links, leverage } = report;
  return { actions, visits, agreements, links, leverage, executedShare: report.investment.executedShare };
}
