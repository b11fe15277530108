import { gunzipSync } from "node:zlib";
import { ApiError, createApiClient, isApiError, listAllCooperatives, ROUTE_LIST, type CooperativeList, type CooperativeSummary, type FetchLike } from "@coop-plans/shared/api";
import { makePlan } from "./support/plans";

interface Sent { url: string; method: string; headers: Record<string, string>; body?: string | Uint8Array }

function fakeFetch(status: number, body: unknown, contentType = "application/json") {
  const sent: Sent[] = [];
  const fetch: FetchLike = async (url, init) => {
    sent.push({ url, ...init });
    return { status, headers: { get: (n: string) => (n.toLowerCase() === "content-type" ? contentType : null) }, text: async () => (typeof body === "string" ? body : JSON.stringify(body)) };
  };
  return { fetch, sent };
}

const summary = {
  cooperativeId: "c1", version: 2, status: "borrador", action: "save", by: { sub: "s", email: "a@b.cl", role: "gestor" },
  at: "2025-05-12T14:03:00.000Z", comment: null, totals: { sercotecAmount: 800, ownAmount: 200, total: 1000, investmentLines: 1, actions: 0, members: 0 },
  counts: { error: 0, warning: 0, info: 0 },
};

test("the route table: every route has a routeKey `METHOD path`; only health is public", () => {
  expect(ROUTE_LIST).toHaveLength(17);
  for (const r of ROUTE_LIST) expect(r.routeKey).toBe(`${r.method} ${r.path}`);
  expect(ROUTE_LIST.filter((r) => !r.authorized).map((r) => r.name)).toEqual(["health"]);
});

test("putPlan sends the token, the Idempotency-Key and the JSON body to the right URL, and parses the answer", async () => {
  const { fetch, sent } = fakeFetch(200, { ...summary, findings: [] });
  const client = createApiClient({ baseUrl: "http://127.0.0.1:4000/", getToken: async () => "tok", fetch });
  const plan = makePlan({ lines: 1 });
  const res = await client.putPlan("c 1", { plan, baseVersion: 1 }, "key-12345678");
  expect(res.version).toBe(2);
  expect(sent[0].url).toBe("http://127.0.0.1:4000/v1/cooperatives/c%201/plan");
  expect(sent[0].method).toBe("PUT");
  expect(sent[0].headers).toMatchObject({ authorization: "Bearer tok", "idempotency-key": "key-12345678", "content-type": "application/json" });
  expect(JSON.parse(sent[0].body as string)).toEqual({ plan, baseVersion: 1 });
});

test("large bodies go gzip-compressed", async () => {
  const { fetch, sent } = fakeFetch(200, { ...summary, findings: [] });
  const client = createApiClient({ baseUrl: "http://x", getToken: () => "t", fetch, compressAboveBytes: 1000 });
  const plan = makePlan({ lines: 50 });
  await client.putPlan("c1", { plan, baseVersion: 0 }, "key-12345678");
  expect(sent[0].headers["content-encoding"]).toBe("gzip");
  expect(JSON.parse(gunzipSync(sent[0].body as Uint8Array).toString("utf8"))).toEqual({ plan, baseVersion: 0 });
});

test("a problem answer becomes an ApiError carrying the problem", async () => {
  const problem = { type: "urn:coop-plans:problem:version-conflict", title: "Conflicto de versiones", status: 409, code: "VERSION_CONFLICT", detail: "El plan cambió.", currentVersion: 7 };
  const { fetch } = fakeFetch(409, problem, "application/problem+json");
  const client = createApiClient({ baseUrl: "http://x", getToken: () => "t", fetch });
  const error = await client.getPlan("c1").catch((e: unknown) => e);
  expect(isApiError(error)).toBe(true);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).problem).toEqual(problem);
  expect((error as ApiError).message).toBe("El plan cambió.");
});

test("a bare 401 from the authorizer, a broken answer and a network failure have Spanish problems too", async () => {
  const unauthorized = createApiClient({ baseUrl: "http://x", getToken: () => null, fetch: fakeFetch(401, { message: "Unauthorized" }).fetch });
  await expect(unauthorized.me()).rejects.toMatchObject({ problem: { status: 401, code: "UNAUTHENTICATED" } });
  const broken = createApiClient({ baseUrl: "http://x", getToken: () => "t", fetch: fakeFetch(200, { hello: 1 }).fetch });
  await expect(broken.me()).rejects.toMatchObject({ problem: { code: "INVALID_RESPONSE" } });
  const offline = createApiClient({ baseUrl: "http://x", getToken: () => "t", fetch: async () => { throw new TypeError("fetch failed"); } });
  await expect(offline.health()).rejects.toMatchObject({ problem: { code: "NETWORK_ERROR", status: 0 } });
});

test("health sends no token; listCooperatives passes limit and nextToken", async () => {
  const h = fakeFetch(200, { status: "ok", service: "coop-plans", time: "2025-05-12T14:03:00.000Z" });
  await createApiClient({ baseUrl: "http://x", getToken: () => "t", fetch: h.fetch }).health();
  expect(h.sent[0].headers.authorization).toBeUndefined();
  const l = fakeFetch(200, { regionCode: "08", items: [], nextToken: null });
  await createApiClient({ baseUrl: "http://x", getToken: () => "t", fetch: l.fetch }).listCooperatives("08", { limit: 10, nextToken: "abc=" });
  expect(l.sent[0].url).toBe("http://x/v1/regions/08/cooperatives?limit=10&nextToken=abc%3D");
});

test("listAllCooperatives follows nextToken page by page (100 a page) and stops at null; a repeated token is an error", async () => {
  const coop = (n: number): CooperativeSummary => ({
    id: `00000000-0000-4000-8000-00000000000${n}`, regionCode: "08", name: `Cooperativa ${n}`, rut: null, modality: "creacion", callYear: 2025,
    gestorEmail: null, createdAt: "2025-05-12T14:03:00.000Z", status: "borrador", version: 0, updatedAt: null, totals: null, counts: null,
  } as CooperativeSummary);
  const pages: Record<string, CooperativeList> = {
    start: { regionCode: "08", items: [coop(1), coop(2)], nextToken: "t1" },
    t1: { regionCode: "08", items: [coop(3)], nextToken: "t2" },
    t2: { regionCode: "08", items: [coop(4)], nextToken: null },
  };
  const asked: Array<{ limit?: number; nextToken?: string | null }> = [];
  const client = { listCooperatives: async (_region: string, options: { limit?: number; nextToken?: string | null } = {}) => (asked.push(options), pages[options.nextToken ?? "start"]) };
  const all = await listAllCooperatives(client as never, "08");
  expect(all.map((c) => c.name)).toEqual(["Cooperativa 1", "Cooperativa 2", "Cooperativa 3", "Cooperativa 4"]);
  expect(asked).toEqual([{ limit: 100, nextToken: null }, { limit: 100, nextToken: "t1" }, { limit: 100, nextToken: "t2" }]);
  pages.t2 = { regionCode: "08", items: [], nextToken: "t1" };
  await expect(listAllCooperatives(client as never, "08")).rejects.toThrow("The server repeated a page token of region 08");
});
