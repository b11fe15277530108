import { HANDLER_GROUPS, ROUTES, type HandlerGroup, type RouteName } from "@coop-plans/shared/api";
import { PACK_2025 } from "@coop-plans/shared/rules";
import { actionsOfRequest, TABLE_ACTIONS_BY_GROUP, type TableAction } from "../../functions/src/store/tableActions";
import { createTestApp, type CallOptions, type TestApp } from "./support/app";
import { aosClaims, gestorClaims, sercotecClaims } from "./support/events";
import { makePlan } from "./support/plans";

// Issue 13 item 7: each function is granted exactly the DynamoDB actions its code sends. This test
// records, at the wire, every request the store sends while each group's routes run (success and
// refusal paths), and compares the set per group with TABLE_ACTIONS_BY_GROUP, which the CDK stack
// grants (tests/infra/apiStack.test.ts checks the synthesized policies against the same list).

const GESTORA = "rosa.gestora@coop.cl";
const OTRA = "ines.gestora@coop.cl";
let app: TestApp;
let current: HandlerGroup | null = null;
const sent: Record<HandlerGroup, Set<TableAction>> = Object.fromEntries(HANDLER_GROUPS.map((g) => [g, new Set<TableAction>()])) as never;

/** Calls a route, attributing what the store sends meanwhile to the route's group. */
async function call(name: RouteName, options: CallOptions = {}) {
  current = ROUTES[name].group;
  try {
    return await app.call(name, options);
  } finally {
    current = null;
  }
}

beforeAll(async () => {
  app = await createTestApp();
  const record = (target: string, input: unknown) => {
    if (!current) throw new Error(`a request outside a route: ${target}`);
    for (const action of actionsOfRequest(target.split(".")[1], input)) sent[current].add(action);
  };
  // At the build step the request is serialized: its x-amz-target names the operation on the wire.
  app.store.context.doc.middlewareStack.add((next, context) => async (args) => {
    const request = args.request as { headers?: Record<string, string> };
    record(request.headers?.["x-amz-target"] ?? String(context.commandName), args.input);
    return next(args);
  }, { step: "build", name: "recordTableActions" });
});

test("every route of every group sends only the actions listed for its group, and every listed action is sent", async () => {
  const aos = aosClaims("08");
  const gestora = gestorClaims(GESTORA);

  // cooperatives: register (with a key), a duplicate (reads its holder), a replay, assign and reassign, list.
  const registered = await call("registerCooperative", {
    params: { code: "08" }, claims: aos, headers: { "Idempotency-Key": "actions-register-1" },
    body: { name: "Cooperativa Hortalizas del Sur", modality: "fortalecimiento", callYear: 2025, gestorEmail: GESTORA },
  });
  expect(registered.status).toBe(201);
  const id = registered.body.id as string;
  expect((await call("registerCooperative", {
    params: { code: "08" }, claims: aos, headers: { "Idempotency-Key": "actions-register-1" },
    body: { name: "Cooperativa Hortalizas del Sur", modality: "fortalecimiento", callYear: 2025, gestorEmail: GESTORA },
  })).status).toBe(201);
  expect((await call("registerCooperative", {
    params: { code: "08" }, claims: aos, body: { name: "Cooperativa Hortalizas del Sur", modality: "fortalecimiento", callYear: 2025 },
  })).status).toBe(409);
  expect((await call("assignGestor", { params: { id }, claims: aos, body: { gestorEmail: OTRA } })).status).toBe(200);
  expect((await call("assignGestor", { params: { id }, claims: aos, body: { gestorEmail: GESTORA } })).status).toBe(200);
  expect((await call("listCooperatives", { params: { code: "08" }, claims: aos, query: { limit: "1" } })).status).toBe(200);

  // me
  expect((await call("me", { claims: gestora })).body.cooperatives).toHaveLength(1);

  // plans: save, replay, read, revisions, one revision, submit, report.
  const body = { plan: makePlan(), baseVersion: 0, confirmIdentity: true };
  expect((await call("putPlan", { params: { id }, claims: gestora, headers: { "Idempotency-Key": "actions-save-1" }, body })).status).toBe(200);
  expect((await call("putPlan", { params: { id }, claims: gestora, headers: { "Idempotency-Key": "actions-save-1" }, body })).status).toBe(200);
  expect((await call("getPlan", { params: { id }, claims: gestora })).status).toBe(200);
  expect((await call("listRevisions", { params: { id }, claims: gestora })).status).toBe(200);
  expect((await call("getRevision", { params: { id, v: 1 }, claims: gestora })).status).toBe(200);
  expect((await call("transition", { params: { id }, claims: gestora, body: { action: "submit" } })).status).toBe(200);
  expect((await call("report", { params: { id }, claims: gestora })).status).toBe(200);

  // consolidation
  expect((await call("regionConsolidation", { params: { code: "08" }, claims: aos })).status).toBe(200);
  expect((await call("nationalConsolidation", { claims: sercotecClaims() })).status).toBe(200);

  // rulePacks: the packs in force, one pack, a publication, the impact of a pack on the region.
  const central = sercotecClaims("*");
  expect((await call("listRulePacks", { claims: gestora })).status).toBe(200);
  expect((await call("getRulePack", { params: { year: 2025 }, claims: gestora })).status).toBe(200);
  expect((await call("publishRulePack", { params: { year: 2025 }, claims: central, body: { baseVersion: 1, pack: structuredClone(PACK_2025) } })).status).toBe(200);
  expect((await call("rulePackImpact", { params: { code: "08" }, query: { year: "2025" }, claims: aos })).status).toBe(200);

  const byGroup = (groups: readonly HandlerGroup[]) => Object.fromEntries(groups.map((g) => [g, [...sent[g]].sort()]));
  const listed = Object.fromEntries(HANDLER_GROUPS.map((g) => [g, [...TABLE_ACTIONS_BY_GROUP[g]].sort()]));
  const exercised = HANDLER_GROUPS.filter((g) => g !== "health");
  expect(byGroup(exercised)).toEqual(Object.fromEntries(exercised.map((g) => [g, listed[g]])));
});

test("health sends exactly one GetItem (its own client, store/healthCheck.ts)", async () => {
  const { checkTable } = await import("../../functions/src/store/healthCheck");
  const targets: string[] = [];
  app.store.context.doc.middlewareStack.add((next) => async (args) => {
    targets.push(String((args.request as { headers?: Record<string, string> }).headers?.["x-amz-target"]));
    return next(args);
  }, { step: "build", name: "recordHealth" });
  current = "health";
  try {
    await checkTable(app.store.context);
  } finally {
    current = null;
  }
  expect(targets).toEqual(["DynamoDB_20120810.GetItem"]);
  expect([...sent.health].sort()).toEqual([...TABLE_ACTIONS_BY_GROUP.health].sort());
});
