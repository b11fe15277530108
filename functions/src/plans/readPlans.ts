import type { PlanResponse, ProgressReportResponse, Revision, RevisionList } from "@coop-plans/shared/api";
import { progressReport } from "@coop-plans/shared/consolidate";
import { todayInSantiago } from "@coop-plans/shared/rules";
import type { Principal } from "../auth/principal";
import type { UseCaseDeps } from "./useCaseDeps";
import { DomainError } from "../domainError";
import { loadAuthorizedCooperative } from "./cooperativeAccess";
import type { PlanStore, StoredRevision } from "./planStore";

/** A stored revision with its plan and findings (the API's Revision). */
export function toRevision(revision: StoredRevision): Revision {
  const { content, ...summary } = revision;
  return { ...summary, ...content.read() };
}

/** The latest revision of a cooperative already authorized; DomainError PLAN_NOT_FOUND 404 when it has none. */
async function latestRevision(store: PlanStore, cooperativeId: string): Promise<StoredRevision> {
  const latest = await store.getPointer(cooperativeId);
  if (!latest || latest.version === 0) {
    throw new DomainError("PLAN_NOT_FOUND", "La cooperativa aún no tiene un plan guardado: sincronice la planilla para crear la versión 1.", { currentVersion: 0 });
  }
  const revision = await store.getRevision(cooperativeId, latest.version);
  if (!revision) throw new Error("Latest pointer points to a missing revision");
  return revision;
}

/** The latest plan of a cooperative (`plan:read`). DomainError 404 (cooperative, plan) / 403. */
export async function getLatestPlan(cooperativeId: string, principal: Principal, { store }: UseCaseDeps): Promise<PlanResponse> {
  const cooperative = await loadAuthorizedCooperative(store, cooperativeId, principal, "plan:read");
  return toRevision(await latestRevision(store, cooperative.id));
}

/** The audit trail: every revision without its plan, oldest first (`plan:read`). DomainError 404 / 403. */
export async function listPlanRevisions(cooperativeId: string, principal: Principal, { store }: UseCaseDeps): Promise<RevisionList> {
  const cooperative = await loadAuthorizedCooperative(store, cooperativeId, principal, "plan:read");
  return { cooperativeId: cooperative.id, items: await store.listRevisions(cooperative.id) };
}

/**
 * One revision with its plan (`plan:read`): `readVersion` gives the version once the caller may
 * read (its errors propagate). DomainError 404 (cooperative, REVISION_NOT_FOUND) / 403.
 */
export async function getPlanRevision(command: { cooperativeId: string; readVersion: () => number }, principal: Principal, { store }: UseCaseDeps): Promise<Revision> {
  const cooperative = await loadAuthorizedCooperative(store, command.cooperativeId, principal, "plan:read");
  const version = command.readVersion();
  const revision = await store.getRevision(cooperative.id, version);
  if (!revision) throw new DomainError("REVISION_NOT_FOUND", `La revisión ${version} no existe para esta cooperativa.`);
  return toRevision(revision);
}

/**
 * The progress report (shared/consolidate `progressReport`) of the cooperative's latest revision,
 * at the date `readAsOf` gives once the caller may read (ISO; undefined: today in
 * America/Santiago). Same authorization as reading the plan. DomainError 404 (cooperative, plan) / 403.
 */
export async function progressReportOfLatest(command: { cooperativeId: string; readAsOf: () => string | undefined }, principal: Principal, { store }: UseCaseDeps): Promise<ProgressReportResponse> {
  const cooperative = await loadAuthorizedCooperative(store, command.cooperativeId, principal, "plan:read");
  const asOf = command.readAsOf();
  const revision = toRevision(await latestRevision(store, cooperative.id));
  return {
    cooperativeId: cooperative.id,
    version: revision.version,
    status: revision.status,
    at: revision.at,
    report: progressReport(revision.plan, { asOf: asOf ?? todayInSantiago() }),
  };
}
