import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import type { StoreContext } from "./client";

type TransactItems = NonNullable<TransactWriteCommandInput["TransactItems"]>;

/** Outcome of a transaction: committed, or cancelled with one reason code per item (`None`, `ConditionalCheckFailed`, …). */
export type TransactionOutcome = { committed: true } | { committed: false; reasons: string[] };

const MAX_ATTEMPTS = 4;

/**
 * Runs TransactWriteItems. A cancellation because of failed conditions is returned (not thrown)
 * with its per-item reasons; a `TransactionConflict` (another transaction on the same items at the
 * same instant) is retried with a short backoff, since the conditions then decide. Other errors throw.
 */
export async function transactWrite(ctx: StoreContext, items: TransactItems): Promise<TransactionOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return { committed: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException) && (error as { name?: string }).name !== "TransactionCanceledException") throw error;
      const reasons = ((error as TransactionCanceledException).CancellationReasons ?? []).map((r) => r.Code ?? "None");
      const conflicted = reasons.some((r) => r === "TransactionConflict");
      const conditionFailed = reasons.some((r) => r === "ConditionalCheckFailed");
      if (conflicted && !conditionFailed && attempt < MAX_ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.floor(Math.random() * 20)));
        continue;
      }
      return { committed: false, reasons };
    }
  }
}
