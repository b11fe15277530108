import type { Actor, Cooperative, CooperativeSummary, FindingCounts, PlanStatus, PlanTotalsSummary, RevisionAction, RevisionSummary } from "@coop-plans/shared/api";
import type { Finding, Plan } from "@coop-plans/shared/domain";
import type { RulePackStore } from "../rulePacks/rulePackStore";

/**
 * The store port: what the use cases need from storage, in domain terms. The DynamoDB adapter
 * (functions/src/store/dynamoPlanStore.ts) implements it; tests may implement it in memory.
 * Every write that must not be lost or doubled is one conditional transaction in the adapter;
 * the failures a use case reacts to are the error classes below (no storage type leaks out).
 */
export interface PlanStore extends RulePackStore {
  /**
   * Registers a cooperative with its latest pointer at version 0 (`borrador`), the uniqueness of
   * its name and RUT in the region, its assignment when it has a gestor/a and, with a claim, the
   * idempotency record: all or nothing. Throws IdempotencyKeyTakenError (checked first),
   * DuplicateCooperativeError, ConcurrentUpdateError.
   */
  registerCooperative(cooperative: Cooperative, by: Actor, claim?: IdempotencyClaim): Promise<void>;
  /** The unexpired record of a registration made with `key` in a region, or null. */
  getRegistrationRecord(regionCode: string, key: string): Promise<RegistrationRecord | null>;
  getCooperative(id: string): Promise<Cooperative | null>;
  /** The cooperatives of many ids (missing ones left out, any order). */
  getCooperatives(ids: readonly string[]): Promise<Cooperative[]>;
  /** Assigns the gestor/a, conditioned on the one read in `current`; throws ConcurrentUpdateError when it changed. */
  assignGestor(current: Cooperative, gestorEmail: string, by: Actor, at: string): Promise<Cooperative>;
  /**
   * One page of a region's cooperatives by name with their plan summaries, resuming after `after`
   * (a cursor this store returned as `next`); throws InvalidPageTokenError when `after` is not a
   * cursor of this region's list.
   */
  listCooperatives(regionCode: string, page: { limit: number; after?: PageCursor | null }): Promise<CooperativePage>;
  /** Every cooperative of a region (all pages). */
  listAllCooperatives(regionCode: string): Promise<CooperativeSummary[]>;
  /** Ids of the cooperatives assigned to a gestor/a (lower-case e-mail). */
  listAssignedCooperativeIds(gestorEmail: string): Promise<string[]>;
  /** The latest pointer of a cooperative, or null (never registered). */
  getPointer(cooperativeId: string): Promise<PlanPointer | null>;
  /** Latest pointers of many cooperatives, by cooperative id. */
  getPointers(cooperativeIds: readonly string[]): Promise<Map<string, PlanPointer>>;
  getRevision(cooperativeId: string, version: number): Promise<StoredRevision | null>;
  /** Several revisions, keyed `${cooperativeId}#${version}` (missing ones absent). */
  getRevisions(refs: ReadonlyArray<{ cooperativeId: string; version: number }>): Promise<Map<string, StoredRevision>>;
  /** Every revision of a cooperative without content, oldest first. */
  listRevisions(cooperativeId: string): Promise<RevisionSummary[]>;
  /**
   * Appends an immutable revision and moves the latest pointer to it (from `version − 1`), with
   * the idempotency record of a claim: one conditional transaction. Throws ItemTooLargeError
   * (nothing written), IdempotencyKeyTakenError (checked first), VersionConflictError.
   */
  appendRevision(revision: NewRevision, claim?: IdempotencyClaim): Promise<void>;
  /** The unexpired record of a plan save made with `key`, or null. */
  getPlanSaveRecord(cooperativeId: string, key: string): Promise<PlanSaveRecord | null>;
  /** What a save reads before writing, in one round trip: the cooperative, its pointer, the record of the key and the rule pack index. */
  readSaveContext(cooperativeId: string, key: string): Promise<SaveContext>;
}

/** The current version of a cooperative's plan and its summary (version 0: registered, no plan yet). */
export interface PlanPointer {
  cooperativeId: string;
  regionCode: string;
  version: number;
  status: PlanStatus;
  updatedAt: string | null;
  updatedBy: Actor | null;
  totals: PlanTotalsSummary | null;
  counts: FindingCounts | null;
  /** Canonical hash of the latest plan (absent at version 0 and on pointers older than it). */
  planHash?: string;
  /** The rule pack the latest revision was checked under (absent at version 0 and on pointers older than packs: 2025 v1). */
  rulePack?: { year: number; version: number };
}

/** A revision's content: the plan and the findings the server computed for it. */
export interface RevisionContent {
  plan: Plan;
  findings: Finding[];
}

/** The content of a stored revision, read on demand (inflating it costs; a transition may store it again unread). */
export interface StoredContent {
  /** The plan and findings; throws when the stored data is corrupt. */
  read(): RevisionContent;
}

/** New content to store: `{plan, findings}` as JSON text, serialised once by the use case. */
export interface ContentJson {
  readonly json: string;
}

/** A stored revision: its summary and its content. */
export interface StoredRevision extends RevisionSummary {
  content: StoredContent;
}

/** A revision to append. */
export interface NewRevision extends RevisionSummary {
  regionCode: string;
  /** New content, or the content of an earlier revision stored again as it is. */
  content: ContentJson | StoredContent;
  /** Canonical hash of the revision's plan (kept on the pointer to recognise an unchanged save). */
  planHash?: string;
}

/** An idempotency record to write inside a write's transaction: the key, the request's hash and its lifetime. */
export interface IdempotencyClaim {
  key: string;
  bodyHash: string;
  /** Seconds the record is kept (TTL). */
  ttlSeconds: number;
}

/** What an earlier plan save with a key recorded. */
export interface PlanSaveRecord {
  bodyHash: string;
  version: number;
}

/** What an earlier registration with a key recorded. */
export interface RegistrationRecord {
  bodyHash: string;
  cooperativeId: string;
}

/** What a save reads before writing. */
export interface SaveContext {
  cooperative: Cooperative | null;
  pointer: PlanPointer | null;
  /** The unexpired record of the key, or null. */
  earlier: PlanSaveRecord | null;
  /** The rule pack index (year → newest published version), read in the same round trip: it picks the pack the save is checked under. */
  rulePackVersions: Map<number, number>;
}

/** Where a list resumes: an opaque cursor of the store (the use case seals it into a signed page token). */
export type PageCursor = Record<string, string>;

/** One page of a region's cooperatives and the cursor of the next (null at the end). */
export interface CooperativePage {
  items: CooperativeSummary[];
  next: PageCursor | null;
}

/** The latest pointer moved: the write was based on a stale version. */
export class VersionConflictError extends Error {
  constructor(readonly currentVersion: number) {
    super(`Version conflict: current version is ${currentVersion}`);
    this.name = "VersionConflictError";
  }
}

/** The idempotency key already has a record (written by an earlier or a concurrent request). */
export class IdempotencyKeyTakenError extends Error {
  constructor(readonly key: string) {
    super("Idempotency key already used");
    this.name = "IdempotencyKeyTakenError";
  }
}

/** The revision would exceed the store's item limit; `bytes` is its estimated size. */
export class ItemTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`Item too large: ${bytes} bytes`);
    this.name = "ItemTooLargeError";
  }
}

/** A cooperative changed between read and write (e.g. two concurrent gestor assignments). */
export class ConcurrentUpdateError extends Error {
  constructor() {
    super("Concurrent update");
    this.name = "ConcurrentUpdateError";
  }
}

/**
 * The database cannot be reached or cannot serve now (timeouts, refused connections, throttling,
 * server errors), after the store's client retried. `cause` is the underlying error (for the log).
 */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`Store unavailable: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`, { cause });
    this.name = "StoreUnavailableError";
  }
}

/** A pagination token the store did not issue for this query. */
export class InvalidPageTokenError extends Error {
  constructor() {
    super("Invalid page token");
    this.name = "InvalidPageTokenError";
  }
}

/** A registration repeats a unique value of its region: the RUT or the name key; `cooperativeId` has it (when known). */
export class DuplicateCooperativeError extends Error {
  constructor(readonly field: "rut" | "name", readonly cooperativeId: string | null) {
    super(`Duplicate cooperative ${field}`);
    this.name = "DuplicateCooperativeError";
  }
}
