import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { cooperativeNameKey, type Actor, type Cooperative, type CooperativeSummary } from "@coop-plans/shared/api";
import type { IdempotencyClaim } from "../plans/planStore";
import { batchGet } from "./batchGet";
import type { StoreContext } from "./client";
import { ConcurrentUpdateError, DuplicateCooperativeError, IdempotencyKeyTakenError, InvalidPageTokenError } from "./errors";
import { CooperativeItem, LatestItem, RegistrationIdempotencyItem, UniqueValueItem, parseItem } from "./items";
import { keys } from "./keys";
import { GSI1 } from "./tableDefinition";
import { transactWrite } from "./transactions";

/** Maps a cooperative item to the API's Cooperative. */
export function toCooperative(item: Cooperative): Cooperative {
  return {
    id: item.id,
    regionCode: item.regionCode,
    name: item.name,
    rut: item.rut,
    modality: item.modality,
    callYear: item.callYear,
    gestorEmail: item.gestorEmail,
    createdAt: item.createdAt,
  };
}

/** A cooperative and its latest pointer as the API summarises them (a missing pointer reads as a fresh `borrador`, version 0). */
export function toSummary(item: CooperativeItem, latest: LatestItem | undefined): CooperativeSummary {
  return {
    ...toCooperative(item),
    status: latest?.status ?? "borrador",
    version: latest?.version ?? 0,
    updatedAt: latest?.updatedAt ?? null,
    totals: latest?.totals ?? null,
    counts: latest?.counts ?? null,
  };
}

/** An idempotency record to write with a registration (the port's claim). */
export type RegistrationIdempotency = IdempotencyClaim;

/**
 * Registers a cooperative in ONE transaction: the cooperative item (in the region index), its
 * latest pointer at version 0 (`borrador`, no plan), the uniqueness items of its name key
 * (`cooperativeNameKey`) and, when it has one, its RUT in the region, the assignment when a
 * gestor/a is given, and the idempotency record when a key is given. Nothing is written when any
 * condition fails. Throws IdempotencyKeyTakenError when the key was used (checked first: a retry
 * wins), DuplicateCooperativeError("rut" | "name", id of the cooperative that has it) when the RUT
 * or the name is taken in the region, ConcurrentUpdateError otherwise.
 */
export async function registerCooperative(
  ctx: StoreContext,
  cooperative: Cooperative,
  by: Actor,
  idempotency?: RegistrationIdempotency,
): Promise<Cooperative> {
  const item: CooperativeItem = {
    ...keys.cooperative(cooperative.id),
    entity: "cooperative",
    gsi1pk: keys.region(cooperative.regionCode),
    gsi1sk: keys.regionSort(cooperative.name, cooperative.id),
    ...cooperative,
    createdBy: by,
  };
  const latest: LatestItem = {
    ...keys.latest(cooperative.id),
    entity: "latest",
    cooperativeId: cooperative.id,
    regionCode: cooperative.regionCode,
    version: 0,
    status: "borrador",
    updatedAt: null,
    updatedBy: null,
    totals: null,
    counts: null,
  };
  const put = (Item: Record<string, unknown>) => ({
    Put: { TableName: ctx.tableName, Item, ConditionExpression: "attribute_not_exists(pk)" },
  });
  const transaction = [put(item), put(latest)];
  const nameKey = keys.nameInRegion(cooperative.regionCode, cooperativeNameKey(cooperative.name));
  const nameIndex = transaction.push(put({ ...nameKey, entity: "uniqueName", regionCode: cooperative.regionCode, cooperativeId: cooperative.id })) - 1;
  const rutKey = cooperative.rut ? keys.rutInRegion(cooperative.regionCode, cooperative.rut) : null;
  const rutIndex = rutKey
    ? transaction.push(put({ ...rutKey, entity: "uniqueRut", regionCode: cooperative.regionCode, cooperativeId: cooperative.id })) - 1
    : -1;
  if (cooperative.gestorEmail) {
    transaction.push(put({
      ...keys.assignment(cooperative.gestorEmail, cooperative.id),
      entity: "assignment",
      gestorEmail: cooperative.gestorEmail,
      cooperativeId: cooperative.id,
      regionCode: cooperative.regionCode,
      assignedAt: cooperative.createdAt,
      assignedBy: by,
    }));
  }
  let idempotencyIndex = -1;
  if (idempotency) {
    const record: RegistrationIdempotencyItem = {
      ...keys.registrationIdempotency(cooperative.regionCode, idempotency.key),
      entity: "registrationIdempotency",
      regionCode: cooperative.regionCode,
      key: idempotency.key,
      bodyHash: idempotency.bodyHash,
      cooperativeId: cooperative.id,
      createdAt: cooperative.createdAt,
      expiresAt: Math.floor(Date.parse(cooperative.createdAt) / 1000) + idempotency.ttlSeconds,
    };
    idempotencyIndex = transaction.push(put(record)) - 1;
  }
  const outcome = await transactWrite(ctx, transaction);
  if (outcome.committed) return cooperative;
  const failed = (i: number) => i >= 0 && outcome.reasons[i] === "ConditionalCheckFailed";
  if (idempotency && failed(idempotencyIndex)) throw new IdempotencyKeyTakenError(idempotency.key);
  if (rutKey && failed(rutIndex)) throw new DuplicateCooperativeError("rut", await holderOf(ctx, rutKey));
  if (failed(nameIndex)) throw new DuplicateCooperativeError("name", await holderOf(ctx, nameKey));
  throw new ConcurrentUpdateError();
}

/** The cooperative id a uniqueness item names, or null when it is gone. */
async function holderOf(ctx: StoreContext, key: { pk: string; sk: string }): Promise<string | null> {
  const out = await ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: key, ConsistentRead: true }));
  return out.Item ? parseItem(UniqueValueItem, out.Item).cooperativeId : null;
}

/**
 * The unexpired record of a registration made with `key` in a region, or null (an expired record
 * may linger until TTL removes it: it counts as absent).
 */
export async function getRegistrationRecord(ctx: StoreContext, regionCode: string, key: string, now: number = Date.now()): Promise<RegistrationIdempotencyItem | null> {
  const out = await ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: keys.registrationIdempotency(regionCode, key), ConsistentRead: true }));
  if (!out.Item) return null;
  const item = parseItem(RegistrationIdempotencyItem, out.Item);
  return item.expiresAt * 1000 < now ? null : item;
}

/** The cooperative item of `id`, or null. */
export async function getCooperativeItem(ctx: StoreContext, id: string): Promise<CooperativeItem | null> {
  const out = await ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: keys.cooperative(id), ConsistentRead: true }));
  return out.Item ? parseItem(CooperativeItem, out.Item) : null;
}

/**
 * Assigns (or reassigns) the gestor/a of a cooperative: updates the cooperative, deletes the old
 * assignment and writes the new one in one transaction, conditioned on the gestor/a read in
 * `current` (throws ConcurrentUpdateError when someone else changed it meanwhile).
 */
export async function assignGestor(ctx: StoreContext, current: Cooperative, gestorEmail: string, by: Actor, at: string): Promise<Cooperative> {
  const old = current.gestorEmail;
  const transaction: NonNullable<Parameters<typeof transactWrite>[1]> = [
    {
      Update: {
        TableName: ctx.tableName,
        Key: keys.cooperative(current.id),
        UpdateExpression: "SET gestorEmail = :new",
        ConditionExpression: old === null
          ? "attribute_exists(pk) AND (attribute_not_exists(gestorEmail) OR attribute_type(gestorEmail, :nullType))"
          : "gestorEmail = :old",
        ExpressionAttributeValues: old === null ? { ":new": gestorEmail, ":nullType": "NULL" } : { ":new": gestorEmail, ":old": old },
      },
    },
  ];
  if (old !== null && old !== gestorEmail) {
    transaction.push({ Delete: { TableName: ctx.tableName, Key: keys.assignment(old, current.id) } });
  }
  if (old !== gestorEmail) {
    transaction.push({
      Put: {
        TableName: ctx.tableName,
        Item: {
          ...keys.assignment(gestorEmail, current.id),
          entity: "assignment",
          gestorEmail,
          cooperativeId: current.id,
          regionCode: current.regionCode,
          assignedAt: at,
          assignedBy: by,
        },
      },
    });
  }
  const outcome = await transactWrite(ctx, transaction);
  if (!outcome.committed) throw new ConcurrentUpdateError();
  return toCooperative({ ...current, gestorEmail });
}

/** The latest pointers of many cooperatives (BatchGetItem, 100 keys a call, unprocessed keys retried). */
export async function getLatestItems(ctx: StoreContext, ids: string[]): Promise<Map<string, LatestItem>> {
  const found = await batchGet(ctx, ids.map((id) => keys.latest(id)));
  const map = new Map<string, LatestItem>();
  for (const raw of found) {
    const item = parseItem(LatestItem, raw);
    map.set(item.cooperativeId, item);
  }
  return map;
}

/** The cooperative items of many ids (missing ones are left out). */
export async function getCooperativeItems(ctx: StoreContext, ids: string[]): Promise<CooperativeItem[]> {
  const found = await batchGet(ctx, ids.map((id) => keys.cooperative(id)));
  return found.map((raw) => parseItem(CooperativeItem, raw));
}

/** A cooperative id as the store writes it (randomUUID). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks that a cursor has the full shape of a LastEvaluatedKey of this region's GSI1 Query — a
 * cooperative's META item of this region: `pk` COOP#<uuid>, `sk` META, `gsi1pk` the region's,
 * `gsi1sk` COOP#<name key>#<the same uuid>, nothing else — so that nothing DynamoDB would refuse
 * (a 500) ever reaches it. Throws InvalidPageTokenError otherwise.
 */
export function checkPageCursor(cursor: Record<string, unknown>, gsi1pk: string): Record<string, string> {
  const { pk, sk, gsi1pk: region, gsi1sk, ...rest } = cursor;
  const id = typeof pk === "string" && pk.startsWith("COOP#") ? pk.slice("COOP#".length) : "";
  const ok = Object.keys(rest).length === 0 && UUID.test(id) && sk === "META" && region === gsi1pk &&
    typeof gsi1sk === "string" && gsi1sk.startsWith("COOP#") && gsi1sk.endsWith(`#${id}`) && gsi1sk.length <= 1024;
  if (!ok) throw new InvalidPageTokenError();
  return { pk: pk as string, sk: "META", gsi1pk, gsi1sk: gsi1sk as string };
}

/** One page of a region's cooperatives: summaries sorted by name and the cursor of the next page (null at the end). */
export interface CooperativePage {
  items: CooperativeSummary[];
  next: Record<string, string> | null;
}

/**
 * Lists a region's cooperatives with a Query on GSI1 (never a Scan), `limit` per page, resuming
 * after the cursor `after` (checkPageCursor: InvalidPageTokenError when it is not one of this
 * region's); then reads their latest pointers with BatchGetItem.
 */
export async function listCooperativesByRegion(
  ctx: StoreContext,
  regionCode: string,
  page: { limit: number; after?: Record<string, unknown> | null },
): Promise<CooperativePage> {
  const gsi1pk = keys.region(regionCode);
  const res = await ctx.doc.send(new QueryCommand({
    TableName: ctx.tableName,
    IndexName: GSI1,
    KeyConditionExpression: "gsi1pk = :pk",
    ExpressionAttributeValues: { ":pk": gsi1pk },
    Limit: page.limit,
    ExclusiveStartKey: page.after ? checkPageCursor(page.after, gsi1pk) : undefined,
  }));
  const cooperatives = (res.Items ?? []).map((raw) => parseItem(CooperativeItem, raw));
  const latest = await getLatestItems(ctx, cooperatives.map((c) => c.id));
  return {
    items: cooperatives.map((c) => toSummary(c, latest.get(c.id))),
    next: res.LastEvaluatedKey ? (res.LastEvaluatedKey as Record<string, string>) : null,
  };
}

/** Every cooperative of a region (all pages of the GSI1 Query), with its latest pointer. */
export async function listAllCooperativesByRegion(ctx: StoreContext, regionCode: string): Promise<CooperativeSummary[]> {
  const all: CooperativeSummary[] = [];
  let after: Record<string, string> | null = null;
  do {
    const page: CooperativePage = await listCooperativesByRegion(ctx, regionCode, { limit: 100, after });
    all.push(...page.items);
    after = page.next;
  } while (after);
  return all;
}
