import { ReportQuery, type ProgressReportResponse } from "@coop-plans/shared/api";
import { progressReport } from "@coop-plans/shared/consolidate";
import { todayInSantiago } from "@coop-plans/shared/rules";
import type { Principal } from "../auth/principal";
import type { HandlerDeps } from "../deps";
import { HttpProblem } from "../http/httpProblem";
import { queryParams } from "../http/params";
import type { ApiEvent } from "../http/types";
import { loadAuthorizedCooperative } from "./cooperativeAccess";
import { toRevision } from "./revisionViews";

/**
 * `GET /v1/cooperatives/{id}/report[?asOf=YYYY-MM-DD]`: the progress report (shared/consolidate
 * `progressReport`) of the cooperative's latest revision, at `asOf` (default today in
 * America/Santiago). Same authorization as reading the plan (`plan:read`). Throws HttpProblem:
 * 400 on a malformed id or date, 404 when the cooperative does not exist or has no plan yet, 403
 * when not allowed.
 */
export async function progressReportOfLatest(deps: HandlerDeps, event: ApiEvent, principal: Principal): Promise<ProgressReportResponse> {
  const { store } = deps;
  const cooperative = await loadAuthorizedCooperative(store, event, principal, "plan:read");
  const { asOf } = queryParams(event, ReportQuery);
  const latest = await store.getLatest(cooperative.id);
  if (!latest || latest.version === 0) {
    throw new HttpProblem("PLAN_NOT_FOUND", "La cooperativa aún no tiene un plan guardado: sincronice la planilla para crear la versión 1.", { currentVersion: 0 });
  }
  const item = await store.getRevision(cooperative.id, latest.version);
  if (!item) throw new Error("Latest pointer points to a missing revision");
  const revision = toRevision(item);
  return {
    cooperativeId: cooperative.id,
    version: revision.version,
    status: revision.status,
    at: revision.at,
    report: progressReport(revision.plan, { asOf: asOf ?? todayInSantiago() }),
  };
}
