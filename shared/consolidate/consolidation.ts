import * as z from "zod";
import { MilestoneStatus, Modality, MoneyTotals, RegionCode } from "../domain";
import { NO_PLAN_LABEL, PLAN_STATUS_LABELS, PlanStatus } from "../api/planStatus";
import { CooperativeProgress } from "./cooperativeProgress";

/**
 * The status of a consolidated plan: a plan status of the workflow, `sinPlan` for a registered
 * cooperative that has saved no plan yet («Sin plan», never counted as a borrador), or `archivo`
 * for a plan that comes from a workbook file (`coop-plans consolidate FILE…`, the pane's
 * «Consolidar archivos»).
 */
export const ConsolidationStatus = z.enum([...PlanStatus.options, "sinPlan", "archivo"]);
export type ConsolidationStatus = z.infer<typeof ConsolidationStatus>;

/** Spanish label of each consolidation status. */
export const CONSOLIDATION_STATUS_LABELS: Record<ConsolidationStatus, string> = { ...PLAN_STATUS_LABELS, sinPlan: NO_PLAN_LABEL, archivo: "Archivo" };

/** Integer CLP, non-negative. */
const Clp = z.number().int().nonnegative();
/** A count of cooperatives, lines or findings. */
const Count = z.number().int().nonnegative();
/** A fraction 0–1 (null when its denominator is 0). */
const Share = z.number().min(0).nullable();


/**
 * Sercotec subsidy versus aporte empresarial, integer CLP and fractions 0–1:
 * `sercotecShare` = sercotec ÷ (sercotec + aporte), `ownShare` = aporte ÷ (sercotec + aporte),
 * `ownShareOfSercotec` = aporte ÷ sercotec (the figure the program's minimum aporte is set on),
 * `executedShare` = ejecutado ÷ total neto. Null when the denominator is 0.
 */
export const FundingSplit = z.object({
  sercotecAmount: Clp,
  ownAmount: Clp,
  funded: Clp,
  sercotecShare: Share,
  ownShare: Share,
  ownShareOfSercotec: Share,
  executedShare: Share,
});
export type FundingSplit = z.infer<typeof FundingSplit>;

/**
 * Totals of one ítem (`subitem` null) or one sub-ítem of the plan de inversiones across the
 * cooperatives: catalogue labels when recognised, the text as typed otherwise; `cooperatives` =
 * how many cooperatives have at least one line there; `lines` = how many lines.
 */
export const ItemRow = MoneyTotals.extend({
  group: z.string().nullable(),
  item: z.string().nullable(),
  subitem: z.string().nullable(),
  cooperatives: Count,
  lines: Count,
});
export type ItemRow = z.infer<typeof ItemRow>;

/** Cooperatives in one plan status and the money of their plans (integer CLP). */
export const StatusRow = MoneyTotals.extend({
  status: ConsolidationStatus,
  cooperatives: Count,
});
export type StatusRow = z.infer<typeof StatusRow>;

/**
 * Progress of one hito (1–4) across the cooperatives: how many are Pendiente, En curso or
 * Realizado, and how many plans lack the hito or its estado (`missing`). The four counts sum to
 * the cooperatives consolidated.
 */
export const MilestoneRow = z.object({
  milestone: z.number().int().min(1).max(4),
  name: z.string(),
  pending: Count,
  inProgress: Count,
  done: Count,
  missing: Count,
});
export type MilestoneRow = z.infer<typeof MilestoneRow>;

/** One rule id: how many cooperatives break it and how many findings it raised in all. */
export const RuleCount = z.object({
  ruleId: z.string(),
  severity: z.enum(["error", "warning", "info"]),
  cooperatives: Count,
  findings: Count,
});
export type RuleCount = z.infer<typeof RuleCount>;

/**
 * Rule compliance: the cooperatives partitioned into `withErrors` (≥ 1 error), `withWarnings`
 * (no error, ≥ 1 warning) and `clean` (neither; notices don't count), plus `withoutPlan` (no plan
 * saved yet; not in the other three); and the findings counted per rule id (errors first, then by
 * id).
 */
export const Compliance = z.object({
  withErrors: Count,
  withWarnings: Count,
  clean: Count,
  withoutPlan: Count,
  byRule: z.array(RuleCount),
});
export type Compliance = z.infer<typeof Compliance>;

/**
 * One cooperative's row: who it is, its plan's status and version, money (integer CLP), the
 * aporte ÷ Sercotec fraction, findings counts, and each hito's estado (null when the plan has no
 * such hito or no estado) with the number of hitos Realizado, and the follow-up figures (`progress`).
 */
export const CooperativeRow = MoneyTotals.extend({
  id: z.string(),
  name: z.string(),
  regionCode: RegionCode,
  modality: Modality.nullable(),
  status: ConsolidationStatus,
  version: Count,
  updatedAt: z.string().nullable(),
  hasPlan: z.boolean(),
  ownShareOfSercotec: Share,
  lines: Count,
  errors: Count,
  warnings: Count,
  infos: Count,
  milestones: z.object({
    1: MilestoneStatus.nullable(),
    2: MilestoneStatus.nullable(),
    3: MilestoneStatus.nullable(),
    4: MilestoneStatus.nullable(),
  }),
  milestonesDone: Count,
  /**
   * The follow-up figures of the progress report at the consolidation's `asOf` (actions, visits,
   * agreements, links, leverage); null without a plan. Optional so rows made before it still parse.
   */
  progress: CooperativeProgress.nullable().optional(),
  /**
   * The rule pack the plan's findings were computed under (the latest revision's: rules.md, «every
   * revision records its pack»); null without a plan or when unknown. Optional so older rows parse.
   */
  rulePack: z.object({ year: z.number().int(), version: z.number().int().positive() }).nullable().optional(),
});
export type CooperativeRow = z.infer<typeof CooperativeRow>;

/** One region's figures in a national consolidation (or the one region of a regional one). */
export const RegionRow = MoneyTotals.extend({
  regionCode: RegionCode,
  regionName: z.string(),
  cooperatives: Count,
  /** Cooperatives per status: every workflow status, plus `sinPlan` and `archivo` when there are such cooperatives. */
  byStatus: z.partialRecord(ConsolidationStatus, Count),
  withErrors: Count,
  withWarnings: Count,
  clean: Count,
  withoutPlan: Count,
});
export type RegionRow = z.infer<typeof RegionRow>;

/** What is consolidated: one region, the whole country, or workbook files of several regions (by code). */
export const ConsolidationScope = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("region"), regionCode: RegionCode, regionName: z.string() }),
  z.object({ kind: z.literal("national") }),
  z.object({ kind: z.literal("files"), regionCodes: z.array(RegionCode) }),
]);
export type ConsolidationScope = z.infer<typeof ConsolidationScope>;

/**
 * The consolidated report of a region or the country (DESIGN.md, "the AOS consolidates"), built by
 * `consolidate()` from the latest revision of each cooperative. Money integer CLP; shares
 * fractions 0–1; `generatedAt` an ISO timestamp. Every money figure of `totals` equals the sum of
 * the `cooperatives` rows, of the `byStatus` rows, of the ítem rows (`byItem`) and of `byRegion`.
 */
export const Consolidation = z.object({
  scope: ConsolidationScope,
  generatedAt: z.string(),
  cooperativeCount: Count,
  totals: MoneyTotals,
  funding: FundingSplit,
  /** Ítem level (sub-ítem null), in catalogue order; unknown ítems last, alphabetically. */
  byItem: z.array(ItemRow),
  /** Sub-ítem level: only lines that name a sub-ítem, in catalogue order. */
  bySubitem: z.array(ItemRow),
  byStatus: z.array(StatusRow),
  byMilestone: z.array(MilestoneRow),
  compliance: Compliance,
  cooperatives: z.array(CooperativeRow),
  byRegion: z.array(RegionRow),
});
export type Consolidation = z.infer<typeof Consolidation>;
