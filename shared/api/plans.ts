import { formatNumber } from "../format";
import * as z from "zod";
import { Finding, Plan } from "../domain";
import { PlanStatus, RevisionAction, TransitionAction } from "./planStatus";
import { Actor, FindingCounts, PlanTotalsSummary, Timestamp } from "./summaries";
import { checkMoneySums } from "./moneyLimits";
import { checkTextLimits, forbiddenCharacterIn, forbiddenCharacterMessage } from "./textLimits";
import { LEGACY_PACK, PackRef } from "./rulePacks";
import { Observation, Observations } from "./observations";

const BASE_VERSION_MESSAGE = "baseVersion es la versión del plan que usted editó: un entero de 0 o más (0 si es la primera vez que lo guarda).";

/**
 * Body of `PUT /v1/cooperatives/{id}/plan`: the plan and the version it was edited from (0 for the
 * first save; 0 while the cooperative already has a plan is a 409 VERSION_CONFLICT: an unbound
 * copy never replaces a plan — to replace it on purpose, send the version replaced).
 * `confirmIdentity: true` says the gestor/a confirmed that the plan belongs to this cooperative
 * although its name, RUT, región, modalidad or convocatoria differ from the registered ones (otherwise 422 IDENTITY_MISMATCH naming each). Every text of the plan is bounded (2,000 characters; e-mails 254) and free of
 * control and bidirectional-override characters (see textLimits.ts): a 400 names the field. Each
 * money column of the investment lines sums to at most $10^15 (moneyLimits.ts), so every stored
 * sum is an exact integer.
 */
export const PutPlanRequest = z.object({
  plan: Plan.superRefine(checkTextLimits).superRefine(checkMoneySums),
  baseVersion: z.number({ error: BASE_VERSION_MESSAGE }).int({ error: BASE_VERSION_MESSAGE }).nonnegative({ error: BASE_VERSION_MESSAGE }),
  confirmIdentity: z.boolean({ error: "confirmIdentity es true o false: true confirma que el plan es de esta cooperativa aunque su nombre, RUT, región, modalidad o convocatoria no coincidan con los registrados." }).optional(),
});
export type PutPlanRequest = z.input<typeof PutPlanRequest>;

/** The `Idempotency-Key` header: 8–128 characters of letters, digits, `-`, `_`, `.` or `:` (a UUID is ideal). */
export const IdempotencyKey = z.string().regex(/^[A-Za-z0-9_.:-]{8,128}$/, {
  error: "La cabecera Idempotency-Key debe tener entre 8 y 128 caracteres (letras, dígitos, - _ . :).",
});

/**
 * One revision of a plan, without its body: version `v` (1, 2, …), the status it left the plan
 * in, why it exists (`action`), who and when, the comment (the general observation of an AOS
 * decision), the observations pinned to lines or fields (observations.ts; absent or empty when
 * none, as on every revision written before they existed), totals (integer CLP), findings counts and the rule pack the findings were computed under (`rulePack`;
 * a revision saved before packs existed counts as 2025 v1).
 */
export const RevisionSummary = z.object({
  cooperativeId: z.string(),
  version: z.number().int().positive(),
  status: PlanStatus,
  action: RevisionAction,
  by: Actor,
  at: Timestamp,
  comment: z.string().nullable(),
  observations: z.array(Observation).optional(),
  totals: PlanTotalsSummary,
  counts: FindingCounts,
  rulePack: PackRef.default(LEGACY_PACK),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

/** A revision with its plan and the findings the server computed when it was saved. */
export const Revision = RevisionSummary.extend({
  plan: Plan,
  findings: z.array(Finding),
});
export type Revision = z.infer<typeof Revision>;

/**
 * Response of `PUT /v1/cooperatives/{id}/plan`: the new revision (without the plan) and its
 * findings. `unchanged: true` when the plan was identical to the latest revision's and the
 * baseVersion was the latest: no revision was written and this is the latest one.
 */
export const PutPlanResponse = RevisionSummary.extend({
  findings: z.array(Finding),
  unchanged: z.boolean().optional(),
});
export type PutPlanResponse = z.infer<typeof PutPlanResponse>;

/** Response of `GET /v1/cooperatives/{id}/plan`: the latest revision with its plan. */
export const PlanResponse = Revision;
export type PlanResponse = Revision;

/** The audit trail: every revision, oldest first. */
export const RevisionList = z.object({
  cooperativeId: z.string(),
  items: z.array(RevisionSummary),
});
export type RevisionList = z.infer<typeof RevisionList>;

/**
 * Body of `POST /v1/cooperatives/{id}/plan/transitions`. To return a plan the AOS writes a
 * `comment` (the general observation) or at least one of `observations` (general, on a line by its
 * N° or on a field: observations.ts; at most 50 of up to 1,000 characters); approve and reopen may
 * carry them too; submit carries none (400).
 */
/** Longest comment of a transition (a decision's general observation): 4,000 characters. */
export const MAX_COMMENT_CHARS = 4000;

export const TransitionRequest = z.object({
  action: z.enum(TransitionAction.options, {
    error: "La acción debe ser «submit» (enviar), «return» (devolver con observaciones), «approve» (aprobar) o «reopen» (reabrir).",
  }),
  comment: z
    .string()
    .trim()
    .max(MAX_COMMENT_CHARS, { error: `El comentario admite hasta ${formatNumber(MAX_COMMENT_CHARS)} caracteres.` })
    .superRefine((v, ctx) => {
      const bad = forbiddenCharacterIn(v);
      if (bad) ctx.addIssue({ code: "custom", message: forbiddenCharacterMessage(bad) });
    })
    .nullish(),
  observations: Observations.optional(),
});
export type TransitionRequest = z.input<typeof TransitionRequest>;

/** Response of a transition: the new revision. */
export const TransitionResponse = RevisionSummary;
export type TransitionResponse = RevisionSummary;
