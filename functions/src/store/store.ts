import { LEGACY_PACK, type Actor, type Cooperative, type RevisionSummary } from "@coop-plans/shared/api";
import type { IdempotencyClaim, NewRevision, PlanPointer, PlanStore, SaveContext, StoredRevision } from "../plans/planStore";
import { createStoreContext, type StoreContext, type StoreContextOptions } from "./client";
import * as cooperatives from "./cooperativesRepository";
import * as revisions from "./planRevisionsRepository";
import * as assignments from "./assignmentsRepository";
import type { LatestItem, RevisionHeaderItem, RevisionItem } from "./items";
import { EncodedContent } from "./revisionBody";
import { readSaveContext } from "./saveContext";
import * as rulePacks from "./rulePacksRepository";
import type { RulePack } from "@coop-plans/shared/rules";

/** The DynamoDB adapter of the store port, with its client (tests count the commands it sends). */
export interface Store extends PlanStore {
  readonly context: StoreContext;
}

/** A latest pointer item as the port's PlanPointer. */
export function toPointer(item: LatestItem): PlanPointer {
  const { pk: _pk, sk: _sk, entity: _entity, ...pointer } = item;
  return pointer;
}

/** A revision item (with or without body) as the port's RevisionSummary. */
export function toRevisionSummary(item: RevisionHeaderItem): RevisionSummary {
  return {
    cooperativeId: item.cooperativeId,
    version: item.v,
    status: item.status,
    action: item.action,
    by: item.by,
    at: item.at,
    comment: item.comment,
    ...(item.observations && item.observations.length > 0 ? { observations: item.observations } : {}),
    totals: item.totals,
    counts: item.counts,
    rulePack: item.rulePack ?? LEGACY_PACK,
  };
}

/** A revision item as the port's StoredRevision (its body inflated only when read). */
export function toStoredRevision(item: RevisionItem): StoredRevision {
  return { ...toRevisionSummary(item), content: new EncodedContent({ data: item.body, encoding: item.bodyEncoding, bytes: item.bodyBytes }) };
}

/** The store port on DynamoDB: the repositories bound to one table (options or the `TABLE_NAME` / `DYNAMODB_ENDPOINT` environment). */
export function createStore(options: StoreContextOptions | StoreContext = {}): Store {
  const ctx: StoreContext = "doc" in options ? options : createStoreContext(options);
  // Published packs are immutable: each version is read and schema-checked once per process.
  const packs = new Map<string, RulePack>();
  const packKey = (year: number, version: number) => `${year}#${version}`;
  return {
    context: ctx,
    registerCooperative: async (c: Cooperative, by: Actor, claim?: IdempotencyClaim) => {
      await cooperatives.registerCooperative(ctx, c, by, claim);
    },
    getRegistrationRecord: async (region, key) => {
      const item = await cooperatives.getRegistrationRecord(ctx, region, key);
      return item ? { bodyHash: item.bodyHash, cooperativeId: item.cooperativeId } : null;
    },
    getCooperative: async (id) => {
      const item = await cooperatives.getCooperativeItem(ctx, id);
      return item ? cooperatives.toCooperative(item) : null;
    },
    getCooperatives: async (ids) => (await cooperatives.getCooperativeItems(ctx, [...ids])).map(cooperatives.toCooperative),
    assignGestor: (current, email, by, at) => cooperatives.assignGestor(ctx, current, email, by, at),
    listCooperatives: (code, page) => cooperatives.listCooperativesByRegion(ctx, code, page),
    listAllCooperatives: (code) => cooperatives.listAllCooperativesByRegion(ctx, code),
    listAssignedCooperativeIds: async (email) => (await assignments.listAssignments(ctx, email)).map((a) => a.cooperativeId),
    getPointer: async (id) => {
      const item = await revisions.getLatest(ctx, id);
      return item ? toPointer(item) : null;
    },
    getPointers: async (ids) => {
      const items = await cooperatives.getLatestItems(ctx, [...ids]);
      return new Map([...items].map(([id, item]) => [id, toPointer(item)]));
    },
    getRevision: async (id, v) => {
      const item = await revisions.getRevision(ctx, id, v);
      return item ? toStoredRevision(item) : null;
    },
    getRevisions: async (refs) => {
      const items = await revisions.getRevisions(ctx, refs);
      return new Map([...items].map(([key, item]) => [key, toStoredRevision(item)]));
    },
    listRevisions: async (id) => (await revisions.listRevisions(ctx, id)).map(toRevisionSummary),
    appendRevision: (r: NewRevision, claim?: IdempotencyClaim) => revisions.appendRevision(ctx, r, claim),
    getPlanSaveRecord: async (id, key) => {
      const item = await revisions.getIdempotencyRecord(ctx, id, key);
      return item ? { bodyHash: item.bodyHash, version: item.version } : null;
    },
    getRulePackVersions: () => rulePacks.getRulePackVersions(ctx),
    getRulePacks: async (refs) => {
      const missing = refs.filter((r) => !packs.has(packKey(r.year, r.version)));
      for (const item of await rulePacks.getRulePackItems(ctx, missing)) packs.set(packKey(item.year, item.version), rulePacks.toRulePack(item));
      return refs.flatMap((r) => packs.get(packKey(r.year, r.version)) ?? []);
    },
    publishRulePack: async (pack, by, storedBase) => {
      await rulePacks.putRulePack(ctx, pack, by, storedBase);
      packs.set(packKey(pack.year, pack.version), pack);
    },
    readSaveContext: async (id, key): Promise<SaveContext> => {
      const found = await readSaveContext(ctx, id, key);
      return {
        cooperative: found.cooperative ? cooperatives.toCooperative(found.cooperative) : null,
        pointer: found.latest ? toPointer(found.latest) : null,
        earlier: found.idempotency ? { bodyHash: found.idempotency.bodyHash, version: found.idempotency.version } : null,
        rulePackVersions: found.rulePackVersions,
      };
    },
  };
}
