import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEV_TOKEN_AUDIENCE, DEV_TOKEN_ISSUER, loadOrCreateDevKey, verifyDevToken } from "../../../functions/local/devTokens";
import { hs256 } from "./harness/spawnTsx";

// Issue 13, item 5 (local part): a dev token without `exp` never expired and was accepted.

describe("dev tokens must carry exp", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "coop-devexp-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const now = Math.floor(Date.now() / 1000);
  const base = { sub: "u-1", email: "g@ejemplo.cl", "custom:role": "gestor", "custom:regions": "14", iss: DEV_TOKEN_ISSUER, aud: DEV_TOKEN_AUDIENCE, token_use: "id", iat: now };

  it("refuses a correctly signed token without exp (before: accepted, valid forever)", async () => {
    const key = loadOrCreateDevKey(path.join(dir, "dev-signing-key"));
    const noExp = hs256(base, Buffer.from(key));
    expect(await verifyDevToken(key, noExp)).toEqual({ ok: false, reason: "invalid" });
    const withExp = hs256({ ...base, exp: now + 600 }, Buffer.from(key));
    expect((await verifyDevToken(key, withExp)).ok).toBe(true);
  });
});
