import type { PlanTotalsSummary } from "@coop-plans/shared/api";
import type { Plan } from "@coop-plans/shared/domain";

/**
 * Headline totals of a plan, integer CLP: Sercotec subsidy and aporte empresarial summed over the
 * investment lines (blank amounts count 0), their sum, and the counts of lines, actions and members.
 * TODO(consolidate): switch to `planTotals` from shared/rules/totals.ts once it lands, so the list,
 * the audit trail and the consolidation agree to the peso by construction.
 */
export function summarizePlanTotals(plan: Plan): PlanTotalsSummary {
  let sercotecAmount = 0;
  let ownAmount = 0;
  for (const line of plan.investmentLines) {
    sercotecAmount += line.sercotecAmount ?? 0;
    ownAmount += line.ownAmount ?? 0;
  }
  return {
    sercotecAmount,
    ownAmount,
    total: sercotecAmount + ownAmount,
    investmentLines: plan.investmentLines.length,
    actions: plan.actions.length,
    members: plan.members.length,
  };
}
