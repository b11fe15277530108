import * as z from "zod";
import { Role } from "./role";

/** Integer CLP, non-negative. */
const Clp = z.number().int().nonnegative();

/**
 * Headline totals of a plan, integer CLP: the investment plan's Sercotec subsidy, the aporte
 * empresarial and the Total neto (Σ of the lines' totals, as shared/rules `planTotals` and the
 * consolidation sum it), plus the number of investment lines, actions and members.
 */
export const PlanTotalsSummary = z.object({
  sercotecAmount: Clp,
  ownAmount: Clp,
  total: Clp,
  investmentLines: z.number().int().nonnegative(),
  actions: z.number().int().nonnegative(),
  members: z.number().int().nonnegative(),
});
export type PlanTotalsSummary = z.infer<typeof PlanTotalsSummary>;

/** How many findings of each severity a plan has. */
export const FindingCounts = z.object({
  error: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});
export type FindingCounts = z.infer<typeof FindingCounts>;

/** Who did something: the principal's subject, e-mail (when known) and role. */
export const Actor = z.object({
  sub: z.string().min(1),
  email: z.string().nullable(),
  role: Role,
});
export type Actor = z.infer<typeof Actor>;

/** An ISO 8601 timestamp (UTC), e.g. `2025-05-12T14:03:00.000Z`. */
export const Timestamp = z.iso.datetime();
