import type { Plan } from "@coop-plans/shared/domain";

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

/** Computes the totals of the Plan de Inversiones columns (nulls count as 0) and the record counts. */
export function planTotals(plan: Plan): PlanTotals {
  const sum = (pick: (l: Plan["investmentLines"][number]) => number | null) =>
    plan.investmentLines.reduce((acc, l) => acc + (pick(l) ?? 0), 0);
  const sercotecTotal = sum((l) => l.sercotecAmount);
  const ownTotal = sum((l) => l.ownAmount);
  return {
    totalNet: sum((l) => l.total),
    sercotecTotal,
    ownTotal,
    ownShareOfSercotec: sercotecTotal > 0 ? Math.round((ownTotal / sercotecTotal) * 10_000) / 10_000 : null,
    lines: plan.investmentLines.length,
    actions: plan.actions.length,
    members: plan.members.length,
    milestones: plan.milestones.length,
    results: plan.results.length,
  };
}
