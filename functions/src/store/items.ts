import * as z from "zod";
import { Modality, RegionCode } from "@coop-plans/shared/domain";
import { BodyEncoding } from "./revisionBody";
import { Actor, Cooperative, FindingCounts, Observation, PlanStatus, PlanTotalsSummary, RevisionAction } from "@coop-plans/shared/api";

/** Zod schemas of every item of the single table; each repository parses what it reads with them. */

/** A registered cooperative: the API's Cooperative plus its keys, the region index keys and who registered it. */
export const CooperativeItem = Cooperative.extend({
  pk: z.string(),
  sk: z.literal("META"),
  entity: z.literal("cooperative"),
  gsi1pk: z.string(),
  gsi1sk: z.string(),
  createdBy: Actor,
});
export type CooperativeItem = z.infer<typeof CooperativeItem>;

/** The latest pointer: the current version and status of a cooperative's plan, with its summary. */
export const LatestItem = z.object({
  pk: z.string(),
  sk: z.literal("LATEST"),
  entity: z.literal("latest"),
  cooperativeId: z.string(),
  regionCode: RegionCode,
  version: z.number().int().nonnegative(),
  status: PlanStatus,
  updatedAt: z.string().nullable(),
  updatedBy: Actor.nullable(),
  totals: PlanTotalsSummary.nullable(),
  counts: FindingCounts.nullable(),
  /** Canonical hash (bodyHash) of the latest revision's plan; absent at version 0 and on pointers written before it existed. */
  planHash: z.string().optional(),
  /** The rule pack of the latest revision; absent at version 0 and on pointers written before packs (= 2025 v1). */
  rulePack: z.object({ year: z.number().int(), version: z.number().int().positive() }).optional(),
});
export type LatestItem = z.infer<typeof LatestItem>;

/** An immutable revision; `body` is `{plan, findings}` JSON compressed (`bodyEncoding`), `bodyBytes` its uncompressed size. */
export const RevisionItem = z.object({
  pk: z.string(),
  sk: z.string().startsWith("REV#"),
  entity: z.literal("revision"),
  cooperativeId: z.string(),
  v: z.number().int().positive(),
  status: PlanStatus,
  action: RevisionAction,
  by: Actor,
  at: z.string(),
  comment: z.string().nullable(),
  /** The AOS's observations pinned to lines or fields (a list of maps); absent when none. */
  observations: z.array(Observation).optional(),
  totals: PlanTotalsSummary,
  counts: FindingCounts,
  body: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { error: "body must be binary" }),
  bodyEncoding: BodyEncoding,
  bodyBytes: z.number().int().nonnegative(),
  /** The rule pack the revision's findings were computed under; absent on revisions saved before packs existed (= 2025 v1). */
  rulePack: z.object({ year: z.number().int(), version: z.number().int().positive() }).optional(),
});
export type RevisionItem = z.infer<typeof RevisionItem>;

/** A revision item read without its body (list of revisions). */
export const RevisionHeaderItem = RevisionItem.omit({ body: true });
export type RevisionHeaderItem = z.infer<typeof RevisionHeaderItem>;

/** Record of a plan save made with an Idempotency-Key; expires (TTL) after `expiresAt` epoch seconds. */
export const IdempotencyItem = z.object({
  pk: z.string(),
  sk: z.string().startsWith("IDEMPOTENCY#"),
  entity: z.literal("idempotency"),
  cooperativeId: z.string(),
  key: z.string(),
  bodyHash: z.string(),
  version: z.number().int().positive(),
  createdAt: z.string(),
  expiresAt: z.number().int(),
});
export type IdempotencyItem = z.infer<typeof IdempotencyItem>;

/** A uniqueness item of a region (RUT or name key): which cooperative holds the value. */
export const UniqueValueItem = z.object({
  pk: z.string(),
  sk: z.literal("UNIQUE"),
  entity: z.enum(["uniqueRut", "uniqueName"]),
  regionCode: RegionCode,
  cooperativeId: z.string(),
});
export type UniqueValueItem = z.infer<typeof UniqueValueItem>;

/** Record of a registration made with an Idempotency-Key; expires (TTL) after `expiresAt` epoch seconds. */
export const RegistrationIdempotencyItem = z.object({
  pk: z.string(),
  sk: z.literal("IDEMPOTENCY"),
  entity: z.literal("registrationIdempotency"),
  regionCode: RegionCode,
  key: z.string(),
  bodyHash: z.string(),
  cooperativeId: z.string(),
  createdAt: z.string(),
  expiresAt: z.number().int(),
});
export type RegistrationIdempotencyItem = z.infer<typeof RegistrationIdempotencyItem>;

/** A gestor/a's assignment to a cooperative (lets `GET /v1/me` list them with one Query). */
export const AssignmentItem = z.object({
  pk: z.string(),
  sk: z.string(),
  entity: z.literal("assignment"),
  gestorEmail: z.string(),
  cooperativeId: z.string(),
  regionCode: RegionCode,
  assignedAt: z.string(),
  assignedBy: Actor,
});
export type AssignmentItem = z.infer<typeof AssignmentItem>;

/**
 * A published rule pack version, immutable: the pack as JSON text (`document`, the `RulePack`
 * schema's output with its server-assigned `version` and `publishedAt`) and who published it.
 */
export const RulePackItem = z.object({
  pk: z.string().startsWith("RULEPACK#"),
  sk: z.string().startsWith("V#"),
  entity: z.literal("rulePack"),
  year: z.number().int(),
  version: z.number().int().positive(),
  publishedAt: z.string(),
  publishedBy: Actor,
  document: z.string(),
});
export type RulePackItem = z.infer<typeof RulePackItem>;

/**
 * The index of the published packs (`RULEPACKS` / `INDEX`): `y<year>` → the newest published
 * version of that year (`y2026: 2`). Updated in the publication's transaction, conditioned on
 * the version it replaces, so two publications of a year never both win. Read in a save's batch.
 */
export const RulePackIndexItem = z.looseObject({
  pk: z.literal("RULEPACKS"),
  sk: z.literal("INDEX"),
  entity: z.literal("rulePackIndex"),
});
export type RulePackIndexItem = z.infer<typeof RulePackIndexItem>;

/**
 * Parses an item read from the table with its schema; a malformed item is a server fault, so it
 * throws (with the key, never the content).
 */
export function parseItem<S extends z.ZodType>(schema: S, item: unknown): z.output<S> {
  const result = schema.safeParse(item);
  if (!result.success) {
    const k = item as { pk?: unknown; sk?: unknown } | undefined;
    throw new Error(`Malformed item ${String(k?.pk)}/${String(k?.sk)}: ${result.error.issues.map((i) => i.path.join(".") + " " + i.code).join("; ")}`);
  }
  return result.data;
}
