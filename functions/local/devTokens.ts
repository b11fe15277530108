import { createHash, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import { devKeyPath } from "./paths";

/** Issuer and audience of dev tokens (the local adapter accepts no other). */
export const DEV_TOKEN_ISSUER = "coop-plans-local";
export const DEV_TOKEN_AUDIENCE = "coop-plans";

/** Roles a dev token may carry (the same as `custom:role` in Cognito). */
export type DevRole = "gestor" | "aos" | "sercotec";

/**
 * Who a dev token is for: the e-mail, the role and the regions
 * (`["14"]`, or `"*"` for Sercotec's central level). `sub` defaults to `devSubject(email)`; `expiresInSeconds` default 12 h.
 */
export interface DevIdentity {
  email: string;
  role: DevRole;
  regions: string[] | "*";
  sub?: string;
  expiresInSeconds?: number;
}

/** The claims a dev token carries, as Cognito names them. `exp`/`iat` in epoch seconds. */
export interface DevClaims {
  sub: string;
  email: string;
  "custom:role": DevRole;
  "custom:regions": string;
  iss: string;
  aud: string;
  iat: number;
  exp: number;
  token_use: "id";
}

/**
 * The HS256 key of local mode: 32 random bytes stored base64url in `file` (default
 * `.data/dev-signing-key`), created on first use with mode 0600 (and its folder 0700). Creating it
 * is race-safe: when another process made it first, its key is read.
 * @throws Error when the file exists but holds no usable key.
 */
export function loadOrCreateDevKey(file: string = devKeyPath()): Uint8Array {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, randomBytes(32).toString("base64url") + "\n", { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return decodeKey(readFileSync(file, "utf8"), file);
}

/**
 * Reads the key without creating it (the CLI: a missing key means local mode never started).
 * Returns null when the file does not exist.
 */
export function readDevKey(file: string = devKeyPath()): Uint8Array | null {
  try {
    return decodeKey(readFileSync(file, "utf8"), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function decodeKey(text: string, file: string): Uint8Array {
  const key = new Uint8Array(Buffer.from(text.trim(), "base64url"));
  if (key.length < 32) throw new Error(`La clave de desarrollo en ${file} no es válida: bórrela y vuelva a ejecutar npm start.`);
  return key;
}

/**
 * The `sub` of a dev identity: a UUID-shaped SHA-256 digest of the e-mail, stable across runs (as a
 * Cognito sub is), so that logs that record the subject never carry the e-mail itself.
 */
export function devSubject(email: string): string {
  const h = createHash("sha256").update(`coop-plans-dev:${email.trim().toLowerCase()}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Signs a dev token (HS256) for an identity; `now` in epoch seconds for tests. */
export async function signDevToken(key: Uint8Array, identity: DevIdentity, now: number = Math.floor(Date.now() / 1000)): Promise<string> {
  const regions = identity.regions === "*" ? "*" : identity.regions.join(",");
  const email = identity.email.trim().toLowerCase();
  return new SignJWT({ email, "custom:role": identity.role, "custom:regions": regions, token_use: "id" })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(identity.sub ?? devSubject(email))
    .setIssuer(DEV_TOKEN_ISSUER)
    .setAudience(DEV_TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (identity.expiresInSeconds ?? 12 * 3600))
    .sign(key);
}

/** Why a token was refused. */
export type DevTokenFailure = "missing" | "expired" | "invalid";

/** The outcome of verifying a dev token. */
export type DevTokenCheck = { ok: true; claims: DevClaims } | { ok: false; reason: DevTokenFailure };

/** Clock skew tolerated on `iat` (seconds): a token issued up to a minute "in the future" still passes. */
export const DEV_TOKEN_IAT_SKEW_SECONDS = 60;

/**
 * Verifies a dev token: HS256 only, signed with `key`, our issuer and audience, with `exp`, `iat`
 * and `sub` (a token without `exp` would never expire), not expired (no
 * clock tolerance, as API Gateway), an ID token (`token_use` "id", as the Cognito user pool
 * authorizer expects for our claims) and not issued in the future (`iat` at most
 * DEV_TOKEN_IAT_SKEW_SECONDS ahead of `now`). Never throws.
 */
export async function verifyDevToken(key: Uint8Array, token: string | null | undefined, now?: Date): Promise<DevTokenCheck> {
  if (!token) return { ok: false, reason: "missing" };
  try {
    const { payload } = await jwtVerify(token, key, {
      // exp required: a token without one would never expire (jose only checks exp when present).
      algorithms: ["HS256"], issuer: DEV_TOKEN_ISSUER, audience: DEV_TOKEN_AUDIENCE, currentDate: now, requiredClaims: ["exp", "iat", "sub"],
    });
    if (payload.token_use !== "id") return { ok: false, reason: "invalid" };
    const nowSeconds = Math.floor((now ?? new Date()).getTime() / 1000);
    if (typeof payload.iat !== "number" || payload.iat > nowSeconds + DEV_TOKEN_IAT_SKEW_SECONDS) return { ok: false, reason: "invalid" };
    return { ok: true, claims: payload as unknown as DevClaims };
  } catch (error) {
    return { ok: false, reason: error instanceof joseErrors.JWTExpired ? "expired" : "invalid" };
  }
}
