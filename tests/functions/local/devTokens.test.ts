import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { hs256, readKey, runTsx, startTsx, stop } from "./harness/spawnTsx";

// jose is ESM-only and jest here runs CommonJS: the real dev-token code runs under tsx in a child
// process, and this test checks it from outside (with its own HMAC from node:crypto).

describe("dev tokens (jose, HS256, key under .data/)", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "coop-dev-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("creates the key with mode 0600 once, signs Cognito-shaped claims and refuses expired, forged and unsigned tokens", async () => {
    const run = await runTsx("tests/functions/local/harness/devTokensHarness.ts", [], { COOP_PLANS_DATA_DIR: dataDir });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, any>;
    expect(statSync(path.join(dataDir, "dev-signing-key")).mode & 0o777).toBe(0o600);
    expect(out.sameKey).toBe(true);

    // The signature checks out with the stored key, independently of jose.
    const [h, p, s] = (out.token as string).split(".");
    expect(createHmac("sha256", readKey(dataDir)).update(`${h}.${p}`).digest("base64url")).toBe(s);
    expect(JSON.parse(Buffer.from(h, "base64url").toString())).toEqual({ alg: "HS256", typ: "JWT" });

    const claims = out.valid.claims;
    expect(out.valid.ok).toBe(true);
    expect(claims.email).toBe("gestora@ejemplo.cl");
    expect(claims["custom:role"]).toBe("gestor");
    expect(claims["custom:regions"]).toBe("14,08");
    expect(claims.sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(claims.exp - claims.iat).toBe(12 * 3600);
    expect(out.central).toMatchObject({ ok: true, claims: { sub: "s-1", "custom:regions": "*", "custom:role": "sercotec" } });
    expect(out.expired).toEqual({ ok: false, reason: "expired" });
    expect(out.forged).toEqual({ ok: false, reason: "invalid" });
    expect(out.unsigned).toEqual({ ok: false, reason: "invalid" });
    expect(out.missing).toEqual({ ok: false, reason: "missing" });
    expect(out.garbage).toEqual({ ok: false, reason: "invalid" });
  }, 60_000);
});

describe("local adapter with its real verifier", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "coop-srv-"));
  let child: ChildProcess;
  let url: string;
  beforeAll(async () => {
    const started = await startTsx("tests/functions/local/harness/echoServer.ts", { COOP_PLANS_DATA_DIR: dataDir });
    child = started.child;
    url = started.first.url as string;
  }, 60_000);
  afterAll(async () => {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const now = () => Math.floor(Date.now() / 1000);
  const claims = (exp: number) => ({
    sub: "u-9", email: "aos@ejemplo.cl", "custom:role": "aos", "custom:regions": "14", iss: "coop-plans-local", aud: "coop-plans", iat: now() - 10, exp,
  });
  const me = (authorization?: string) => fetch(`${url}/v1/me`, { headers: authorization ? { authorization } : {} });

  it("passes a valid token's claims where API Gateway puts them", async () => {
    const res = await me(`Bearer ${hs256(claims(now() + 600), readKey(dataDir))}`);
    expect(res.status).toBe(200);
    const event = (await res.json()) as { requestContext: { authorizer: { jwt: { claims: Record<string, string>; scopes: null } } } };
    expect(event.requestContext.authorizer.jwt.claims).toMatchObject({ sub: "u-9", "custom:role": "aos", "custom:regions": "14", email: "aos@ejemplo.cl" });
    expect(typeof event.requestContext.authorizer.jwt.claims.exp).toBe("string");
  });

  it.each([
    ["no token", () => undefined],
    ["a token signed with another key", () => `Bearer ${hs256(claims(now() + 600), Buffer.alloc(32, 1))}`],
    ["an expired token", () => `Bearer ${hs256(claims(now() - 5), readKey(dataDir))}`],
    ["a token of another issuer", () => `Bearer ${hs256({ ...claims(now() + 600), iss: "otro" }, readKey(dataDir))}`],
    ["an unsigned token (alg none)", () => {
      const t = hs256(claims(now() + 600), readKey(dataDir), { alg: "none", typ: "JWT" }).split(".");
      return `Bearer ${t[0]}.${t[1]}.`;
    }],
  ])("answers 401 problem+json to %s", async (_, token) => {
    const res = await me(token());
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(((await res.json()) as { code: string }).code).toBe("UNAUTHENTICATED");
  });

  it("keeps health public", async () => {
    expect((await fetch(`${url}/v1/health`)).status).toBe(200);
  });
});
