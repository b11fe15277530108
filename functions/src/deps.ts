import type { Finding, Plan } from "@coop-plans/shared/domain";
import { validatePlan } from "@coop-plans/shared/rules";
import { createStore, type Store } from "./store/store";

/** Validates a plan with the program rules (shared/rules `validatePlan`); returns findings. */
export type ValidateFn = (plan: Plan) => Finding[];

/** What the handlers need from the outside world; tests and the local server pass their own. */
export interface HandlerDeps {
  store: Store;
  validate: ValidateFn;
  /** The clock (UTC instants). */
  now: () => Date;
}

let defaults: HandlerDeps | undefined;

/**
 * The production dependencies, built on first use (so `TABLE_NAME` / `DYNAMODB_ENDPOINT` are read
 * when the first request arrives, and reused across warm invocations).
 */
export function defaultDeps(): HandlerDeps {
  defaults ??= { store: createStore(), validate: (plan) => validatePlan(plan), now: () => new Date() };
  return defaults;
}
