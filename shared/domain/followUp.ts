import * as z from "zod";
import { Clp, IsoDate } from "./values";
import { RecordSource } from "./location";

/** Bitácora row: one advisory visit or session (Sercotec's acta de asesoría). Layout v1.1. */
export const Visit = z.object({
  date: IsoDate.nullable(),
  mode: z.enum(["Presencial", "Remota"]).nullable(),
  participants: z.number().int().nonnegative().nullable(),
  topics: z.string().nullable(),
  agreements: z.string().nullable(),
  agreementOwner: z.string().nullable(),
  dueDate: IsoDate.nullable(),
  agreementStatus: z.enum(["Pendiente", "Cumplido", "Vencido"]).nullable(),
  milestone: z.number().int().min(1).max(4).nullable(),
  source: RecordSource.optional(),
});
export type Visit = z.infer<typeof Visit>;

/** Vinculaciones row: an actor the cooperative was linked with. */
export const Link = z.object({
  number: z.number().int().nullable(),
  actor: z.string().nullable(),
  type: z.enum(["Público", "Privado", "Academia", "Sociedad civil"]).nullable(),
  institution: z.string().nullable(),
  purpose: z.string().nullable(),
  date: IsoDate.nullable(),
  status: z.enum(["Contactado", "Reunión", "Acuerdo", "Convenio firmado"]).nullable(),
  outcome: z.string().nullable(),
  source: RecordSource.optional(),
});
export type Link = z.infer<typeof Link>;

/** Apalancamiento row: another fund or resource sought; amounts CLP. */
export const Leverage = z.object({
  number: z.number().int().nullable(),
  fund: z.string().nullable(),
  institution: z.string().nullable(),
  requestedAmount: Clp.nullable(),
  awardedAmount: Clp.nullable(),
  applicationDate: IsoDate.nullable(),
  status: z.enum(["En preparación", "Postulado", "Adjudicado", "Rechazado"]).nullable(),
  source: RecordSource.optional(),
});
export type Leverage = z.infer<typeof Leverage>;

/** The three optional Seguimiento sheets; an absent sheet is an empty list. */
export const FollowUp = z.object({
  visits: z.array(Visit),
  links: z.array(Link),
  leverage: z.array(Leverage),
});
export type FollowUp = z.infer<typeof FollowUp>;
