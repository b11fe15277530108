import type { Finding, Plan } from "@coop-plans/shared/domain";
import type { RulePack } from "@coop-plans/shared/rules";
import type { UserDirectory } from "../cooperatives/userDirectory";
import type { PlanStore } from "./planStore";

/**
 * Validates a plan with the program rules (shared/rules `validatePlan`) under `packs` (the pack
 * the server chose for the plan's registered year: see rulePacks/packForSave); returns findings.
 */
export type ValidateFn = (plan: Plan, packs: readonly RulePack[]) => Finding[];

/** What the use cases need from the outside world; the handlers pass the production ones (deps.ts), tests and local mode their own. */
export interface UseCaseDeps {
  store: PlanStore;
  validate: ValidateFn;
  /** The clock (UTC instants). */
  now: () => Date;
  /**
   * Who may sign in (Cognito, Entra ID): asked before a gestor/a is assigned. Default: any e-mail
   * (local mode, tests), `openUserDirectory`.
   */
  users?: UserDirectory;
  /** Key of the page tokens (cooperatives/pageToken.ts); default: `pageTokenSecret()` (PAGE_TOKEN_SECRET). */
  pageTokenSecret?: Uint8Array;
}
