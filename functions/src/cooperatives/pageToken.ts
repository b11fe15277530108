import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { PageCursor } from "../plans/planStore";

/**
 * Environment variable with the key that signs page tokens (any text, at least 32 characters; in
 * AWS the CDK stack fills it from a generated Secrets Manager secret, in local mode `npm start`
 * from `.data/page-token-secret`).
 */
export const PAGE_TOKEN_SECRET_ENV = "PAGE_TOKEN_SECRET";

/** Who a page token was issued to and for which list: a token is only good for the same two. */
export interface PageTokenScope {
  regionCode: string;
  /** The caller's `sub`. */
  caller: string;
}


const VERSION = "v1";

function mac(secret: Uint8Array, payload: string): Buffer {
  return createHmac("sha256", secret).update(`${VERSION}.${payload}`).digest();
}

/**
 * Seals a cursor into a page token `v1.<payload>.<hmac>` (base64url): the payload holds the cursor,
 * the region and the caller; the HMAC-SHA256 with `secret` covers all three, so a token cannot be
 * edited, forged, or used by another caller or for another region.
 */
export function sealPageToken(cursor: PageCursor, scope: PageTokenScope, secret: Uint8Array): string {
  const payload = Buffer.from(JSON.stringify({ c: cursor, r: scope.regionCode, s: scope.caller }), "utf8").toString("base64url");
  return `${VERSION}.${payload}.${mac(secret, payload).toString("base64url")}`;
}

/**
 * Opens a page token sealed by `sealPageToken` with the same secret for the same region and
 * caller; null otherwise (malformed, forged, edited, signed with another key, or issued to
 * someone else or for another region). The cursor's own shape is the store's to check.
 */
export function openPageToken(token: string, scope: PageTokenScope, secret: Uint8Array): PageCursor | null {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== VERSION || !/^[\w-]+$/.test(parts[1]) || !/^[\w-]+$/.test(parts[2])) return null;
  const expected = mac(secret, parts[1]);
  const given = Buffer.from(parts[2], "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8")) as { c?: unknown; r?: unknown; s?: unknown };
    if (payload.r !== scope.regionCode || payload.s !== scope.caller) return null;
    const cursor = payload.c;
    if (typeof cursor !== "object" || cursor === null || Array.isArray(cursor)) return null;
    if (!Object.values(cursor).every((v) => typeof v === "string")) return null;
    return cursor as PageCursor;
  } catch {
    return null;
  }
}

let processSecret: Uint8Array | undefined;

/**
 * The page-token key: `PAGE_TOKEN_SECRET` when set (at least 32 characters, else Error). Without
 * it, inside Lambda an Error (a deployment without the key must not issue tokens that other
 * instances refuse); elsewhere (tests, a bare `tsx` run) a random key for this process.
 */
export function pageTokenSecret(env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const text = env[PAGE_TOKEN_SECRET_ENV];
  if (text !== undefined && text !== "") {
    if (text.length < 32) throw new Error(`${PAGE_TOKEN_SECRET_ENV} must have at least 32 characters`);
    return Buffer.from(text, "utf8");
  }
  if (env.AWS_LAMBDA_FUNCTION_NAME) throw new Error(`The ${PAGE_TOKEN_SECRET_ENV} environment variable is not set`);
  processSecret ??= randomBytes(32);
  return processSecret;
}
