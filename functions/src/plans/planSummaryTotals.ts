import type { PlanTotalsSummary } from "@coop-plans/shared/api";
import type { Plan } from "@coop-plans/shared/domain";
import { planTotals } from "@coop-plans/shared/rules";

/**
 * Headline totals of a plan, integer CLP, taken from `planTotals` of shared/rules (the same sums
 * the rules, the consolidation and the reports use, so the list, the audit trail and the
 * consolidation agree to the peso): `sercotecAmount` = Σ Aporte Sercotec, `ownAmount` = Σ Aporte
 * empresarial, `total` = Σ Total neto (blank amounts count 0), and the counts of investment lines,
 * actions and members.
 */
export function summarizePlanTotals(plan: Plan): PlanTotalsSummary {
  const totals = planTotals(plan);
  return {
    sercotecAmount: totals.sercotecTotal,
    ownAmount: totals.ownTotal,
    total: totals.totalNet,
    investmentLines: totals.counts.lines,
    actions: totals.counts.actions,
    members: totals.counts.members,
  };
}
