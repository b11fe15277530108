import type { StoreContext } from "./client";
import { batchGet } from "./batchGet";
import { CooperativeItem, LatestItem, parseItem } from "./items";
import { keys } from "./keys";
import { liveIdempotencyItem } from "./planRevisionsRepository";
import type { IdempotencyItem } from "./items";
import { indexVersions } from "./rulePacksRepository";

/** What a plan save must know before it writes: the cooperative, its latest pointer and an earlier save with the same key. */
export interface SaveContext {
  /** The cooperative (META item), or null when it does not exist. */
  cooperative: CooperativeItem | null;
  /** The latest pointer, or null (never registered). */
  latest: LatestItem | null;
  /** The unexpired idempotency record of the key, or null. */
  idempotency: IdempotencyItem | null;
  /** The rule pack index: year → newest published version (empty when none was published). */
  rulePackVersions: Map<number, number>;
}

/**
 * Reads the cooperative, its latest pointer, the idempotency record of `idempotencyKey` and the
 * rule pack index (which pack the save is checked under) in ONE
 * strongly consistent BatchGetItem (a save's only read round trip; the write is one conditional
 * transaction, see appendRevision). Items are zod-parsed; a malformed one throws.
 */
export async function readSaveContext(ctx: StoreContext, cooperativeId: string, idempotencyKey: string): Promise<SaveContext> {
  const metaKey = keys.cooperative(cooperativeId);
  const latestKey = keys.latest(cooperativeId);
  const found = await batchGet(ctx, [metaKey, latestKey, keys.idempotency(cooperativeId, idempotencyKey), keys.rulePackIndex]);
  const context: SaveContext = { cooperative: null, latest: null, idempotency: null, rulePackVersions: new Map() };
  for (const raw of found) {
    const { pk, sk } = raw as { pk?: unknown; sk?: unknown };
    if (pk === keys.rulePackIndex.pk) context.rulePackVersions = indexVersions(raw);
    else if (sk === metaKey.sk) context.cooperative = parseItem(CooperativeItem, raw);
    else if (sk === latestKey.sk) context.latest = parseItem(LatestItem, raw);
    else context.idempotency = liveIdempotencyItem(raw);
  }
  return context;
}
