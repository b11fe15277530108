import {
  OBSERVED_PLAN_NAMES, PLAN_STATUS_LABELS, type Observation, type TransitionAction, type TransitionResponse,
} from "@coop-plans/shared/api";
import type { Plan } from "@coop-plans/shared/domain";
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
   * Reads the request: the action, the general comment and the pinned observations (a return
   * needs one of them; null or empty when none). Called once the caller may see the plan; its
   * errors propagate.
   */
  readRequest: () => { action: TransitionAction; comment?: string | null; observations?: Observation[] };
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
 * return with observations (AOS: a comment or at least one pinned observation), approve, reopen
 * (AOS, observations optional). Each transition is a new revision carrying the same plan, who,
 * when, the comment and the observations, written with the latest pointer in one conditional
 * transaction. An observation on a line must name a N° the plan under decision has (exactly the
 * line the AOS saw). The caller must first be allowed to read the plan (404/403 before the body is
 * read), then to take the action (403). Throws DomainError: COOPERATIVE_NOT_FOUND 404, FORBIDDEN 403,
 * VALIDATION_FAILED 400 (return without observations, observations on a submit, a line N° the
 * plan does not have), PLAN_NOT_FOUND 404, INVALID_TRANSITION 409,
 * PLAN_HAS_ERRORS 422, VERSION_CONFLICT 409.
 */
export async function transitionPlan(command: TransitionPlanCommand, principal: Principal, deps: UseCaseDeps): Promise<TransitionResponse> {
  const { store } = deps;
  // Who cannot see the plan learns nothing more (404/403 before the body); then the action's own permission.
  const cooperative = await loadAuthorizedCooperative(store, command.cooperativeId, principal, "plan:read");
  const { action, comment: rawComment, observations = [] } = command.readRequest();
  authorize(principal, PERMISSION[action], { regionCode: cooperative.regionCode, gestorEmail: cooperative.gestorEmail });
  const comment = rawComment ? rawComment : null;
  if (action === "submit" && observations.length > 0) {
    throw new DomainError("VALIDATION_FAILED", "Las observaciones son del AOS al decidir sobre el plan: un envío no las lleva. Quite «observations».", { field: "observations" });
  }
  if (action === "return" && !comment && observations.length === 0) {
    throw new DomainError("VALIDATION_FAILED", "Para devolver el plan escriba las observaciones en «comment» (general) u «observations» (en una línea o un campo).", { field: "comment" });
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
  if (observations.some((o) => o.target.kind === "line")) checkObservedLines(observations, previous.content.read().plan, latest.version);

  const answer: TransitionResponse = {
    cooperativeId: cooperative.id, version: latest.version + 1, status: next, action: action,
    by: actorOf(principal), at: deps.now().toISOString(), comment, ...(observations.length > 0 ? { observations } : {}),
    totals: previous.totals, counts, rulePack,
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

/**
 * Each line observation must point to a N° the plan under decision has (version `version`): the
 * AOS observes the line it saw, and a typo in a CLI `--line` would otherwise pin a note to no row.
 * Throws DomainError VALIDATION_FAILED 400 naming the observation and the N°s the plan has.
 */
function checkObservedLines(observations: readonly Observation[], plan: Plan, version: number): void {
  const numbers = {
    action: new Set(plan.actions.map((a) => a.number).filter((n): n is number => n !== null)),
    investment: new Set(plan.investmentLines.map((l) => l.number).filter((n): n is number => n !== null)),
  };
  observations.forEach((o, i) => {
    if (o.target.kind !== "line" || numbers[o.target.plan].has(o.target.lineNumber)) return;
    const have = [...numbers[o.target.plan]].sort((a, b) => a - b);
    const shown = have.length === 0 ? "no tiene líneas con N°" : `tiene los N° ${have.slice(0, 20).join(", ")}${have.length > 20 ? "…" : ""}`;
    throw new DomainError(
      "VALIDATION_FAILED",
      `La observación ${i + 1} apunta a la línea N° ${o.target.lineNumber} del ${OBSERVED_PLAN_NAMES[o.target.plan]}, que no está en la versión ${version} del plan (${shown}).`,
      { field: `observations.${i}.target.lineNumber` },
    );
  });
}
