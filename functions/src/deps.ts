import { validatePlan } from "@coop-plans/shared/rules";
import type { UseCaseDeps } from "./plans/useCaseDeps";
import { createStore } from "./store/store";

export type { UseCaseDeps as HandlerDeps, ValidateFn } from "./plans/useCaseDeps";

let defaults: UseCaseDeps | undefined;

/**
 * The production dependencies, built on first use (so `TABLE_NAME` / `DYNAMODB_ENDPOINT` are read
 * when the first request arrives, and reused across warm invocations).
 */
export function defaultDeps(): UseCaseDeps {
  defaults ??= { store: createStore(), validate: (plan, packs) => validatePlan(plan, { packs }), now: () => new Date() };
  return defaults;
}
