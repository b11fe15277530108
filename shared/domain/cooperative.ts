import * as z from "zod";
import { CooperativeType, Modality } from "./enums";
import { RegionCode } from "./region";
import { Clp, IsoDate } from "./values";
import { RecordSource } from "./location";

/**
 * The Cooperativa form of the standard workbook, with the plan's call (convocatoria year, region,
 * modality). Every field is nullable: a plan is stored as read, and the rules (PLAN-001/002,
 * COOP-*) report what is missing. Money in integer CLP, dates ISO.
 */
export const CooperativeInfo = z.object({
  /** Convocatoria: the call's year, e.g. 2025. */
  callYear: z.number().int().min(2000).max(2100).nullable(),
  regionCode: RegionCode.nullable(),
  modality: Modality.nullable(),
  name: z.string().nullable(),
  /** Canonical RUT; required in Fortalecimiento (COOP-005), absent for a pre-cooperative group. */
  rut: z.string().nullable(),
  cooperativeType: CooperativeType.nullable(),
  /** Ventas netas anuales, CLP (Fortalecimiento). */
  annualNetSales: Clp.nullable(),
  executionStart: IsoDate.nullable(),
  /** Fecha de término de ejecución; when blank the rules use start + the call's months − 1 day. */
  executionEnd: IsoDate.nullable(),
  manager: z.string().nullable(),
  managerEmail: z.string().nullable(),
  operatorAgent: z.string().nullable(),
  source: RecordSource.optional(),
});
export type CooperativeInfo = z.infer<typeof CooperativeInfo>;

/** Stage of a cooperative: a pre-cooperative group has no RUT yet. */
export const CooperativeStage = z.enum(["pre", "constituted"]);
export type CooperativeStage = z.infer<typeof CooperativeStage>;
