import { BatchGetCommand, type BatchGetCommandOutput } from "@aws-sdk/lib-dynamodb";
import type { StoreContext } from "./client";

/** Keys a BatchGetItem call takes at most. */
const BATCH_LIMIT = 100;

/**
 * Reads items by key with strongly consistent BatchGetItem calls (100 keys a call), retrying
 * unprocessed keys with a capped exponential backoff. Returns the raw items found, in no
 * particular order (missing keys are simply absent). Throws when DynamoDB keeps leaving keys
 * unprocessed after 10 attempts.
 */
export async function batchGet(ctx: StoreContext, wanted: Array<{ pk: string; sk: string }>): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < wanted.length; i += BATCH_LIMIT) {
    let pending: Array<Record<string, unknown>> | undefined = wanted.slice(i, i + BATCH_LIMIT);
    for (let attempt = 0; pending && pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(50 * 2 ** attempt, 1000)));
      const res: BatchGetCommandOutput = await ctx.doc.send(new BatchGetCommand({ RequestItems: { [ctx.tableName]: { Keys: pending, ConsistentRead: true } } }));
      out.push(...(res.Responses?.[ctx.tableName] ?? []));
      pending = res.UnprocessedKeys?.[ctx.tableName]?.Keys;
      if (attempt > 8 && pending && pending.length > 0) throw new Error("BatchGetItem kept returning unprocessed keys");
    }
  }
  return out;
}
