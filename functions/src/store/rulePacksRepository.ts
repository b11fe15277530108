import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { Actor } from "@coop-plans/shared/api";
import { RulePack } from "@coop-plans/shared/rules";
import { RulePackConflictError } from "../rulePacks/rulePackStore";
import { batchGet } from "./batchGet";
import type { StoreContext } from "./client";
import { RulePackIndexItem, RulePackItem, parseItem } from "./items";
import { keys } from "./keys";
import { transactWrite } from "./transactions";

/** The index attribute of a year: `y2026`. */
const yearAttribute = (year: number) => `y${year}`;

/** The versions of an index item: year → newest published version (attributes `y<4 digits>` holding a positive integer). */
export function indexVersions(raw: Record<string, unknown> | null | undefined): Map<number, number> {
  const out = new Map<number, number>();
  if (!raw) return out;
  const item = parseItem(RulePackIndexItem, raw);
  for (const [name, value] of Object.entries(item)) {
    const m = /^y(\d{4})$/.exec(name);
    if (m && typeof value === "number" && Number.isInteger(value) && value > 0) out.set(Number(m[1]), value);
  }
  return out;
}

/** The newest published version of each year (strongly consistent GetItem of the index); empty when nothing was published. */
export async function getRulePackVersions(ctx: StoreContext): Promise<Map<number, number>> {
  const out = await ctx.doc.send(new GetCommand({ TableName: ctx.tableName, Key: keys.rulePackIndex, ConsistentRead: true }));
  return indexVersions(out.Item);
}

/** A stored pack item's document, parsed by the `RulePack` schema (a malformed one is a server fault: throws). */
export function toRulePack(item: RulePackItem): RulePack {
  const parsed = RulePack.safeParse(JSON.parse(item.document));
  if (!parsed.success) throw new Error(`Malformed rule pack ${item.pk}/${item.sk}`);
  return parsed.data;
}

/** Published packs by (year, version), in BatchGetItem calls; missing ones are left out. */
export async function getRulePackItems(ctx: StoreContext, refs: ReadonlyArray<{ year: number; version: number }>): Promise<RulePackItem[]> {
  if (refs.length === 0) return [];
  const found = await batchGet(ctx, refs.map((r) => keys.rulePack(r.year, r.version)));
  return found.map((raw) => parseItem(RulePackItem, raw));
}

/**
 * Publishes a pack version in ONE conditional TransactWriteItems: the version item must not exist
 * and the index must still hold `storedBase` for its year (none when 0). Throws
 * RulePackConflictError with the version now in the index when another publication won.
 */
export async function putRulePack(ctx: StoreContext, pack: RulePack, by: Actor, storedBase: number): Promise<void> {
  if (pack.publishedAt === null) throw new Error("putRulePack: a published pack has publishedAt");
  const item: RulePackItem = {
    ...keys.rulePack(pack.year, pack.version),
    entity: "rulePack",
    year: pack.year,
    version: pack.version,
    publishedAt: pack.publishedAt,
    publishedBy: by,
    document: JSON.stringify(pack),
  };
  const outcome = await transactWrite(ctx, [
    { Put: { TableName: ctx.tableName, Item: item, ConditionExpression: "attribute_not_exists(pk)" } },
    {
      Update: {
        TableName: ctx.tableName,
        Key: keys.rulePackIndex,
        UpdateExpression: "SET #y = :v, #entity = :entity",
        ConditionExpression: storedBase === 0 ? "attribute_not_exists(#y)" : "#y = :base",
        ExpressionAttributeNames: { "#y": yearAttribute(pack.year), "#entity": "entity" },
        ExpressionAttributeValues: { ":v": pack.version, ":entity": "rulePackIndex", ...(storedBase === 0 ? {} : { ":base": storedBase }) },
      },
    },
  ]);
  if (outcome.committed) return;
  if (outcome.reasons.some((r) => r === "ConditionalCheckFailed" || r === "TransactionConflict")) {
    const now = (await getRulePackVersions(ctx)).get(pack.year) ?? 0;
    throw new RulePackConflictError(now);
  }
  throw new Error(`Transaction cancelled: ${outcome.reasons.join(",")}`);
}
