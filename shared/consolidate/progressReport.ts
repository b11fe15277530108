import type { Plan } from "../domain";
import { planTotals } from "../rules/totals";
import { MILESTONE_NAMES } from "./milestoneNames";
import {
  LINK_STATUSES, LINK_TYPES, type ProgressReport, type ReportActions, type ReportAgreements, type ReportItem, type ReportLeverage,
  type ReportLinks, type ReportMilestone, type ReportVisits,
} from "./progressReportSchema";

/** Options of `progressReport`: `asOf`, the ISO date the report is made at (visits so far, overdue agreements). */
export interface ProgressReportOptions {
  asOf: string;
}

const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);
const isBlank = (s: string | null | undefined): boolean => s === null || s === undefined || s.trim() === "";

/** Hitos 1–4 (the first row of each number wins; a missing hito has null dates and estado). */
function milestones(plan: Plan): ReportMilestone[] {
  return ([1, 2, 3, 4] as const).map((n) => {
    const m = plan.milestones.find((x) => x.milestone === n);
    return {
      milestone: n,
      name: isBlank(m?.name) ? MILESTONE_NAMES[n] : m!.name!.trim(),
      plannedDate: m?.plannedDate ?? null,
      doneDate: m?.doneDate ?? null,
      status: m?.status ?? null,
    };
  });
}

function actions(plan: Plan): ReportActions {
  let done = 0;
  let inProgress = 0;
  let progressSum = 0;
  for (const a of plan.actions) {
    if (a.status === "Realizada") done++;
    else if (a.status === "En curso") inProgress++;
    progressSum += a.status === "Realizada" ? 1 : a.progress ?? 0;
  }
  const total = plan.actions.length;
  return { total, done, inProgress, pending: total - done - inProgress, progress: ratio(progressSum, total) };
}

/** Planned vs executed by ítem, in `planTotals` order (catalogue order; unknown ítems last), sub-ítems folded into their ítem. */
function byItem(plan: Plan): ReportItem[] {
  const rows = new Map<string, ReportItem>();
  for (const t of planTotals(plan).byItem) {
    const key = JSON.stringify([t.group, t.item]);
    const row = rows.get(key) ?? { group: t.group, item: t.item, planned: 0, executed: 0, executedShare: null };
    row.planned += t.total;
    row.executed += t.executedAmount;
    rows.set(key, row);
  }
  return [...rows.values()].map((r) => ({ ...r, executedShare: ratio(r.executed, r.planned) }));
}

function visits(plan: Plan, asOf: string): ReportVisits {
  const sofar = (plan.followUp?.visits ?? []).filter((v): v is typeof v & { date: string } => !!v.date && v.date <= asOf);
  let last: (typeof sofar)[number] | null = null;
  for (const v of sofar) if (!last || v.date >= last.date) last = v;
  return { count: sofar.length, last: last ? { date: last.date, mode: last.mode, topics: last.topics } : null };
}

function agreements(plan: Plan, asOf: string): ReportAgreements {
  const rows = (plan.followUp?.visits ?? []).filter((v) => !isBlank(v.agreements));
  const done = rows.filter((v) => v.agreementStatus === "Cumplido").length;
  const overdue = rows.filter((v) => v.agreementStatus !== "Cumplido" && !!v.dueDate && v.dueDate < asOf).length;
  return { total: rows.length, done, open: rows.length - done, overdue };
}

function links(plan: Plan): ReportLinks {
  const list = plan.followUp?.links ?? [];
  const byType = Object.fromEntries(LINK_TYPES.map((t) => [t, 0])) as ReportLinks["byType"];
  const byStatus = Object.fromEntries(LINK_STATUSES.map((s) => [s, 0])) as ReportLinks["byStatus"];
  for (const l of list) {
    byType[l.type ?? "Sin tipo"]++;
    byStatus[l.status ?? "Sin estado"]++;
  }
  return { total: list.length, byType, byStatus };
}

function leverage(plan: Plan): ReportLeverage {
  const list = plan.followUp?.leverage ?? [];
  const byStatus: ReportLeverage["byStatus"] = { "En preparación": 0, Postulado: 0, Adjudicado: 0, Rechazado: 0, "Sin estado": 0 };
  let requested = 0;
  let awarded = 0;
  for (const x of list) {
    requested += x.requestedAmount ?? 0;
    awarded += x.awardedAmount ?? 0;
    byStatus[x.status ?? "Sin estado"]++;
  }
  return { applications: list.length, requested, awarded, awardedCount: byStatus.Adjudicado, byStatus };
}

/**
 * The progress report of a plan at `asOf` (ISO date): each hito's estado and dates; actions done
 * and the mean `% de avance` (Realizada counts 100 %, empty counts 0 %); investment executed vs
 * planned (Σ Monto ejecutado vs Σ Total neto, CLP and fraction) in total and by ítem; visits on
 * or before `asOf` and the latest one; agreements open (not Cumplido) and overdue (open, due
 * before `asOf`); links by tipo and estado; leverage sought (Σ solicitado) and won (Σ adjudicado,
 * count Adjudicado). Null amounts count 0. Pure; a plan without the Seguimiento sheets gives zeros.
 */
export function progressReport(plan: Plan, options: ProgressReportOptions): ProgressReport {
  const { asOf } = options;
  const coop = plan.cooperative;
  const lines = plan.investmentLines;
  const sum = (pick: (l: Plan["investmentLines"][number]) => number | null) => lines.reduce((acc, l) => acc + (pick(l) ?? 0), 0);
  const planned = sum((l) => l.total);
  const executed = sum((l) => l.executedAmount);
  const hitos = milestones(plan);
  return {
    asOf,
    cooperative: {
      name: coop.name, regionCode: coop.regionCode, modality: coop.modality, callYear: coop.callYear,
      executionStart: coop.executionStart, executionEnd: coop.executionEnd, manager: coop.manager,
    },
    milestones: hitos,
    milestonesDone: hitos.filter((m) => m.status === "Realizado").length,
    actions: actions(plan),
    investment: { planned, executed, executedShare: ratio(executed, planned), sercotecAmount: sum((l) => l.sercotecAmount), ownAmount: sum((l) => l.ownAmount) },
    byItem: byItem(plan),
    visits: visits(plan, asOf),
    agreements: agreements(plan, asOf),
    links: links(plan),
    leverage: leverage(plan),
  };
}
