import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { createStoreContext, type StoreContext, type StoreContextOptions, type StoreTimeouts } from "./client";

/** Key read by the health check: no item has it, so the read costs the minimum (0.5 RCU) and returns nothing. */
export const HEALTH_CHECK_KEY = { pk: "HEALTH", sk: "CHECK" } as const;

/**
 * The health check's waits: the health function has 3 s (infra handlerSettings), so one attempt
 * of at most 0.5 s to connect and 1.5 s for the answer, no retry: a slow database is reported
 * as unavailable rather than letting the function time out.
 */
export const HEALTH_CHECK_TIMEOUTS: StoreTimeouts = { connectionMs: 500, requestMs: 1500, maxAttempts: 1 };

/**
 * Checks that the table answers: one eventually consistent GetItem of HEALTH_CHECK_KEY (the only
 * DynamoDB action the health function is granted). Resolves when DynamoDB answered (item or not);
 * throws StoreUnavailableError when it cannot be reached in time, and the SDK's error otherwise
 * (e.g. ResourceNotFoundException for a missing table, AccessDeniedException).
 */
export async function checkTable(ctx: StoreContext): Promise<void> {
  await ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: HEALTH_CHECK_KEY, ProjectionExpression: "pk" }));
}

/**
 * A table check bound to a store context built on first use (HEALTH_CHECK_TIMEOUTS unless
 * `options.timeouts` says otherwise; table and endpoint from `options` or the environment).
 */
export function createTableCheck(options: StoreContextOptions = {}): () => Promise<void> {
  let ctx: StoreContext | undefined;
  return () => {
    ctx ??= createStoreContext({ ...options, timeouts: { ...HEALTH_CHECK_TIMEOUTS, ...options.timeouts } });
    return checkTable(ctx);
  };
}
