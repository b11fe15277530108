import { IdempotencyKey } from "@coop-plans/shared/api";
import { DomainError } from "../domainError";
import { IdempotencyKeyTakenError, type IdempotencyClaim } from "./planStore";

/** How long an idempotency record is kept: 24 h. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** What an idempotent write knows of its request and how it answers a repeat. */
export interface IdempotentRequest<R extends { bodyHash: string }, T> {
  key: string;
  /** Hash of the request's canonical content (see bodyHash). */
  bodyHash: string;
  /** Answers a repeat with the result of the request that recorded `record`. */
  replay(record: R): Promise<T>;
  /** Reads the record of the key again (after losing a race to a concurrent request). */
  reread(): Promise<R | null>;
  /** Spanish detail of the 422 when the key was used with another content. */
  reusedDetail: string;
}

/** An answer that may be a replay of an earlier request with the same key. */
export interface Idempotent<T> {
  result: T;
  replayed: boolean;
}

/**
 * The one idempotency rule of the writes (plan save, cooperative registration): the record of a
 * key is written INSIDE the write's own conditional transaction (so a write and its record exist
 * together or not at all — why Powertools Idempotency, which writes its record apart, is not used).
 *
 * - `replayIfRecorded(earlier)`: a record read before writing answers the request: same content
 *   → the first result again (`replayed: true`); other content → DomainError 422
 *   `IDEMPOTENCY_KEY_REUSED`. Null → null: go on and write.
 * - `write(fn, racedBy)`: runs `fn` with the claim to put in its transaction. When it fails with
 *   IdempotencyKeyTakenError (or an error `racedBy` accepts, e.g. a version conflict a concurrent
 *   retry caused), the record is read again and, when there is one, answers as above; otherwise
 *   the error propagates.
 */
export function idempotent<R extends { bodyHash: string }, T>(request: IdempotentRequest<R, T>) {
  const answer = async (record: R): Promise<Idempotent<T>> => {
    if (record.bodyHash !== request.bodyHash) {
      throw new DomainError("IDEMPOTENCY_KEY_REUSED", request.reusedDetail, { field: "Idempotency-Key" });
    }
    return { result: await request.replay(record), replayed: true };
  };
  return {
    replayIfRecorded: (earlier: R | null): Promise<Idempotent<T>> | null => (earlier ? answer(earlier) : null),
    async write(fn: (claim: IdempotencyClaim) => Promise<T>, racedBy: (error: unknown) => boolean = () => false): Promise<Idempotent<T>> {
      try {
        return { result: await fn({ key: request.key, bodyHash: request.bodyHash, ttlSeconds: IDEMPOTENCY_TTL_SECONDS }), replayed: false };
      } catch (error) {
        if (error instanceof IdempotencyKeyTakenError || racedBy(error)) {
          const record = await request.reread();
          if (record) return answer(record);
        }
        throw error;
      }
    },
  };
}

/**
 * An `Idempotency-Key` as sent (undefined when absent): null when missing or blank, else the key
 * or why it is refused (Spanish, from the shared/api `IdempotencyKey` schema).
 */
export function parseIdempotencyKey(raw: string | undefined): { ok: true; key: string } | { ok: false; message: string } | null {
  if (raw === undefined || raw.trim() === "") return null;
  const parsed = IdempotencyKey.safeParse(raw.trim());
  return parsed.success ? { ok: true, key: parsed.data } : { ok: false, message: parsed.error.issues[0].message };
}
