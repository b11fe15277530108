import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims } from "./support/events";
import { makePlan } from "./support/plans";

// Syncing an unchanged workbook (same plan, baseVersion = latest) writes no revision.

const GESTORA = "igual.gestora@coop.cl";
let app: TestApp;
let id: string;

beforeAll(async () => {
  app = await createTestApp();
  const reg = await app.call("registerCooperative", {
    params: { code: "08" }, claims: aosClaims("08"),
    body: { name: "Cooperativa Apícola Los Robles", rut: "76.123.456-0", modality: "fortalecimiento", callYear: 2025, gestorEmail: GESTORA },
  });
  id = reg.body.id;
});

const put = (plan: unknown, baseVersion: number, key: string) =>
  app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA), headers: { "Idempotency-Key": key }, body: { plan, baseVersion } });
const versions = async () =>
  (await app.call("listRevisions", { params: { id }, claims: gestorClaims(GESTORA) })).body.items.map((r: { version: number; action: string }) => `${r.version}:${r.action}`);

test("the same plan on top of the latest version → 200 unchanged with the current version, no new revision", async () => {
  const v1 = await put(makePlan({ lines: 3 }), 0, "unchanged-key-0001");
  expect(v1.body).toMatchObject({ version: 1 });
  expect(v1.body.unchanged).toBeUndefined();

  // The CLI's key includes the base version: a new key, the same plan (keys in another order).
  const reordered = JSON.parse(JSON.stringify(makePlan({ lines: 3 }), (_k, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
  const again = await put(reordered, 1, "unchanged-key-0002");
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ version: 1, status: "borrador", action: "save", unchanged: true, counts: v1.body.counts });
  expect(again.body.findings).toEqual(v1.body.findings);
  expect(await versions()).toEqual(["1:save"]);

  // A changed plan is a new revision; the same plan again from the stale base (a new key: the first
  // answer was lost) is that save's answer again, not a conflict (issue 12); another plan from it is.
  expect((await put(makePlan({ lines: 4 }), 1, "unchanged-key-0003")).body.version).toBe(2);
  expect((await put(makePlan({ lines: 4 }), 1, "unchanged-key-0004")).body).toMatchObject({ version: 2 });
  expect((await put(makePlan({ lines: 6 }), 1, "unchanged-key-0008")).status).toBe(409);
  expect((await put(makePlan({ lines: 4 }), 2, "unchanged-key-0005")).body).toMatchObject({ version: 2, unchanged: true });

  // Submitted: the unchanged save still answers (no 409), the plan stays enviado, nothing written.
  expect((await app.call("transition", { params: { id }, claims: gestorClaims(GESTORA), body: { action: "submit" } })).body.version).toBe(3);
  const afterSubmit = await put(makePlan({ lines: 4 }), 3, "unchanged-key-0006");
  expect(afterSubmit.body).toMatchObject({ version: 3, status: "enviado", unchanged: true });
  expect((await put(makePlan({ lines: 5 }), 3, "unchanged-key-0007")).body.code).toBe("PLAN_LOCKED");
  expect(await versions()).toEqual(["1:save", "2:save", "3:submit"]);
});
