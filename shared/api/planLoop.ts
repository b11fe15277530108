import type { RevisionAction } from "./planStatus";
import type { RevisionSummary } from "./plans";
import type { Actor } from "./summaries";
import { decisionObservations } from "./observations";

/**
 * The review loop as the gestor/a and the AOS read it from a plan's revisions (the audit trail of
 * `GET /v1/cooperatives/{id}/plan/revisions`, oldest first). Pure.
 */

/** Spanish label of why a revision exists. */
export const REVISION_ACTION_LABELS: Record<RevisionAction, string> = {
  save: "Guardado",
  submit: "Enviado al AOS",
  return: "Devuelto con observaciones",
  approve: "Aprobado",
  reopen: "Reabierto",
};

/** The same, inside a sentence: «versión 2, enviado al AOS por …». */
export const REVISION_ACTION_PHRASES: Record<RevisionAction, string> = {
  save: "guardado",
  submit: "enviado al AOS",
  return: "devuelto con observaciones",
  approve: "aprobado",
  reopen: "reabierto",
};

/** Who did it, as people read it: the e-mail, else the subject. */
export function actorText(by: Actor): string {
  return by.email ?? by.sub;
}

/**
 * The AOS's current observation: the latest decision of the AOS (return, approve, reopen) when it
 * carries a non-blank comment or pinned observations (read them with `decisionObservations`); null
 * when there is no decision or the latest one carries none (an approval or a reopening without
 * observations closes the observations before it: they are in the history, never shown as current).
 */
export function lastAosObservation(revisions: readonly RevisionSummary[]): RevisionSummary | null {
  for (let i = revisions.length - 1; i >= 0; i--) {
    const r = revisions[i];
    if (r.action === "return" || r.action === "approve" || r.action === "reopen") return decisionObservations(r).length > 0 ? r : null;
  }
  return null;
}

/**
 * The revision the AOS compares the plan under review with: the latest revision before the
 * latest one whose action is `submit` or `approve` (what was last sent or agreed); null for a first
 * submission.
 */
export function reviewBaseRevision(revisions: readonly RevisionSummary[]): RevisionSummary | null {
  for (let i = revisions.length - 2; i >= 0; i--) {
    const r = revisions[i];
    if (r.action === "submit" || r.action === "approve") return r;
  }
  return null;
}
