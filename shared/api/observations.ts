import * as z from "zod";
import { CooperativeInfo } from "../domain";
import { formatNumber } from "../format";
import { ACTIONS_SHEET, COOPERATIVE_SHEET, INVESTMENTS_SHEET } from "../workbook/layout";
import { forbiddenCharacterIn, forbiddenCharacterMessage } from "./textLimits";

/**
 * The AOS's observations on a plan: general, pinned to a line of the Plan de acción or the Plan de
 * inversiones by its N° (so they survive rows being moved), or pinned to a field of the
 * Cooperativa sheet. Sent with a return (or approval, reopening) and stored with that revision.
 */

/** At most this many observations per decision. */
export const MAX_OBSERVATIONS = 50;

/** Longest text of one observation: 1,000 characters (50 of them stay well inside a revision item's 400 KB). */
export const MAX_OBSERVATION_CHARS = 1000;

/** Which plan a line observation points to: the Plan de acción (`ActionPlan`) or the Plan de inversiones (`InvestmentPlan`). */
export const ObservedPlan = z.enum(["action", "investment"], {
  error: "plan es «action» (Plan de acción) o «investment» (Plan de inversiones).",
});
export type ObservedPlan = z.infer<typeof ObservedPlan>;

const FIELD_MESSAGE = `field es un campo de la hoja Cooperativa: ${COOPERATIVE_SHEET.fields.map((f) => f.field).join(", ")}.`;

/** A field of the Cooperativa sheet an observation may point to: CooperativeInfo's keys (`name`, `rut`, `modality`…). */
export const ObservedField = CooperativeInfo.keyof().exclude(["source"], { error: FIELD_MESSAGE });
export type ObservedField = z.infer<typeof ObservedField>;

const LINE_NUMBER_MESSAGE = "lineNumber es el N° de la línea: un entero de 1 o más.";

/** Where an observation points: the whole plan, a line by its N°, or a field of the Cooperativa sheet. */
export const ObservationTarget = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("general") }),
    z.object({
      kind: z.literal("line"),
      plan: ObservedPlan,
      lineNumber: z.number({ error: LINE_NUMBER_MESSAGE }).int({ error: LINE_NUMBER_MESSAGE }).positive({ error: LINE_NUMBER_MESSAGE }).max(1_000_000, { error: LINE_NUMBER_MESSAGE }),
    }),
    z.object({ kind: z.literal("field"), field: ObservedField }),
  ],
  { error: "kind es «general» (todo el plan), «line» (una línea por su N°) o «field» (un campo de la hoja Cooperativa)." },
);
export type ObservationTarget = z.infer<typeof ObservationTarget>;

const TEXT_MESSAGE = "text es el texto de la observación: escríbalo.";

/** One observation: where it points and its text (1–1,000 characters, trimmed, no control characters). */
export const Observation = z.object({
  target: ObservationTarget,
  text: z
    .string({ error: TEXT_MESSAGE })
    .trim()
    .min(1, { error: TEXT_MESSAGE })
    .max(MAX_OBSERVATION_CHARS, { error: `Una observación admite hasta ${formatNumber(MAX_OBSERVATION_CHARS)} caracteres.` })
    .superRefine((v, ctx) => {
      const bad = forbiddenCharacterIn(v);
      if (bad) ctx.addIssue({ code: "custom", message: forbiddenCharacterMessage(bad) });
    }),
});
export type Observation = z.infer<typeof Observation>;

/** The observations of one decision: at most MAX_OBSERVATIONS. */
export const Observations = z.array(Observation, { error: "observations es una lista de observaciones ({ target, text })." }).max(MAX_OBSERVATIONS, {
  error: `Se admiten hasta ${formatNumber(MAX_OBSERVATIONS)} observaciones por decisión: junte las de una misma línea en una sola.`,
});

/** The sheet name of each plan as the template writes it: «Plan de Acción», «Plan de Inversiones». */
export const OBSERVED_PLAN_SHEETS: Record<ObservedPlan, string> = {
  action: ACTIONS_SHEET.name,
  investment: INVESTMENTS_SHEET.name,
};

/** Each plan inside a sentence: «del Plan de acción», «del Plan de inversiones». */
export const OBSERVED_PLAN_NAMES: Record<ObservedPlan, string> = {
  action: "Plan de acción",
  investment: "Plan de inversiones",
};

/** The label the template writes for a Cooperativa field («RUT», «Nombre de la cooperativa o grupo»). */
export function observedFieldLabel(field: ObservedField): string {
  return COOPERATIVE_SHEET.fields.find((f) => f.field === field)?.label ?? field;
}

/**
 * Where an observation points, in Spanish: «General», «Línea 3 del Plan de inversiones»,
 * «Actividad 2 del Plan de acción», «Campo «RUT» de la hoja Cooperativa».
 */
export function observationTargetText(target: ObservationTarget): string {
  switch (target.kind) {
    case "general":
      return "General";
    case "line":
      return `${target.plan === "action" ? "Actividad" : "Línea"} ${target.lineNumber} del ${OBSERVED_PLAN_NAMES[target.plan]}`;
    case "field":
      return `Campo «${observedFieldLabel(target.field)}» de la hoja ${COOPERATIVE_SHEET.name}`;
  }
}

/** One observation as people read it: «Línea 3 del Plan de inversiones: falta la segunda cotización». */
export function observationLine(observation: Observation): string {
  return `${observationTargetText(observation.target)}: ${observation.text}`;
}

/**
 * Every observation of a decision: the general comment first (as a general observation, when not
 * blank), then the observations in the order the AOS wrote them.
 */
export function decisionObservations(revision: { comment: string | null; observations?: readonly Observation[] }): Observation[] {
  const comment = revision.comment?.trim();
  return [...(comment ? [{ target: { kind: "general" as const }, text: comment }] : []), ...(revision.observations ?? [])];
}
