import { ROUTE_LIST, createApiClient, type ApiClient, type FetchLike, type PutPlanRequest } from "@coop-plans/shared/api";
import { resourcesOf, synthApp, type SynthesizedApp } from "./synthApp";

/** Request headers a browser sends without a preflight (Fetch standard, CORS-safelisted request-headers). */
const SAFELISTED = new Set(["accept", "accept-language", "content-language"]);
const SIMPLE_CONTENT_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

/** One request the client made: method and the headers a preflight must allow. */
interface SentRequest {
  route: string;
  method: string;
  preflightHeaders: string[];
}

/**
 * Calls every method of the real API client with a recording fetch (answering 204 with no body,
 * so each call ends in an INVALID_RESPONSE we ignore) and returns what each request needed from
 * CORS. The plan save is made large enough that the client gzips it (`Content-Encoding: gzip`).
 */
async function requestsOfTheClient(): Promise<SentRequest[]> {
  const sent: SentRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    const names = Object.entries(init.headers)
      .filter(([name, value]) => {
        const n = name.toLowerCase();
        if (SAFELISTED.has(n)) return false;
        return !(n === "content-type" && SIMPLE_CONTENT_TYPES.includes(value.split(";")[0].trim().toLowerCase()));
      })
      .map(([name]) => name.toLowerCase());
    sent.push({ route: `${init.method} ${new URL(url).pathname}`, method: init.method, preflightHeaders: names });
    return { status: 204, headers: { get: () => null }, text: async () => "" };
  };
  const client: ApiClient = createApiClient({ baseUrl: "https://api.example.cl", getToken: () => "token", fetch });
  const bigPlan = { baseVersion: 0, plan: { filler: "x".repeat(400 * 1024) } } as unknown as PutPlanRequest;
  const calls: ((c: ApiClient) => Promise<unknown>)[] = [
    (c) => c.health(),
    (c) => c.me(),
    (c) => c.listCooperatives("14", { limit: 10, nextToken: "abc" }),
    (c) => c.registerCooperative("14", { name: "Coop" } as never, "key-1"),
    (c) => c.assignGestor("c1", { gestorEmail: "g@x.cl" } as never),
    (c) => c.getPlan("c1"),
    (c) => c.putPlan("c1", bigPlan, "key-2"),
    (c) => c.listRevisions("c1"),
    (c) => c.getRevision("c1", 1),
    (c) => c.transition("c1", { action: "submit" } as never),
    (c) => c.report("c1", { asOf: "2025-11-30" }),
    (c) => c.regionConsolidation("14"),
    (c) => c.nationalConsolidation(),
    (c) => c.listRulePacks(),
    (c) => c.getRulePack(2026, { version: 1 }),
    (c) => c.publishRulePack(2026, { baseVersion: 0, pack: {} }),
    (c) => c.rulePackImpact("14", { year: 2026 }),
  ];
  for (const call of calls) await call(client).catch(() => undefined);
  return sent;
}

describe("CORS of the AWS stack against the headers shared/api/client.ts sends", () => {
  let app: SynthesizedApp;
  let sent: SentRequest[];
  beforeAll(async () => {
    app = synthApp({ allowedOrigins: "https://a.example.cl" });
    sent = await requestsOfTheClient();
  }, 120_000);
  afterAll(() => app.cleanup());

  const cors = () => Object.values(resourcesOf(app.templates.api, "AWS::ApiGatewayV2::Api"))[0].Properties!.CorsConfiguration as {
    AllowHeaders: string[]; AllowMethods: string[]; ExposeHeaders: string[];
  };

  test("the client was exercised on every route, and the large save went gzip-compressed", () => {
    expect(sent).toHaveLength(ROUTE_LIST.length);
    const save = sent.find((s) => s.method === "PUT" && s.route.endsWith("/plan"))!;
    expect(save.preflightHeaders).toEqual(expect.arrayContaining(["authorization", "content-type", "content-encoding", "idempotency-key"]));
  });

  test("every header and method the client sends passes the preflight", () => {
    const allowedHeaders = new Set(cors().AllowHeaders.map((h) => h.toLowerCase()));
    const allowedMethods = new Set(cors().AllowMethods);
    const refused = sent.flatMap((s) => [
      ...s.preflightHeaders.filter((h) => !allowedHeaders.has(h)).map((h) => `${s.route}: header ${h}`),
      ...(allowedMethods.has(s.method) ? [] : [`${s.route}: method ${s.method}`]),
    ]);
    expect(refused).toEqual([]);
  });

  test("Retry-After (503 answers) and Location are readable by the pane", () => {
    expect(cors().ExposeHeaders.map((h) => h.toLowerCase())).toEqual(expect.arrayContaining(["retry-after", "location"]));
  });
});
