import * as z from "zod";
import { IsoDate, Leverage, Link, MilestoneStatus, Modality, RegionCode, Visit } from "../domain";

/** Integer CLP, non-negative. */
const Clp = z.number().int().nonnegative();
/** A count of records. */
const Count = z.number().int().nonnegative();
/** A fraction 0–1; null when its denominator is 0 (nothing to measure). */
const Share = z.number().min(0).nullable();

/** Tipo of a link (Vinculaciones), plus `Sin tipo` for rows that leave it empty. */
export const LINK_TYPES = [...Link.shape.type.unwrap().options, "Sin tipo"] as const;
/** Estado of a link (Vinculaciones), plus `Sin estado`. */
export const LINK_STATUSES = [...Link.shape.status.unwrap().options, "Sin estado"] as const;

/** One hito in the report: number 1–4, name, planned and done dates (ISO) and estado (null when the plan lacks it). */
export const ReportMilestone = z.object({
  milestone: z.number().int().min(1).max(4),
  name: z.string(),
  plannedDate: IsoDate.nullable(),
  doneDate: IsoDate.nullable(),
  status: MilestoneStatus.nullable(),
});
export type ReportMilestone = z.infer<typeof ReportMilestone>;

/**
 * The plan de acción's progress: how many actions, how many in each estado (`done` = Realizada;
 * an action without estado counts as pending), and `progress` = the mean of `% de avance` over
 * all actions (fraction 0–1; a Realizada action counts 1, an empty `% de avance` counts 0; null
 * without actions).
 */
export const ReportActions = z.object({
  total: Count,
  done: Count,
  inProgress: Count,
  pending: Count,
  progress: Share,
});
export type ReportActions = z.infer<typeof ReportActions>;

/**
 * Investment of the plan de inversiones, integer CLP: `planned` = Σ Total neto, `executed` =
 * Σ Monto ejecutado, `executedShare` = executed ÷ planned (null when nothing is planned), and the
 * planned Sercotec and empresarial amounts.
 */
export const ReportInvestment = z.object({
  planned: Clp,
  executed: Clp,
  executedShare: Share,
  sercotecAmount: Clp,
  ownAmount: Clp,
});
export type ReportInvestment = z.infer<typeof ReportInvestment>;

/** Planned vs executed of one ítem (catalogue spelling when recognised; null when the lines leave it empty), CLP. */
export const ReportItem = z.object({
  group: z.string().nullable(),
  item: z.string().nullable(),
  planned: Clp,
  executed: Clp,
  executedShare: Share,
});
export type ReportItem = z.infer<typeof ReportItem>;

/**
 * The Bitácora so far: `count` = visits dated on or before `asOf`; `last` = the latest of them
 * (null when none).
 */
export const ReportVisits = z.object({
  count: Count,
  last: z.object({ date: IsoDate, mode: Visit.shape.mode, topics: z.string().nullable() }).nullable(),
});
export type ReportVisits = z.infer<typeof ReportVisits>;

/**
 * The agreements of the Bitácora (visits whose Acuerdos is filled): `total`, `done` (Cumplido),
 * `open` (not Cumplido) and `overdue` (open with a Fecha de compromiso before `asOf`).
 */
export const ReportAgreements = z.object({
  total: Count,
  done: Count,
  open: Count,
  overdue: Count,
});
export type ReportAgreements = z.infer<typeof ReportAgreements>;

/** Vinculaciones: total and counts by tipo and by estado (every key present, 0 when none). */
export const ReportLinks = z.object({
  total: Count,
  byType: z.record(z.enum(LINK_TYPES), Count),
  byStatus: z.record(z.enum(LINK_STATUSES), Count),
});
export type ReportLinks = z.infer<typeof ReportLinks>;

/**
 * Apalancamiento: `applications` = rows, `requested` = Σ Monto solicitado (CLP, sought),
 * `awarded` = Σ Monto adjudicado (CLP, won), `awardedCount` = rows in estado Adjudicado.
 */
export const ReportLeverage = z.object({
  applications: Count,
  requested: Clp,
  awarded: Clp,
  awardedCount: Count,
  byStatus: z.record(z.enum([...Leverage.shape.status.unwrap().options, "Sin estado"]), Count),
});
export type ReportLeverage = z.infer<typeof ReportLeverage>;

/**
 * The progress report of one cooperative's plan at a date (`asOf`, ISO): who, the hitos, the plan
 * de acción, the investment (total and by ítem), the follow-up (visits, agreements, links,
 * leverage). Money integer CLP, shares fractions 0–1, dates ISO. Built by `progressReport()`.
 */
export const ProgressReport = z.object({
  asOf: IsoDate,
  cooperative: z.object({
    name: z.string().nullable(),
    regionCode: RegionCode.nullable(),
    modality: Modality.nullable(),
    callYear: z.number().int().nullable(),
    executionStart: IsoDate.nullable(),
    executionEnd: IsoDate.nullable(),
    manager: z.string().nullable(),
  }),
  milestones: z.array(ReportMilestone),
  milestonesDone: Count,
  actions: ReportActions,
  investment: ReportInvestment,
  byItem: z.array(ReportItem),
  visits: ReportVisits,
  agreements: ReportAgreements,
  links: ReportLinks,
  leverage: ReportLeverage,
});
export type ProgressReport = z.infer<typeof ProgressReport>;
