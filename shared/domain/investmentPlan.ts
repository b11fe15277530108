import * as z from "zod";
import { LineStatus } from "./enums";
import { Clp, IsoDate } from "./values";
import { RecordSource } from "./location";

/**
 * A row of the Plan de Inversiones sheet (hito 3). Money in integer CLP, net of IVA.
 * `group`/`item`/`subitem` hold the catalogue labels of rules.md when recognised, otherwise the
 * text as typed (INV-004 reports it). `actionNumber` is the Plan de Acción N° the line serves.
 */
export const InvestmentLine = z.object({
  number: z.number().int().nullable(),
  group: z.string().nullable(),
  item: z.string().nullable(),
  subitem: z.string().nullable(),
  description: z.string().nullable(),
  actionNumber: z.number().int().nullable(),
  /** Cantidad; may be fractional (1,5). */
  quantity: z.number().nonnegative().nullable(),
  unitPrice: Clp.nullable(),
  total: Clp.nullable(),
  sercotecAmount: Clp.nullable(),
  ownAmount: Clp.nullable(),
  supplier: z.string().nullable(),
  supplierRut: z.string().nullable(),
  quotes: z.number().int().nonnegative().nullable(),
  usedGood: z.boolean().nullable(),
  usedGoodAuthorization: z.string().nullable(),
  sustainable: z.boolean().nullable(),
  plannedPurchaseDate: IsoDate.nullable(),
  status: LineStatus.nullable(),
  executedAmount: Clp.nullable(),
  source: RecordSource.optional(),
});
export type InvestmentLine = z.infer<typeof InvestmentLine>;

/** The plan de inversiones: the list of lines. */
export const InvestmentPlan = z.array(InvestmentLine);
export type InvestmentPlan = z.infer<typeof InvestmentPlan>;
