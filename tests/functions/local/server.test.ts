import { gzipSync } from "node:zlib";
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from "aws-lambda";
import { gatewayTime, matchRoute, startLocalServer, type Authenticate, type LambdaHandler, type LocalServer } from "../../../functions/local/server";

/** Echo handlers: the event comes back as the body. */
const echo: LambdaHandler = async (event) => ({ statusCode: 200, headers: { "content-type": "application/json", "x-echo": "1" }, body: JSON.stringify(event) });

/** A stand-in verifier (the real one, jose, is exercised by devTokens.test.ts through tsx). */
const authenticate: Authenticate = async (token) => {
  if (token === null) return { ok: false, reason: "missing" };
  if (token === "expired") return { ok: false, reason: "expired" };
  if (token !== "good") return { ok: false, reason: "invalid" };
  return {
    ok: true,
    claims: {
      sub: "u-1", email: "gestora@ejemplo.cl", "custom:role": "gestor", "custom:regions": "14", iss: "coop-plans-local",
      aud: "coop-plans", iat: 1_760_000_000, exp: 1_960_000_000, token_use: "id",
    },
  };
};

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer({
    port: 0, authenticate, now: () => new Date("2025-10-02T13:04:05.678Z"),
    handlers: {
      health: echo, me: echo, cooperatives: echo, plans: echo,
      consolidation: async () => { throw new Error("boom"); },
    },
  });
});
afterAll(() => server.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers });

describe("local adapter: API Gateway HTTP API payload v2 events", () => {
  it("builds the event of an authorized GET with path and query parameters, headers and cookies", async () => {
    const res = await get("/v1/cooperatives/abc%20d/plan/revisions/3?x=1&x=2&y=h%C3%A9&z", {
      authorization: "Bearer good", "X-Custom": "Valor", cookie: "a=1; b=2", "user-agent": "jest-agent",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-echo")).toBe("1");
    expect(res.headers.get("apigw-requestid")).toMatch(/^[A-Za-z0-9+/]{14}=$/);
    const event = (await res.json()) as APIGatewayProxyEventV2WithJWTAuthorizer;
    expect(event.version).toBe("2.0");
    expect(event.routeKey).toBe("GET /v1/cooperatives/{id}/plan/revisions/{v}");
    expect(event.rawPath).toBe("/v1/cooperatives/abc%20d/plan/revisions/3");
    expect(event.rawQueryString).toBe("x=1&x=2&y=h%C3%A9&z");
    expect(event.queryStringParameters).toEqual({ x: "1,2", y: "hé", z: "" });
    expect(event.pathParameters).toEqual({ id: "abc d", v: "3" });
    expect(event.headers["x-custom"]).toBe("Valor");
    expect(event.headers.authorization).toBe("Bearer good");
    expect(event.headers.cookie).toBeUndefined();
    expect(event.cookies).toEqual(["a=1", "b=2"]);
    expect(Object.keys(event.headers).every((k) => k === k.toLowerCase())).toBe(true);
    expect(event.body).toBeUndefined();
    expect(event.isBase64Encoded).toBe(false);
    const rc = event.requestContext;
    expect(rc.http).toEqual({ method: "GET", path: "/v1/cooperatives/abc%20d/plan/revisions/3", protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "jest-agent" });
    expect(rc.routeKey).toBe(event.routeKey);
    expect(rc.stage).toBe("$default");
    expect(rc.time).toBe("02/Oct/2025:13:04:05 +0000");
    expect(rc.timeEpoch).toBe(Date.parse("2025-10-02T13:04:05.678Z"));
    expect(rc.requestId).toBe(res.headers.get("apigw-requestid"));
    // Claims arrive as API Gateway passes them: strings.
    expect(rc.authorizer.jwt).toEqual({
      claims: {
        sub: "u-1", email: "gestora@ejemplo.cl", "custom:role": "gestor", "custom:regions": "14", iss: "coop-plans-local",
        aud: "coop-plans", iat: "1760000000", exp: "1960000000", token_use: "id",
      },
      scopes: null,
    });
  });

  it("passes a JSON body as text and a gzip body as base64 (isBase64Encoded)", async () => {
    const json = JSON.stringify({ plan: { a: 1 }, baseVersion: 0 });
    const plain = await fetch(`${server.url}/v1/cooperatives/c1/plan`, {
      method: "PUT", headers: { authorization: "good", "content-type": "application/json", "idempotency-key": "k-12345678" }, body: json,
    });
    const e1 = (await plain.json()) as APIGatewayProxyEventV2WithJWTAuthorizer;
    expect(e1.routeKey).toBe("PUT /v1/cooperatives/{id}/plan");
    expect(e1.body).toBe(json);
    expect(e1.isBase64Encoded).toBe(false);
    expect(e1.headers["idempotency-key"]).toBe("k-12345678");
    expect(e1.queryStringParameters).toBeUndefined();

    const gz = gzipSync(Buffer.from(json));
    const zipped = await fetch(`${server.url}/v1/cooperatives/c1/plan`, {
      method: "PUT", headers: { authorization: "Bearer good", "content-type": "application/json", "content-encoding": "gzip" }, body: gz,
    });
    const e2 = (await zipped.json()) as APIGatewayProxyEventV2WithJWTAuthorizer;
    expect(e2.isBase64Encoded).toBe(true);
    expect(Buffer.from(e2.body!, "base64").equals(gz)).toBe(true);
  });

  it("serves health without a token and without an authorizer", async () => {
    const res = await get("/v1/health");
    expect(res.status).toBe(200);
    const event = (await res.json()) as APIGatewayProxyEventV2WithJWTAuthorizer;
    expect(event.routeKey).toBe("GET /v1/health");
    expect("authorizer" in event.requestContext).toBe(false);
    expect(event.pathParameters).toBeUndefined();
  });

  it.each([
    ["no token", {}, "Falta el token"],
    ["a forged token", { authorization: "Bearer forged" }, "no es válido"],
    ["an expired token", { authorization: "Bearer expired" }, "expiró"],
  ])("answers 401 problem+json to %s, without calling the handler", async (_, headers, detail) => {
    const res = await get("/v1/me", headers as Record<string, string>);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("x-echo")).toBeNull();
    const body = (await res.json()) as { code: string; status: number; detail: string };
    expect(body.code).toBe("UNAUTHENTICATED");
    expect(body.status).toBe(401);
    expect(body.detail).toContain(detail);
  });

  it("answers 404 problem+json to an unknown route or method", async () => {
    const a = await get("/v1/nada", { authorization: "good" });
    expect(a.status).toBe(404);
    expect(((await a.json()) as { code: string }).code).toBe("ROUTE_NOT_FOUND");
    const b = await fetch(`${server.url}/v1/health`, { method: "POST" });
    expect(b.status).toBe(404);
  });

  it("answers 500 problem+json when a handler throws", async () => {
    const spy = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    const res = await get("/v1/regions/14/consolidation", { authorization: "good" });
    spy.mockRestore();
    expect(res.status).toBe(500);
    expect(((await res.json()) as { code: string }).code).toBe("INTERNAL");
  });
});

describe("local adapter: CORS", () => {
  it.each(["http://127.0.0.1:3000", "https://localhost:3000"])("answers the preflight of %s", async (origin) => {
    const res = await fetch(`${server.url}/v1/cooperatives/c1/plan`, {
      method: "OPTIONS", headers: { origin, "access-control-request-method": "PUT", "access-control-request-headers": "authorization,content-type,idempotency-key" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(origin);
    expect(res.headers.get("access-control-allow-methods")).toBe("GET,PUT,POST,OPTIONS");
    expect(res.headers.get("access-control-allow-headers")).toContain("idempotency-key");
  });

  it("allows the task pane's origin on responses, 401 included, and no other origin", async () => {
    const ok = await get("/v1/health", { origin: "https://localhost:3000" });
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://localhost:3000");
    // Retry-After (a 503 DATABASE_UNAVAILABLE) is readable by the pane, as in the AWS stack.
    expect(ok.headers.get("access-control-expose-headers")).toBe("content-type,apigw-requestid,location,idempotent-replayed,retry-after");
    const denied = await get("/v1/me", { origin: "http://127.0.0.1:3000" });
    expect(denied.status).toBe(401);
    expect(denied.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:3000");
    const other = await get("/v1/health", { origin: "https://evil.example" });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const pre = await fetch(`${server.url}/v1/me`, { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "GET" } });
    expect(pre.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("local adapter helpers", () => {
  it("matches every route of the table and nothing else", () => {
    expect(matchRoute("GET", "/v1/regions/14/consolidation")).toEqual({ route: expect.objectContaining({ name: "regionConsolidation" }), pathParameters: { code: "14" } });
    expect(matchRoute("GET", "/v1/consolidation")?.route.name).toBe("nationalConsolidation");
    expect(matchRoute("POST", "/v1/cooperatives/x/plan/transitions")?.route.name).toBe("transition");
    expect(matchRoute("GET", "/v1/cooperatives/x/plan/")).toBeNull();
    expect(matchRoute("DELETE", "/v1/me")).toBeNull();
  });

  it("formats requestContext.time as API Gateway does", () => {
    expect(gatewayTime(new Date("2020-03-12T19:03:58.000Z"))).toBe("12/Mar/2020:19:03:58 +0000");
  });
});
