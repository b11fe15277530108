import * as z from "zod";
import { Role } from "./role";

export { PlanTotalsSummary } from "../domain/totals";
export { FindingCounts } from "../findings/findings";

/** Who did something: the principal's subject, e-mail (when known) and role. */
export const Actor = z.object({
  sub: z.string().min(1),
  email: z.string().nullable(),
  role: Role,
});
export type Actor = z.infer<typeof Actor>;

/** An ISO 8601 timestamp (UTC), e.g. `2025-05-12T14:03:00.000Z`. */
export const Timestamp = z.iso.datetime();
