import { createHmac, timingSafeEqual } from "node:crypto";
import type { Authenticate } from "../../../../functions/local/server";
import type { DevClaims } from "../../../../functions/local/devTokens";
import { hs256 } from "./spawnTsx";

/**
 * An in-process stand-in for the dev-token verifier (jose is ESM-only and jest runs CommonJS):
 * HS256 with `key`, our issuer and audience, not expired. The real verifier is tested through tsx.
 */
export function hmacAuthenticate(key: Buffer): Authenticate {
  return async (token) => {
    if (!token) return { ok: false, reason: "missing" };
    const parts = token.split(".");
    if (parts.length !== 3) return { ok: false, reason: "invalid" };
    const expected = createHmac("sha256", key).update(`${parts[0]}.${parts[1]}`).digest();
    const given = Buffer.from(parts[2], "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
    const claims = JSON.parse(Buffer.from(parts[1], "base64url").toString()) as DevClaims;
    if (claims.iss !== "coop-plans-local" || claims.aud !== "coop-plans") return { ok: false, reason: "invalid" };
    if (claims.exp <= Math.floor(Date.now() / 1000)) return { ok: false, reason: "expired" };
    return { ok: true, claims };
  };
}

/** A dev token as devTokens signs it, made with node:crypto. */
export function devToken(key: Buffer, email: string, role: "gestor" | "aos" | "sercotec", regions: string): string {
  const now = Math.floor(Date.now() / 1000);
  return hs256({ sub: `sub-${email}`, email, "custom:role": role, "custom:regions": regions, iss: "coop-plans-local", aud: "coop-plans", iat: now, exp: now + 3600, token_use: "id" }, key);
}
