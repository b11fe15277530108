import { gzipSync } from "node:zlib";
import { randomBytes } from "node:crypto";
import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims } from "./support/events";
import { makePlan } from "./support/plans";

const GESTORA = "ana.gestora@coop.cl";
let app: TestApp;
let cooperativeId: string;

/** Registers a cooperative of region 08, Fortalecimiento 2025 (as makePlan); RUTs are unique in a region, so only the first has makePlan's. */
async function register(name: string, gestorEmail: string | null = GESTORA, rut: string | null = null): Promise<string> {
  const res = await app.call("registerCooperative", {
    params: { code: "08" },
    claims: aosClaims("08"),
    body: { name, modality: "fortalecimiento", callYear: 2025, gestorEmail, rut },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

function put(id: string, body: unknown, key: string | null, extra: Record<string, string> = {}) {
  return app.call("putPlan", {
    params: { id },
    claims: gestorClaims(GESTORA),
    headers: { ...(key ? { "Idempotency-Key": key } : {}), ...extra },
    body,
  });
}

beforeAll(async () => {
  app = await createTestApp();
  cooperativeId = await register("Cooperativa Apícola Los Robles", GESTORA, "76.123.456-0");
});

describe("PUT /v1/cooperatives/{id}/plan", () => {
  test("the first save (baseVersion 0) creates version 1 in borrador with server findings and totals", async () => {
    const plan = makePlan({ lines: 3 });
    const res = await put(cooperativeId, { plan, baseVersion: 0, confirmIdentity: true }, "first-save-0001");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ cooperativeId, version: 1, status: "borrador", action: "save", comment: null });
    expect(res.body.by).toEqual({ sub: `sub-${GESTORA}`, email: GESTORA, role: "gestor" });
    // 3 lines: 1×10000 + 2×17919 + 3×25838 = 123352 total; Sercotec 80 % rounded per line.
    expect(res.body.totals).toEqual({ sercotecAmount: 8000 + 28670 + 62011, ownAmount: 2000 + 7168 + 15503, total: 123352, investmentLines: 3, actions: 0, members: 0 });
    expect(res.body.counts).toEqual({ error: 0, warning: 0, info: 0 });
  });

  test("two concurrent syncs from the same baseVersion: one 200, one 409 with the current version; one new revision, earlier intact", async () => {
    const before = await app.call("getRevision", { params: { id: cooperativeId, v: 1 }, claims: gestorClaims(GESTORA) });
    const [a, b] = await Promise.all([
      put(cooperativeId, { plan: makePlan({ lines: 4 }), baseVersion: 1, confirmIdentity: true }, "concurrent-a-0001"),
      put(cooperativeId, { plan: makePlan({ lines: 5 }), baseVersion: 1, confirmIdentity: true }, "concurrent-b-0001"),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(winner.body.version).toBe(2);
    expect(loser.body).toMatchObject({ status: 409, code: "VERSION_CONFLICT", currentVersion: 2 });
    expect(loser.headers["content-type"]).toMatch(/^application\/problem\+json/);

    const revisions = await app.call("listRevisions", { params: { id: cooperativeId }, claims: gestorClaims(GESTORA) });
    expect(revisions.body.items.map((r: { version: number }) => r.version)).toEqual([1, 2]);
    const after = await app.call("getRevision", { params: { id: cooperativeId, v: 1 }, claims: gestorClaims(GESTORA) });
    expect(after.body).toEqual(before.body);
    expect(after.body.plan.investmentLines).toHaveLength(3);
    const latest = await app.call("getPlan", { params: { id: cooperativeId }, claims: gestorClaims(GESTORA) });
    expect(latest.body.version).toBe(2);
    expect(latest.body.plan.investmentLines).toHaveLength(winner === a ? 4 : 5);
  });

  test("a stale baseVersion gets 409 with the current version and writes nothing", async () => {
    const res = await put(cooperativeId, { plan: makePlan({ lines: 1 }), baseVersion: 1, confirmIdentity: true }, "stale-base-0001");
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "VERSION_CONFLICT", currentVersion: 2 });
    const revisions = await app.call("listRevisions", { params: { id: cooperativeId }, claims: gestorClaims(GESTORA) });
    expect(revisions.body.items).toHaveLength(2);
  });

  test("a retried sync (same key, same body) returns the first result, and the same key with another body gets 422", async () => {
    const body = { plan: makePlan({ lines: 6 }), baseVersion: 2, confirmIdentity: true };
    const first = await put(cooperativeId, body, "retry-key-0001");
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(3);
    const retry = await put(cooperativeId, JSON.parse(JSON.stringify(body)), "retry-key-0001");
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    const other = await put(cooperativeId, { plan: makePlan({ lines: 7 }), baseVersion: 2, confirmIdentity: true }, "retry-key-0001");
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", field: "Idempotency-Key" });
    const revisions = await app.call("listRevisions", { params: { id: cooperativeId }, claims: gestorClaims(GESTORA) });
    expect(revisions.body.items).toHaveLength(3);
  });

  test("concurrent retries of one sync (same key, same body) both answer version 4 and store one revision", async () => {
    const body = { plan: makePlan({ lines: 2 }), baseVersion: 3, confirmIdentity: true };
    const [a, b] = await Promise.all([put(cooperativeId, body, "double-click-0001"), put(cooperativeId, body, "double-click-0001")]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.version, b.body.version]).toEqual([4, 4]);
    const revisions = await app.call("listRevisions", { params: { id: cooperativeId }, claims: gestorClaims(GESTORA) });
    expect(revisions.body.items).toHaveLength(4);
  });

  test("without Idempotency-Key → 400", async () => {
    const res = await put(cooperativeId, { plan: makePlan(), baseVersion: 4, confirmIdentity: true }, null);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: "IDEMPOTENCY_KEY_REQUIRED", field: "Idempotency-Key" });
  });

  test("a malformed body → 400 naming the field", async () => {
    const wrongType = await put(cooperativeId, { plan: makePlan(), baseVersion: "cuatro", confirmIdentity: true }, "malformed-0001");
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toMatchObject({ code: "VALIDATION_FAILED", field: "baseVersion" });
    expect(wrongType.body.detail).toContain("«baseVersion»");

    const plan = makePlan({ lines: 5 }) as unknown as { investmentLines: Array<Record<string, unknown>> };
    plan.investmentLines[3].total = "$ 1.234.567";
    const deep = await put(cooperativeId, { plan, baseVersion: 4, confirmIdentity: true }, "malformed-0002");
    expect(deep.status).toBe(400);
    expect(deep.body.field).toBe("plan.investmentLines.3.total");
    // Wording from zod's es locale (it was our regex translation, «debe ser un número»).
    expect(deep.body.detail).toBe("El campo «plan.investmentLines.3.total»: Entrada inválida: se esperaba número, recibido texto.");

    const notJson = await put(cooperativeId, '{"plan": {"schemaVersion": 1,', "malformed-0003");
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ code: "INVALID_JSON", field: "body" });
  });

  test("a body over 1 MiB → 413 before parsing", async () => {
    const res = await put(cooperativeId, "x".repeat(1024 * 1024 + 1), "too-big-body-0001");
    expect(res.status).toBe(413);
    expect(res.body.code).toBe("PAYLOAD_TOO_LARGE");
    expect(res.body.detail).toMatch(/1 MiB/);
  });

  test("a plan of 5,000 investment lines (sent gzip) saves and reads back whole", async () => {
    const id = await register("Cooperativa Grande");
    const plan = makePlan({ lines: 5000 });
    const json = JSON.stringify({ plan, baseVersion: 0, confirmIdentity: true });
    const gz = gzipSync(json);
    expect(json.length).toBeGreaterThan(1024 * 1024); // it needs the compressed transport
    const res = await put(id, new Uint8Array(gz), "five-thousand-0001", { "content-encoding": "gzip" });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(res.body.totals.investmentLines).toBe(5000);
    const back = await app.call("getPlan", { params: { id }, claims: gestorClaims(GESTORA) });
    expect(back.body.plan.investmentLines).toHaveLength(5000);
    expect(back.body.plan.investmentLines[4999]).toEqual(plan.investmentLines[4999]);
  }, 60_000);

  test("a plan over the 400 KB item limit once compressed → 413 with a Spanish message, nothing stored", async () => {
    const id = await register("Cooperativa Incomprimible");
    const plan = makePlan({ lines: 300, withSource: false });
    plan.investmentLines.forEach((line) => {
      line.description = randomBytes(1500).toString("base64");
    });
    const res = await put(id, { plan, baseVersion: 0, confirmIdentity: true }, "too-large-plan-0001");
    expect(res.status).toBe(413);
    expect(res.body.code).toBe("PLAN_TOO_LARGE");
    expect(res.body.detail).toContain("demasiado grande");
    const latest = await app.call("getPlan", { params: { id }, claims: gestorClaims(GESTORA) });
    expect(latest.status).toBe(404);
    expect(latest.body).toMatchObject({ code: "PLAN_NOT_FOUND", currentVersion: 0 });
  });
});
