import type { Actor, Cooperative } from "@coop-plans/shared/api";
import { createStoreContext, type StoreContext, type StoreContextOptions } from "./client";
import * as cooperatives from "./cooperativesRepository";
import * as revisions from "./planRevisionsRepository";
import * as assignments from "./assignmentsRepository";
import type { CooperativeItem } from "./items";
import { readSaveContext, type SaveContext } from "./saveContext";

/**
 * The repositories bound to one table: the only door the handlers have to DynamoDB. Every item is
 * zod-parsed on read; every error the handlers must react to is a store error (errors.ts).
 */
export interface Store {
  readonly context: StoreContext;
  /** See cooperativesRepository.registerCooperative (uniqueness of RUT and name in the region, optional idempotency record). */
  registerCooperative(cooperative: Cooperative, by: Actor, idempotency?: cooperatives.RegistrationIdempotency): Promise<Cooperative>;
  /** The unexpired record of a registration made with an Idempotency-Key in a region, or null. */
  getRegistrationRecord(regionCode: string, key: string): ReturnType<typeof cooperatives.getRegistrationRecord>;
  getCooperative(id: string): Promise<CooperativeItem | null>;
  getCooperatives(ids: string[]): ReturnType<typeof cooperatives.getCooperativeItems>;
  assignGestor(current: CooperativeItem, gestorEmail: string, by: Actor, at: string): Promise<Cooperative>;
  listCooperativesByRegion(regionCode: string, page: { limit: number; nextToken?: string | null }): Promise<cooperatives.CooperativePage>;
  listAllCooperativesByRegion(regionCode: string): ReturnType<typeof cooperatives.listAllCooperativesByRegion>;
  getLatestItems(ids: string[]): ReturnType<typeof cooperatives.getLatestItems>;
  listAssignments(gestorEmail: string): ReturnType<typeof assignments.listAssignments>;
  getLatest(cooperativeId: string): ReturnType<typeof revisions.getLatest>;
  getRevision(cooperativeId: string, version: number): ReturnType<typeof revisions.getRevision>;
  getRevisions(refs: ReadonlyArray<{ cooperativeId: string; version: number }>): ReturnType<typeof revisions.getRevisions>;
  listRevisions(cooperativeId: string): ReturnType<typeof revisions.listRevisions>;
  appendRevision(revision: revisions.NewRevision, idempotency?: revisions.IdempotencyRecord): Promise<void>;
  getIdempotencyRecord(cooperativeId: string, key: string): ReturnType<typeof revisions.getIdempotencyRecord>;
  /** The cooperative, its latest pointer and the record of an idempotency key, in one read round trip. */
  getSaveContext(cooperativeId: string, idempotencyKey: string): Promise<SaveContext>;
}

/** Binds the repositories to a table (options or the `TABLE_NAME` / `DYNAMODB_ENDPOINT` environment). */
export function createStore(options: StoreContextOptions | StoreContext = {}): Store {
  const ctx: StoreContext = "doc" in options ? options : createStoreContext(options);
  return {
    context: ctx,
    registerCooperative: (c, by, idempotency) => cooperatives.registerCooperative(ctx, c, by, idempotency),
    getRegistrationRecord: (region, key) => cooperatives.getRegistrationRecord(ctx, region, key),
    getCooperative: (id) => cooperatives.getCooperativeItem(ctx, id),
    getCooperatives: (ids) => cooperatives.getCooperativeItems(ctx, ids),
    assignGestor: (current, email, by, at) => cooperatives.assignGestor(ctx, current, email, by, at),
    listCooperativesByRegion: (code, page) => cooperatives.listCooperativesByRegion(ctx, code, page),
    listAllCooperativesByRegion: (code) => cooperatives.listAllCooperativesByRegion(ctx, code),
    getLatestItems: (ids) => cooperatives.getLatestItems(ctx, ids),
    listAssignments: (email) => assignments.listAssignments(ctx, email),
    getLatest: (id) => revisions.getLatest(ctx, id),
    getRevision: (id, v) => revisions.getRevision(ctx, id, v),
    getRevisions: (refs) => revisions.getRevisions(ctx, refs),
    listRevisions: (id) => revisions.listRevisions(ctx, id),
    appendRevision: (r, i) => revisions.appendRevision(ctx, r, i),
    getIdempotencyRecord: (id, key) => revisions.getIdempotencyRecord(ctx, id, key),
    getSaveContext: (id, key) => readSaveContext(ctx, id, key),
  };
}
