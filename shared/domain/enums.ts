import * as z from "zod";

/** Modalidad of the call: "Creación y Desarrollo" → `creacion`, "Fortalecimiento" → `fortalecimiento`. */
export const Modality = z.enum(["creacion", "fortalecimiento"]);
export type Modality = z.infer<typeof Modality>;

/** Spanish label of each modality, as the user reads it. */
export const MODALITY_LABELS: Record<Modality, string> = {
  creacion: "Creación y Desarrollo",
  fortalecimiento: "Fortalecimiento",
};

/** Tipo de cooperativa, as the standard workbook spells it (standard-workbook.md, Cooperativa). */
export const CooperativeType = z.enum(["agrícola", "campesina", "pesquera", "de consumo", "de trabajo", "de servicios"]);
export type CooperativeType = z.infer<typeof CooperativeType>;

/** Cargo of a member (Socios sheet). */
export const MemberRole = z.enum(["presidente/a", "secretario/a", "tesorero/a", "socio/a"]);
export type MemberRole = z.infer<typeof MemberRole>;

/** Género of a member (Socios sheet, optional column). */
export const Gender = z.enum(["femenino", "masculino", "otro", "prefiere no decir"]);
export type Gender = z.infer<typeof Gender>;

/** Estado of a hito (Hitos sheet). */
export const MilestoneStatus = z.enum(["Pendiente", "En curso", "Realizado"]);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

/** Eje of an action (Plan de Acción sheet). */
export const ActionAxis = z.enum(["Gobernanza", "Modelo de negocio", "Estrategia comercial"]);
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
