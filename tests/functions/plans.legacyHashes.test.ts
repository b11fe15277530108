import { bodyHash, sha256, stableStringify } from "../../functions/src/plans/bodyHash";
import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims } from "./support/events";
import { makePlan } from "./support/plans";

// Pointers and idempotency records written before the save serialised the plan once hold
// sorted-key hashes (bodyHash); they keep answering: an unchanged plan is still recognised and
// a retry with an old key still replays.

const GESTORA = "hashes.gestora@coop.cl";
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

test("an unchanged plan and a retried save are recognised against hashes stored the old way", async () => {
  const reg = await app.call("registerCooperative", { params: { code: "08" }, claims: aosClaims("08"), body: { name: "Cooperativa Antigua", modality: "fortalecimiento", callYear: 2025, gestorEmail: GESTORA } });
  const id = reg.body.id as string;
  const plan = makePlan({ lines: 3 });
  // Version 1 as the previous code stored it: legacy plan hash on the pointer, legacy body hash in the record.
  await app.store.appendRevision({
    cooperativeId: id, regionCode: "08", version: 1, status: "borrador", action: "save",
    by: { sub: "sub-g", email: GESTORA, role: "gestor" }, at: new Date().toISOString(), comment: null,
    totals: { sercotecAmount: 0, ownAmount: 0, total: 0, investmentLines: 3, actions: 0, members: 0 },
    counts: { error: 0, warning: 0, info: 0 }, rulePack: { year: 2025, version: 1 },
    content: { json: JSON.stringify({ plan, findings: [] }) },
    planHash: sha256(stableStringify(plan)),
  }, { key: "legacy-key-0001", bodyHash: bodyHash({ plan, baseVersion: 0 }), ttlSeconds: 3600 });

  const retry = await app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA), headers: { "Idempotency-Key": "legacy-key-0001" }, body: { plan, baseVersion: 0, confirmIdentity: true } });
  expect(retry.status).toBe(200);
  expect(retry.headers["idempotent-replayed"]).toBe("true");
  expect(retry.body.version).toBe(1);

  const reused = await app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA), headers: { "Idempotency-Key": "legacy-key-0001" }, body: { plan: makePlan({ lines: 4 }), baseVersion: 0, confirmIdentity: true } });
  expect(reused.status).toBe(422);
  expect(reused.body.code).toBe("IDEMPOTENCY_KEY_REUSED");

  const same = await app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA), headers: { "Idempotency-Key": "legacy-key-0002" }, body: { plan, baseVersion: 1, confirmIdentity: true } });
  expect(same.status).toBe(200);
  expect(same.body).toMatchObject({ version: 1, unchanged: true });

  // A real change writes version 2 with a new-style hash, and the same plan again is unchanged.
  const changed = makePlan({ lines: 5 });
  expect((await app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA), headers: { "Idempotency-Key": "legacy-key-0003" }, body: { plan: changed, baseVersion: 1, confirmIdentity: true } })).body.version).toBe(2);
  const again = await app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA), headers: { "Idempotency-Key": "legacy-key-0004" }, body: { plan: changed, baseVersion: 2, confirmIdentity: true } });
  expect(again.body).toMatchObject({ version: 2, unchanged: true });
});

test("stableStringify: sorted keys at every level, undefined properties left out, undefined items as null", () => {
  expect(stableStringify({ b: [1, undefined, { z: undefined, y: "é\n\"", a: null }], a: { ñ: 1, Z: 2, n: NaN }, "": true }))
    .toBe('{"":true,"a":{"Z":2,"n":null,"ñ":1},"b":[1,null,{"a":null,"y":"é\\n\\""}]}');
  expect(stableStringify({ x: 1, y: { b: 2, a: 1 } })).toBe(stableStringify({ y: { a: 1, b: 2 }, x: 1 }));
});
