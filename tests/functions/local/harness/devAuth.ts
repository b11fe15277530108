import type { Authenticate } from "../../../../functions/local/server";
import { signDevToken, verifyDevToken, type DevRole } from "../../../../functions/local/devTokens";

/** The local adapter's real verifier (jose, HS256, our issuer and audience) bound to `key`. */
export function devAuthenticate(key: Uint8Array): Authenticate {
  const bytes = new Uint8Array(key); // a Buffer made outside jest's realm is not this realm's Uint8Array
  return (token) => verifyDevToken(bytes, token);
}

/** A dev token signed with jose exactly as `npm start` signs it; `sub` is `sub-<email>`, regions comma-separated or `*`. */
export function devToken(key: Uint8Array, email: string, role: DevRole, regions: string): Promise<string> {
  return signDevToken(new Uint8Array(key), { email, role, regions: regions === "*" ? "*" : regions.split(","), sub: `sub-${email}` });
}
