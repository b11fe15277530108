import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadOrCreateDevKey, signDevToken, verifyDevToken } from "../../../functions/local/devTokens";
import { devTokenAuthenticator, startLocalServer, type LambdaHandler, type LocalServer } from "../../../functions/local/server";
import { hs256, readKey } from "./harness/spawnTsx";

// jose runs in process (jest transforms its ESM build); the signatures are also checked from
// outside with node:crypto's HMAC, so the test does not only trust jose about itself.

describe("dev tokens (jose, HS256, key under .data/)", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "coop-dev-"));
  const file = path.join(dataDir, "dev-signing-key");
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("creates the key with mode 0600 once, signs Cognito-shaped claims and refuses expired, forged and unsigned tokens", async () => {
    const key = loadOrCreateDevKey(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(loadOrCreateDevKey(file)).equals(Buffer.from(key))).toBe(true);

    const token = await signDevToken(key, { email: "Gestora@Ejemplo.CL", role: "gestor", regions: ["14", "08"] });
    // The signature checks out with the stored key, independently of jose.
    const [h, p, s] = token.split(".");
    expect(createHmac("sha256", readKey(dataDir)).update(`${h}.${p}`).digest("base64url")).toBe(s);
    expect(JSON.parse(Buffer.from(h, "base64url").toString())).toEqual({ alg: "HS256", typ: "JWT" });

    const valid = await verifyDevToken(key, token);
    if (!valid.ok) throw new Error("expected a valid token");
    const claims = valid.claims;
    expect(claims.email).toBe("gestora@ejemplo.cl");
    expect(claims["custom:role"]).toBe("gestor");
    expect(claims["custom:regions"]).toBe("14,08");
    expect(claims.sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(claims.exp - claims.iat).toBe(12 * 3600);

    const now = Math.floor(Date.now() / 1000);
    const central = await signDevToken(key, { email: "central@sercotec.cl", role: "sercotec", regions: "*", sub: "s-1" });
    const expired = await signDevToken(key, { email: "g@ejemplo.cl", role: "gestor", regions: ["14"], expiresInSeconds: 60 }, now - 3600);
    const forged = await signDevToken(new Uint8Array(32).fill(7), { email: "g@ejemplo.cl", role: "aos", regions: ["14"] });
    const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${p}.`;
    expect(await verifyDevToken(key, central)).toMatchObject({ ok: true, claims: { sub: "s-1", "custom:regions": "*", "custom:role": "sercotec" } });
    expect(await verifyDevToken(key, expired)).toEqual({ ok: false, reason: "expired" });
    expect(await verifyDevToken(key, forged)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyDevToken(key, unsigned)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyDevToken(key, null)).toEqual({ ok: false, reason: "missing" });
    expect(await verifyDevToken(key, "not-a-jwt")).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("local adapter with its real verifier", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "coop-srv-"));
  const echo: LambdaHandler = async (event) => ({ statusCode: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(event) });
  let server: LocalServer;
  let url: string;
  beforeAll(async () => {
    // No `authenticate` option: the default verifier, with the key it creates under COOP_PLANS_DATA_DIR.
    process.env.COOP_PLANS_DATA_DIR = dataDir;
    server = await startLocalServer({ port: 0, handlers: { health: echo, me: echo, cooperatives: echo, plans: echo, consolidation: echo } });
    url = server.url;
  });
  afterAll(async () => {
    await server?.close();
    delete process.env.COOP_PLANS_DATA_DIR;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const now = () => Math.floor(Date.now() / 1000);
  const claims = (exp: number) => ({
    sub: "u-9", email: "aos@ejemplo.cl", "custom:role": "aos", "custom:regions": "14", iss: "coop-plans-local", aud: "coop-plans", iat: now() - 10, exp, token_use: "id",
  });
  const me = (authorization?: string) => fetch(`${url}/v1/me`, { headers: authorization ? { authorization } : {} });

  it("accepts an iat up to 60 s ahead (clock skew)", async () => {
    expect((await me(`Bearer ${hs256({ ...claims(now() + 600), iat: now() + 30 }, readKey(dataDir))}`)).status).toBe(200);
  });

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
    // As the Cognito authorizer for our claims: an access token is not an ID token.
    ["an access token (token_use access)", () => `Bearer ${hs256({ ...claims(now() + 600), token_use: "access" }, readKey(dataDir))}`],
    ["a token without token_use", () => `Bearer ${hs256({ ...claims(now() + 600), token_use: undefined }, readKey(dataDir))}`],
    ["a token issued 5 minutes in the future", () => `Bearer ${hs256({ ...claims(now() + 3600), iat: now() + 300 }, readKey(dataDir))}`],
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

describe("devTokenAuthenticator (the local adapter's default)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "coop-dev-cache-"));
  const previous = process.env.COOP_PLANS_DATA_DIR;
  beforeAll(() => {
    process.env.COOP_PLANS_DATA_DIR = dir;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.COOP_PLANS_DATA_DIR;
    else process.env.COOP_PLANS_DATA_DIR = previous;
    rmSync(dir, { recursive: true, force: true });
  });

  it("remembers a verified token only until it expires, and never a refused one", async () => {
    const authenticate = await devTokenAuthenticator();
    const key = loadOrCreateDevKey(path.join(dir, "dev-signing-key"));
    const token = await signDevToken(key, { email: "breve@ejemplo.cl", role: "aos", regions: ["08"], expiresInSeconds: 3 });
    expect(await authenticate(token)).toMatchObject({ ok: true, claims: { email: "breve@ejemplo.cl" } });
    expect(await authenticate(token)).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 4000));
    expect(await authenticate(token)).toEqual({ ok: false, reason: "expired" });
    const forged = `${token.slice(0, token.lastIndexOf(".") + 1)}${"A".repeat(43)}`;
    expect(await authenticate(forged)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(null)).toEqual({ ok: false, reason: "missing" });
  });
});
