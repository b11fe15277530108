import type { Actor } from "@coop-plans/shared/api";
import type { PackId, RulePack } from "@coop-plans/shared/rules";

/**
 * The rule packs' part of the store port (the DynamoDB adapter, functions/src/store, implements
 * it). Published packs are immutable: the adapter may keep them in memory once read.
 */
export interface RulePackStore {
  /** The newest published version of each year (year → version); empty when none was published. Built-in packs are not in it. */
  getRulePackVersions(): Promise<Map<number, number>>;
  /** Published packs by (year, version); missing ones are left out, any order. */
  getRulePacks(refs: readonly PackId[]): Promise<RulePack[]>;
  /**
   * Stores a published pack (its `version` and `publishedAt` set) as the newest of its year,
   * conditioned on the published version it replaces (`storedBase`, 0 when the year had none).
   * Throws RulePackConflictError when another publication of that year came first.
   */
  publishRulePack(pack: RulePack, by: Actor, storedBase: number): Promise<void>;
}

/** Another publication of the year was stored between the read and the write; `currentVersion` is the version in the store now. */
export class RulePackConflictError extends Error {
  constructor(readonly currentVersion: number) {
    super(`Rule pack conflict: current version is ${currentVersion}`);
    this.name = "RulePackConflictError";
  }
}
