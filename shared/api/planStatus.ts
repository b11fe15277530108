import * as z from "zod";

/**
 * Status of a cooperative's plan (DESIGN.md, "Plan status"): `borrador` → `enviado` →
 * `observado` (returned with comments) or `aprobado` (locked; only the AOS reopens it, back to
 * `observado`).
 */
export const PlanStatus = z.enum(["borrador", "enviado", "observado", "aprobado"]);
export type PlanStatus = z.infer<typeof PlanStatus>;

/** Spanish label of each status. */
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  borrador: "Borrador",
  enviado: "Enviado",
  observado: "Observado",
  aprobado: "Aprobado",
};

/** A workflow transition: `submit` (gestor), `return` with observations, `approve`, `reopen` (AOS). */
export const TransitionAction = z.enum(["submit", "return", "approve", "reopen"]);
export type TransitionAction = z.infer<typeof TransitionAction>;

/** Why a revision exists: a save of the plan or one of the transitions. */
export const RevisionAction = z.enum(["save", "submit", "return", "approve", "reopen"]);
export type RevisionAction = z.infer<typeof RevisionAction>;
