import * as z from "zod";

/** Modalidad of the call: "Creación y Desarrollo" → `creacion`, "Fortalecimiento" → `fortalecimiento`. */
export const Modality = z.enum(["creacion", "fortalecimiento"]);
export type Modality = z.infer<typeof Modality>;

/** Spanish label of each modality, as the user reads it. */
export const MODALITY_LABELS: Record<Modality, string> = {
  creacion: "Creación y Desarrollo",
  fortalecimiento: "Fortalecimiento",
};

/**
 * An open list's value (rules.md, "Descriptive values are open lists"): the usual value's label
 * when recognised («presidente/a»), else the text as typed. The usual values and their spellings
 * are the rule pack's `enumerations`; a value outside them is a warning, never an error.
 */
const OpenListValue = z.string().min(1).max(500);

/** Tipo de cooperativa (open list; usual values: the pack's `enumerations.cooperativeTypes`, COOP-003). */
export const CooperativeType = OpenListValue;
export type CooperativeType = z.infer<typeof CooperativeType>;

/** Cargo of a member, Socios sheet (open list; usual values: the pack's `enumerations.memberRoles`, COOP-008). */
export const MemberRole = OpenListValue;
export type MemberRole = z.infer<typeof MemberRole>;

/** Género of a member, Socios sheet, optional column (open list; the pack's `enumerations.genders`, COOP-008). */
export const Gender = OpenListValue;
export type Gender = z.infer<typeof Gender>;

/** Estado of a hito (Hitos sheet). */
export const MilestoneStatus = z.enum(["Pendiente", "En curso", "Realizado"]);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

/** Eje of an action, Plan de Acción sheet (open list; usual values: the pack's `enumerations.actionAxes`, ACT-003). */
export const ActionAxis = OpenListValue;
export type ActionAxis = z.infer<typeof ActionAxis>;

/** Estado of an action (Plan de Acción sheet): feminine, "Realizada". */
export const ActionStatus = z.enum(["Pendiente", "En curso", "Realizada"]);
export type ActionStatus = z.infer<typeof ActionStatus>;

/** Estado of an investment line (Plan de Inversiones sheet). */
export const LineStatus = z.enum(["Pendiente", "Comprado", "Rendido"]);
export type LineStatus = z.infer<typeof LineStatus>;

/** Severity of a finding: `error` blocks submission, `warning` does not, `info` is a notice. */
export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;
