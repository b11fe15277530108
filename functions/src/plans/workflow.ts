import type { PlanStatus, TransitionAction } from "@coop-plans/shared/api";

/** Statuses in which the gestor/a may save the plan (DESIGN.md: accepted in borrador and observado). */
export const EDITABLE_STATUSES: ReadonlySet<PlanStatus> = new Set<PlanStatus>(["borrador", "observado"]);

/**
 * Status after a save. A save keeps the status: `borrador` stays `borrador`, and a returned plan
 * stays `observado` while the gestor/a corrects it — the AOS keeps seeing that it is a plan under
 * observation until it is resubmitted. Throws for statuses that are locked (callers check first).
 */
export function statusAfterSave(current: PlanStatus): PlanStatus {
  if (!EDITABLE_STATUSES.has(current)) throw new Error(`A plan in ${current} cannot be saved`);
  return current;
}

/** The workflow: from which statuses each transition is allowed and where it leads. */
export const TRANSITIONS: Record<TransitionAction, { from: readonly PlanStatus[]; to: PlanStatus }> = {
  submit: { from: ["borrador", "observado"], to: "enviado" },
  return: { from: ["enviado"], to: "observado" },
  approve: { from: ["enviado"], to: "aprobado" },
  reopen: { from: ["aprobado"], to: "observado" },
};

/** The status a transition leads to, or null when it is not allowed from `current`. */
export function statusAfterTransition(current: PlanStatus, action: TransitionAction): PlanStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(current) ? t.to : null;
}
