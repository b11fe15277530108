import type { Plan } from "@coop-plans/shared/domain";
import { planTotals as corePlanTotals } from "@coop-plans/shared/rules";

/** Sums and counts of a plan as read (CLP; `ownShareOfSercotec` a fraction rounded to 4 decimals, null without Sercotec amounts). */
export interface PlanTotals {
  totalNet: number;
  sercotecTotal: number;
  ownTotal: number;
  ownShareOfSercotec: number | null;
  lines: number;
  actions: number;
  members: number;
  milestones: number;
  results: number;
}

/**
 * The `totals` block of `validate --json`: the core's `planTotals` (shared/rules, the same sums
 * the API and the consolidation use) flattened for machines, the share rounded to 4 decimals.
 */
export function planTotals(plan: Plan): PlanTotals {
  const t = corePlanTotals(plan);
  return {
    totalNet: t.totalNet,
    sercotecTotal: t.sercotecTotal,
    ownTotal: t.ownTotal,
    ownShareOfSercotec: t.ownShareOfSercotec === null ? null : Math.round(t.ownShareOfSercotec * 10_000) / 10_000,
    ...t.counts,
  };
}
