import * as z from "zod";
import { Severity } from "./enums";
import { Location } from "./location";

/**
 * A hallazgo de validación: `{ ruleId, severity, message, location }`.
 * `ruleId` is stable (`INV-005`, `PARSE-003`); `message` is Spanish, names the value found and the
 * limit or what to write instead; `found`/`limit` carry the figures for machines.
 */
export const Finding = z.object({
  ruleId: z.string().regex(/^[A-Z]+-\d{3}$/),
  severity: Severity,
  message: z.string().min(1),
  location: Location,
  found: z.union([z.string(), z.number(), z.null()]).optional(),
  limit: z.union([z.string(), z.number(), z.null()]).optional(),
});
export type Finding = z.infer<typeof Finding>;
