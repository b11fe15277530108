import { PLAN_STATUS_LABELS, type TransitionAction, type TransitionResponse } from "@coop-plans/shared/api";
import { countFindings } from "@coop-plans/shared/findings";
import { authorize, type Permission } from "../auth/authorize";
import { actorOf, type Principal } from "../auth/principal";
import type { UseCaseDeps } from "./useCaseDeps";
import { DomainError } from "../domainError";
import { loadAuthorizedCooperative } from "./cooperativeAccess";
import { VersionConflictError, type ContentJson, type StoredContent } from "./planStore";
import { validateForRegistration } from "./registrationRules";
import { statusAfterTransition } from "./workflow";
import { packForSave } from "../rulePacks/rulePacks";

/** A workflow transition of a cooperative's plan. */
export interface TransitionPlanCommand {
  cooperativeId: string;
  /**
   * Reads the request: the action and the observations (required to return a plan; null or
   * empty when none). Called once the caller may see the plan; its errors propagate.
   */
  readRequest: () => { action: TransitionAction; comment?: string | null };
}

const PERMISSION: Record<TransitionAction, Permission> = {
  submit: "plan:submit",
  return: "plan:return",
  approve: "plan:approve",
  reopen: "plan:reopen",
};

const ACTION_LABELS: Record<TransitionAction, string> = {
  submit: "enviar", return: "devolver con observaciones", approve: "aprobar", reopen: "reabrir",
};

/**
 * Submit (gestor/a: re-validates the latest plan for the registered cooperative, see
 * registrationRules, under the pack in force now, which the new revision records, and refuses with PLAN_HAS_ERRORS 422 and the findings while errors remain),
 * return with observations (AOS, comment required), approve, reopen (AOS). Each transition is a
 * new revision carrying the same plan, who, when and the comment, written with the latest pointer
 * in one conditional transaction. The caller must first be allowed to read the plan (404/403
 * before the body is read), then to take the action (403). Throws DomainError: COOPERATIVE_NOT_FOUND 404, FORBIDDEN 403,
 * VALIDATION_FAILED 400 (return without comment), PLAN_NOT_FOUND 404, INVALID_TRANSITION 409,
 * PLAN_HAS_ERRORS 422, VERSION_CONFLICT 409.
 */
export async function transitionPlan(command: TransitionPlanCommand, principal: Principal, deps: UseCaseDeps): Promise<TransitionResponse> {
  const { store } = deps;
  // Who cannot see the plan learns nothing more (404/403 before the body); then the action's own permission.
  const cooperative = await loadAuthorizedCooperative(store, command.cooperativeId, principal, "plan:read");
  const { action, comment: rawComment } = command.readRequest();
  authorize(principal, PERMISSION[action], { regionCode: cooperative.regionCode, gestorEmail: cooperative.gestorEmail });
  const comment = rawComment ? rawComment : null;
  if (action === "return" && !comment) {
    throw new DomainError("VALIDATION_FAILED", "Para devolver el plan escriba las observaciones en «comment».", { field: "comment" });
  }

  const latest = await store.getPointer(cooperative.id);
  if (!latest || latest.version === 0) {
    throw new DomainError("PLAN_NOT_FOUND", "La cooperativa aún no tiene un plan guardado: sincronice el plan antes de cambiar su estado.", { currentVersion: 0 });
  }
  const next = statusAfterTransition(latest.status, action);
  if (!next) {
    throw new DomainError(
      "INVALID_TRANSITION",
      `No se puede ${ACTION_LABELS[action]} un plan en estado «${PLAN_STATUS_LABELS[latest.status]}».`,
      { currentVersion: latest.version },
    );
  }
  const previous = await store.getRevision(cooperative.id, latest.version);
  if (!previous) throw new Error("Latest pointer points to a missing revision");

  let content: ContentJson | StoredContent = previous.content;
  let counts = previous.counts;
  let rulePack = previous.rulePack;
  if (action === "submit") {
    const { plan } = previous.content.read();
    const pack = await packForSave(store, await store.getRulePackVersions(), cooperative.callYear);
    rulePack = { year: pack.year, version: pack.version };
    const findings = validateForRegistration(deps.validate, plan, cooperative, pack);
    counts = countFindings(findings);
    if (counts.error > 0) {
      throw new DomainError(
        "PLAN_HAS_ERRORS",
        `El plan tiene ${counts.error} error(es) que impiden enviarlo: corríjalos en la planilla y vuelva a sincronizar.`,
        { findings: findings.filter((f) => f.severity === "error"), currentVersion: latest.version },
      );
    }
    content = { json: JSON.stringify({ plan, findings }) };
  }

  const answer: TransitionResponse = {
    cooperativeId: cooperative.id, version: latest.version + 1, status: next, action: action,
    by: actorOf(principal), at: deps.now().toISOString(), comment, totals: previous.totals, counts, rulePack,
  };
  try {
    await store.appendRevision({ ...answer, regionCode: cooperative.regionCode, content, planHash: latest.planHash });
  } catch (error) {
    if (error instanceof VersionConflictError) {
      throw new DomainError("VERSION_CONFLICT", `El plan cambió mientras se procesaba la solicitud (versión actual: ${error.currentVersion}). Revise el estado e intente nuevamente.`, { currentVersion: error.currentVersion });
    }
    throw error;
  }
  return answer;
}
