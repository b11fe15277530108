import { TransitionRequest, type TransitionAction, type TransitionResponse } from "@coop-plans/shared/api";
import type { HandlerDeps } from "../deps";
import type { Permission } from "../auth/authorize";
import { actorOf, type Principal } from "../auth/principal";
import { HttpProblem } from "../http/httpProblem";
import { readJsonBody } from "../http/requestBody";
import type { ApiEvent } from "../http/types";
import { VersionConflictError } from "../store/errors";
import { decodeRevisionBody, encodeRevisionBody, type EncodedBody } from "../store/revisionBody";
import { loadAuthorizedCooperative } from "./cooperativeAccess";
import { countFindings } from "@coop-plans/shared/findings";
import { validateForRegistration } from "./registrationRules";
import { statusAfterTransition } from "./workflow";
import { PLAN_STATUS_LABELS } from "@coop-plans/shared/api";

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
 * `POST /v1/cooperatives/{id}/plan/transitions`: submit (gestor/a; re-validates the latest plan
 * for the registered cooperative, see registrationRules, and refuses with 422 and the findings
 * while errors remain), return with observations (AOS, comment
 * required), approve, reopen (AOS). Each transition is a new revision carrying the same plan, who,
 * when and the comment, written with the latest pointer in one conditional transaction.
 * Throws HttpProblem 400/403/404/409/422.
 */
export async function transitionPlan(deps: HandlerDeps, event: ApiEvent, principal: Principal): Promise<TransitionResponse> {
  const { store } = deps;
  const request = readJsonBody(event, TransitionRequest);
  const cooperative = await loadAuthorizedCooperative(store, event, principal, PERMISSION[request.action]);
  const comment = request.comment ? request.comment : null;
  if (request.action === "return" && !comment) {
    throw new HttpProblem("VALIDATION_FAILED", "Para devolver el plan escriba las observaciones en «comment».", { field: "comment" });
  }

  const latest = await store.getLatest(cooperative.id);
  if (!latest || latest.version === 0) {
    throw new HttpProblem("PLAN_NOT_FOUND", "La cooperativa aún no tiene un plan guardado: sincronice el plan antes de cambiar su estado.", { currentVersion: 0 });
  }
  const next = statusAfterTransition(latest.status, request.action);
  if (!next) {
    throw new HttpProblem(
      "INVALID_TRANSITION",
      `No se puede ${ACTION_LABELS[request.action]} un plan en estado «${PLAN_STATUS_LABELS[latest.status]}».`,
      { currentVersion: latest.version },
    );
  }
  const previous = await store.getRevision(cooperative.id, latest.version);
  if (!previous) throw new Error("Latest pointer points to a missing revision");

  let body: EncodedBody = { data: previous.body, encoding: previous.bodyEncoding, bytes: previous.bodyBytes };
  let counts = previous.counts;
  if (request.action === "submit") {
    const { plan } = decodeRevisionBody(previous.body, previous.bodyEncoding);
    const findings = validateForRegistration(deps.validate, plan, cooperative);
    counts = countFindings(findings);
    if (counts.error > 0) {
      throw new HttpProblem(
        "PLAN_HAS_ERRORS",
        `El plan tiene ${counts.error} error(es) que impiden enviarlo: corríjalos en la planilla y vuelva a sincronizar.`,
        { findings: findings.filter((f) => f.severity === "error"), currentVersion: latest.version },
      );
    }
    body = encodeRevisionBody({ plan, findings });
  }

  const at = deps.now().toISOString();
  const by = actorOf(principal);
  const version = latest.version + 1;
  const totals = previous.totals;
  try {
    await store.appendRevision({
      cooperativeId: cooperative.id, regionCode: cooperative.regionCode, version, status: next,
      action: request.action, by, at, comment, totals, counts, body, planHash: latest.planHash,
    });
  } catch (error) {
    if (error instanceof VersionConflictError) {
      throw new HttpProblem("VERSION_CONFLICT", `El plan cambió mientras se procesaba la solicitud (versión actual: ${error.currentVersion}). Revise el estado e intente nuevamente.`, { currentVersion: error.currentVersion });
    }
    throw error;
  }
  return { cooperativeId: cooperative.id, version, status: next, action: request.action, by, at, comment, totals, counts };
}
