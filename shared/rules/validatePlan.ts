import type { Finding, Plan } from "../domain";

/** Options of a validation run: `asOf` is today's ISO date in America/Santiago unless given. */
export interface ValidateOptions {
  asOf?: string;
}

/**
 * Checks a plan against the parameters of its call and modality (rules.md); returns findings,
 * errors first. Pure: no I/O. STUB: replaced by the program rules.
 */
export function validatePlan(plan: Plan, options: ValidateOptions = {}): Finding[] {
  void plan; void options;
  throw new Error("validatePlan: not implemented yet");
}
