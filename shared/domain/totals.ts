import * as z from "zod";

/**
 * The one vocabulary of plan totals. A sum is named after the investment-line field it sums
 * (`total` = Σ Total neto, `sercotecAmount` = Σ Aporte Sercotec, `ownAmount` = Σ Aporte
 * empresarial, `executedAmount` = Σ Monto ejecutado) and a count after the records it counts.
 * The rules (`planTotals`), the API's plan summaries, the consolidation, `validate --json` and the
 * pane all use these names; money is integer CLP.
 */

/** Integer CLP, non-negative. */
const Clp = z.number().int().nonnegative();
/** A count of records. */
const Count = z.number().int().nonnegative();

/** The money of a set of investment lines, integer CLP, each the plain sum of the lines (null amounts count 0). */
export const MoneyTotals = z.object({
  total: Clp,
  sercotecAmount: Clp,
  ownAmount: Clp,
  executedAmount: Clp,
});
export type MoneyTotals = z.infer<typeof MoneyTotals>;

/** How many records of each kind a plan has. */
export const PlanCounts = z.object({
  investmentLines: Count,
  actions: Count,
  members: Count,
  milestones: Count,
  results: Count,
});
export type PlanCounts = z.infer<typeof PlanCounts>;

/**
 * Headline totals of a plan as the API answers and stores them with each revision (integer CLP
 * and counts): Σ Total neto, Σ Aporte Sercotec, Σ Aporte empresarial and the number of investment
 * lines, actions and members. A pick of `MoneyTotals` and `PlanCounts`: the same names.
 */
export const PlanTotalsSummary = MoneyTotals.pick({ total: true, sercotecAmount: true, ownAmount: true })
  .extend(PlanCounts.pick({ investmentLines: true, actions: true, members: true }).shape);
export type PlanTotalsSummary = z.infer<typeof PlanTotalsSummary>;

/** A money total of zero (a fresh accumulator). */
export function zeroMoney(): MoneyTotals {
  return { total: 0, sercotecAmount: 0, ownAmount: 0, executedAmount: 0 };
}

/** Adds `from`'s money into `into` (mutates `into`). */
export function addMoney(into: MoneyTotals, from: MoneyTotals): void {
  into.total += from.total;
  into.sercotecAmount += from.sercotecAmount;
  into.ownAmount += from.ownAmount;
  into.executedAmount += from.executedAmount;
}
