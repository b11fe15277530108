import type { Finding, Plan } from "@coop-plans/shared/domain";
import type { PlanStore } from "./planStore";

/** Validates a plan with the program rules (shared/rules `validatePlan`); returns findings. */
export type ValidateFn = (plan: Plan) => Finding[];

/** What the use cases need from the outside world; the handlers pass the production ones (deps.ts), tests and local mode their own. */
export interface UseCaseDeps {
  store: PlanStore;
  validate: ValidateFn;
  /** The clock (UTC instants). */
  now: () => Date;
}
