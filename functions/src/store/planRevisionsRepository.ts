import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { IdempotencyClaim, NewRevision } from "../plans/planStore";
import type { StoreContext } from "./client";
import { IdempotencyKeyTakenError, ItemTooLargeError, VersionConflictError } from "./errors";
import { IdempotencyItem, LatestItem, RevisionHeaderItem, RevisionItem, parseItem } from "./items";
import { keys } from "./keys";
import { EncodedContent, encodeRevisionJson, type EncodedBody } from "./revisionBody";
import { transactWrite } from "./transactions";
import { batchGet } from "./batchGet";

/** DynamoDB's item size limit (400 KB, counted as 400 × 1024 bytes of names and values). */
export const MAX_ITEM_BYTES = 400 * 1024;

/** Rough DynamoDB size of an item: attribute names plus JSON-ish values plus binary lengths. */
export function estimateItemBytes(item: Record<string, unknown>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) {
    size += Buffer.byteLength(name, "utf8");
    size += value instanceof Uint8Array ? value.length : Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
  }
  return size;
}

/**
 * Appends an immutable revision and moves the latest pointer to it in ONE conditional
 * TransactWriteItems: the revision must not exist, the pointer must still be at `baseVersion`
 * (= `revision.version − 1`) and, with an idempotency record, its key must be unused.
 * Throws ItemTooLargeError (before writing) when the revision would pass 400 KB,
 * IdempotencyKeyTakenError when the key was used (checked first: a retry wins over a conflict),
 * VersionConflictError with the current version when the pointer moved. Nothing is overwritten.
 */
export async function appendRevision(ctx: StoreContext, revision: NewRevision, idempotency?: IdempotencyClaim): Promise<void> {
  const baseVersion = revision.version - 1;
  const body: EncodedBody = revision.content instanceof EncodedContent
    ? revision.content.body
    : "json" in revision.content
      ? encodeRevisionJson(revision.content.json)
      : encodeRevisionJson(JSON.stringify(revision.content.read()));
  const revisionItem: RevisionItem = {
    ...keys.revision(revision.cooperativeId, revision.version),
    entity: "revision",
    cooperativeId: revision.cooperativeId,
    v: revision.version,
    status: revision.status,
    action: revision.action,
    by: revision.by,
    at: revision.at,
    comment: revision.comment,
    ...(revision.observations && revision.observations.length > 0 ? { observations: revision.observations } : {}),
    totals: revision.totals,
    counts: revision.counts,
    body: body.data,
    bodyEncoding: body.encoding,
    bodyBytes: body.bytes,
    rulePack: { year: revision.rulePack.year, version: revision.rulePack.version },
  };
  const size = estimateItemBytes(revisionItem);
  if (size > MAX_ITEM_BYTES - 1024) throw new ItemTooLargeError(size);

  const latest: LatestItem = {
    ...keys.latest(revision.cooperativeId),
    entity: "latest",
    cooperativeId: revision.cooperativeId,
    regionCode: revision.regionCode as LatestItem["regionCode"],
    version: revision.version,
    status: revision.status,
    updatedAt: revision.at,
    updatedBy: revision.by,
    totals: revision.totals,
    counts: revision.counts,
    ...(revision.planHash ? { planHash: revision.planHash } : {}),
    rulePack: { year: revision.rulePack.year, version: revision.rulePack.version },
  };
  const transaction: NonNullable<Parameters<typeof transactWrite>[1]> = [
    { Put: { TableName: ctx.tableName, Item: revisionItem, ConditionExpression: "attribute_not_exists(pk)" } },
    {
      Put: {
        TableName: ctx.tableName,
        Item: latest,
        ConditionExpression: "#version = :base",
        ExpressionAttributeNames: { "#version": "version" },
        ExpressionAttributeValues: { ":base": baseVersion },
      },
    },
  ];
  if (idempotency) {
    const record: IdempotencyItem = {
      ...keys.idempotency(revision.cooperativeId, idempotency.key),
      entity: "idempotency",
      cooperativeId: revision.cooperativeId,
      key: idempotency.key,
      bodyHash: idempotency.bodyHash,
      version: revision.version,
      createdAt: revision.at,
      expiresAt: Math.floor(Date.parse(revision.at) / 1000) + idempotency.ttlSeconds,
    };
    transaction.push({ Put: { TableName: ctx.tableName, Item: record, ConditionExpression: "attribute_not_exists(pk)" } });
  }

  const outcome = await transactWrite(ctx, transaction);
  if (outcome.committed) return;
  if (idempotency && outcome.reasons[2] === "ConditionalCheckFailed") throw new IdempotencyKeyTakenError(idempotency.key);
  if (outcome.reasons.some((r) => r === "ConditionalCheckFailed" || r === "TransactionConflict")) {
    const current = await getLatest(ctx, revision.cooperativeId);
    throw new VersionConflictError(current?.version ?? 0);
  }
  throw new Error(`Transaction cancelled: ${outcome.reasons.join(",")}`);
}

/** The latest pointer of a cooperative (strongly consistent), or null when it was never registered. */
export async function getLatest(ctx: StoreContext, cooperativeId: string): Promise<LatestItem | null> {
  const out = await ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: keys.latest(cooperativeId), ConsistentRead: true }));
  return out.Item ? parseItem(LatestItem, out.Item) : null;
}

/** One revision with its encoded body, or null. */
export async function getRevision(ctx: StoreContext, cooperativeId: string, version: number): Promise<RevisionItem | null> {
  const out = await ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: keys.revision(cooperativeId, version), ConsistentRead: true }));
  return out.Item ? parseItem(RevisionItem, out.Item) : null;
}

/**
 * Several revisions by (cooperative, version) in BatchGetItem calls of 100 keys (strongly
 * consistent, unprocessed keys retried): a Map keyed `${cooperativeId}#${version}`; missing ones
 * are absent. Consolidation reads a region's latest revisions this way, not one GetItem each.
 */
export async function getRevisions(ctx: StoreContext, refs: ReadonlyArray<{ cooperativeId: string; version: number }>): Promise<Map<string, RevisionItem>> {
  const found = await batchGet(ctx, refs.map((r) => keys.revision(r.cooperativeId, r.version)));
  const out = new Map<string, RevisionItem>();
  for (const raw of found) {
    const item = parseItem(RevisionItem, raw);
    out.set(`${item.cooperativeId}#${item.v}`, item);
  }
  return out;
}

/** Every revision of a cooperative without bodies, oldest first (all pages of a Query on its partition). */
export async function listRevisions(ctx: StoreContext, cooperativeId: string): Promise<RevisionHeaderItem[]> {
  const items: RevisionHeaderItem[] = [];
  let start: Record<string, unknown> | undefined;
  const attributes = ["pk", "sk", "entity", "cooperativeId", "v", "status", "action", "by", "at", "comment", "observations", "totals", "counts", "bodyEncoding", "bodyBytes", "rulePack"];
  do {
    const res = await ctx.doc.send(new QueryCommand({
      TableName: ctx.tableName,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :rev)",
      ExpressionAttributeValues: { ":pk": keys.cooperative(cooperativeId).pk, ":rev": keys.revisionPrefix },
      ProjectionExpression: attributes.map((_, i) => `#a${i}`).join(", "),
      ExpressionAttributeNames: Object.fromEntries(attributes.map((a, i) => [`#a${i}`, a])),
      ConsistentRead: true,
      ExclusiveStartKey: start,
    }));
    items.push(...(res.Items ?? []).map((raw) => parseItem(RevisionHeaderItem, raw)));
    start = res.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The idempotency record of `key` for a cooperative, or null (expired records may linger until TTL removes them). */
export async function getIdempotencyRecord(ctx: StoreContext, cooperativeId: string, key: string): Promise<IdempotencyItem | null> {
  const out = await ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: keys.idempotency(cooperativeId, key), ConsistentRead: true }));
  return out.Item ? liveIdempotencyItem(out.Item) : null;
}

/** Parses a raw idempotency item; null when it has expired (`expiresAt`, epoch seconds, is past) but TTL has not removed it yet. */
export function liveIdempotencyItem(raw: unknown, now: number = Date.now()): IdempotencyItem | null {
  const item = parseItem(IdempotencyItem, raw);
  return item.expiresAt * 1000 < now ? null : item;
}
