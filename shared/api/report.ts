import * as z from "zod";
import { ProgressReport } from "../consolidate/progressReportSchema";
import { PlanStatus } from "./planStatus";

/** Query of `GET /v1/cooperatives/{id}/report`: `asOf`, the report's ISO date (default today in America/Santiago). */
export const ReportQuery = z.object({
  asOf: z.iso.date({ error: "La fecha «asOf» debe escribirse AAAA-MM-DD, por ejemplo 2025-12-15." }).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/**
 * Response of `GET /v1/cooperatives/{id}/report`: the progress report (shared/consolidate
 * `ProgressReport`: money integer CLP, shares fractions 0–1, dates ISO) of the cooperative's
 * latest revision, with that revision's version, status and save time (ISO timestamp).
 * Imported from the schema file, not shared/consolidate's index, so no import cycle forms.
 */
export const ProgressReportResponse = z.object({
  cooperativeId: z.string(),
  version: z.number().int().positive(),
  status: PlanStatus,
  at: z.string(),
  report: ProgressReport,
});
export type ProgressReportResponse = z.infer<typeof ProgressReportResponse>;
