/** Errors the store raises for the handlers to turn into HTTP problems (no AWS types leak out). */

/** The latest pointer moved: the save was based on a stale version. */
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

/** The revision item would exceed DynamoDB's 400 KB item limit; `bytes` is its estimated size. */
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

/** A pagination token that this table did not issue for this query. */
export class InvalidPageTokenError extends Error {
  constructor() {
    super("Invalid page token");
    this.name = "InvalidPageTokenError";
  }
}

/** A registration repeats a unique value of its region: the RUT or the name key; `cooperativeId` is the cooperative that has it (when known). */
export class DuplicateCooperativeError extends Error {
  constructor(readonly field: "rut" | "name", readonly cooperativeId: string | null) {
    super(`Duplicate cooperative ${field}`);
    this.name = "DuplicateCooperativeError";
  }
}
