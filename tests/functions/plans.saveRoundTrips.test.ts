import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims } from "./support/events";
import { makePlan } from "./support/plans";

// A save is one read round trip (BatchGetItem of the cooperative, its latest pointer and the
// idempotency record) and one conditional TransactWriteItems: counted at the SDK client.

const GESTORA = "rondas.gestora@coop.cl";
let app: TestApp;
let commands: string[] = [];
let registered = 0;

beforeAll(async () => {
  app = await createTestApp();
  app.store.context.doc.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(String(context.commandName));
      return next(args);
    },
    { step: "initialize", name: "countCommands" },
  );
});

async function register(): Promise<string> {
  const res = await app.call("registerCooperative", { params: { code: "08" }, claims: aosClaims("08"), body: { name: `Cooperativa ${++registered}`, modality: "fortalecimiento", callYear: 2025, gestorEmail: GESTORA, rut: null } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const put = (id: string, baseVersion: number, key: string, lines = 3) =>
  app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA), headers: { "Idempotency-Key": key }, body: { plan: makePlan({ lines }), baseVersion, confirmIdentity: true } });

describe("round trips of PUT /v1/cooperatives/{id}/plan", () => {
  test("a save: one BatchGetItem, then one TransactWriteItems", async () => {
    const id = await register();
    commands = [];
    const res = await put(id, 0, "round-trip-save-1");
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(commands).toEqual(["BatchGetItemCommand", "TransactWriteItemsCommand"]);
  });

  test("a retry with the same key and body: the batch read and the stored revision, no write; same version", async () => {
    const id = await register();
    expect((await put(id, 0, "round-trip-retry-1")).body.version).toBe(1);
    commands = [];
    const again = await put(id, 0, "round-trip-retry-1");
    expect(again.status).toBe(200);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.body.version).toBe(1);
    expect(commands).toEqual(["BatchGetItemCommand", "GetItemCommand"]);
  });

  test("a stale baseVersion: 409 with the current version after the read and one Query of the revisions, nothing written", async () => {
    const id = await register();
    expect((await put(id, 0, "round-trip-stale-1")).status).toBe(200);
    expect((await put(id, 1, "round-trip-stale-2", 4)).status).toBe(200);
    commands = [];
    const stale = await put(id, 1, "round-trip-stale-3");
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: "VERSION_CONFLICT", currentVersion: 2 });
    expect(commands).toEqual(["BatchGetItemCommand", "QueryCommand"]);
    const revisions = await app.call("listRevisions", { params: { id }, claims: gestorClaims(GESTORA) });
    expect(revisions.body.items.map((r: { version: number }) => r.version)).toEqual([1, 2]);
  });

  test("no Idempotency-Key: the permission comes first (403 for a stranger, 400 for the gestora)", async () => {
    const id = await register();
    const stranger = await app.call("putPlan", { params: { id }, claims: gestorClaims("otra@coop.cl"), body: { plan: makePlan(), baseVersion: 0, confirmIdentity: true } });
    expect(stranger.status).toBe(403);
    const own = await app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA), body: { plan: makePlan(), baseVersion: 0, confirmIdentity: true } });
    expect(own.status).toBe(400);
    expect(own.body).toMatchObject({ code: "IDEMPOTENCY_KEY_REQUIRED", field: "Idempotency-Key" });
  });
});
