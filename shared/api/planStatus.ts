import * as z from "zod";
import { formatCount } from "../format/esCl";

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

/** The label of a registered cooperative that has saved no plan yet (version 0): never «Borrador». */
export const NO_PLAN_LABEL = "Sin plan";

/** The status a person reads for a cooperative: «Sin plan» while no plan was saved (`version` 0), else its plan's status label. */
export function cooperativeStatusLabel(c: { status: PlanStatus; version: number }): string {
  return c.version === 0 ? NO_PLAN_LABEL : PLAN_STATUS_LABELS[c.status];
}

/** How many plans are in a status, in words: `1 enviado`, `2 enviados`, `3 en borrador`, `0 aprobados` (es-CL grouping). */
export function planStatusCount(count: number, status: PlanStatus): string {
  const [one, many] = PLAN_STATUS_COUNT_WORDS[status];
  return formatCount(count, one, many);
}

const PLAN_STATUS_COUNT_WORDS: Record<PlanStatus, [string, string]> = {
  borrador: ["en borrador", "en borrador"],
  enviado: ["enviado", "enviados"],
  observado: ["observado", "observados"],
  aprobado: ["aprobado", "aprobados"],
};

/** A workflow transition: `submit` (gestor), `return` with observations, `approve`, `reopen` (AOS). */
export const TransitionAction = z.enum(["submit", "return", "approve", "reopen"]);
export type TransitionAction = z.infer<typeof TransitionAction>;

/** Why a revision exists: a save of the plan or one of the transitions. */
export const RevisionAction = z.enum(["save", "submit", "return", "approve", "reopen"]);
export type RevisionAction = z.infer<typeof RevisionAction>;
