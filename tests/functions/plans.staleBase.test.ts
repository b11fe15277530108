import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims } from "./support/events";
import { makePlan } from "./support/plans";

// A workbook bound to an older version (issue 12): never a silent overwrite, but never a false
// block either. Transitions (submit, return, approve, reopen) leave the plan as it was, so a
// workbook bound before them is saved on top of the latest; a save retried after its answer was
// lost (same plan, same base, new key) is answered again, not refused.

const GESTORA = "base.gestora@coop.cl";
const gestora = gestorClaims(GESTORA);
const aos = aosClaims("08");
let app: TestApp;
let registered = 0;

async function register(): Promise<string> {
  const res = await app.call("registerCooperative", {
    params: { code: "08" }, claims: aos,
    body: { name: `Cooperativa Base ${++registered}`, modality: "fortalecimiento", callYear: 2025, gestorEmail: GESTORA, rut: null },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

let keyCounter = 0;
const put = (id: string, lines: number, baseVersion: number) =>
  app.call("putPlan", { params: { id }, claims: gestora, headers: { "Idempotency-Key": `stale-base-key-${++keyCounter}` }, body: { plan: makePlan({ lines }), baseVersion, confirmIdentity: true } });
const transition = (id: string, claims: typeof aos, action: string, comment?: string) =>
  app.call("transition", { params: { id }, claims, body: comment === undefined ? { action } : { action, comment } });
const versions = async (id: string) =>
  (await app.call("listRevisions", { params: { id }, claims: gestora })).body.items.map((r: { version: number; action: string }) => `${r.version}:${r.action}`);

beforeAll(async () => {
  app = await createTestApp();
});

test("bound before a submit and a return: the edited workbook saves on top of the latest (200, version 4), not 409", async () => {
  const id = await register();
  expect((await put(id, 3, 0)).body.version).toBe(1);
  expect((await transition(id, gestora, "submit")).body).toMatchObject({ version: 2, status: "enviado" });
  expect((await transition(id, aos, "return", "Falta cotización en la línea 2.")).body).toMatchObject({ version: 3, status: "observado" });

  // The workbook is still bound at version 1 (the CLI's --submit binds it at 2: same rule).
  const edited = await put(id, 4, 1);
  expect(edited.status).toBe(200);
  expect(edited.body).toMatchObject({ version: 4, status: "observado", action: "save" });
  expect(edited.body.unchanged).toBeUndefined();
  expect(edited.headers["idempotent-replayed"]).toBeUndefined();
  expect(await versions(id)).toEqual(["1:save", "2:submit", "3:return", "4:save"]);

  // A save in between is a real conflict: the workbook bound at 3 (before save 4) with other content.
  const stale = await put(id, 5, 3);
  expect(stale.status).toBe(409);
  expect(stale.body).toMatchObject({ code: "VERSION_CONFLICT", currentVersion: 4 });
  expect(await versions(id)).toEqual(["1:save", "2:submit", "3:return", "4:save"]);
});

test("bound before an approval: still PLAN_LOCKED; after reopen the edited workbook saves on top", async () => {
  const id = await register();
  expect((await put(id, 3, 0)).body.version).toBe(1);
  expect((await transition(id, gestora, "submit")).body.version).toBe(2);
  expect((await transition(id, aos, "approve")).body).toMatchObject({ version: 3, status: "aprobado" });
  const locked = await put(id, 4, 1);
  expect(locked.status).toBe(409);
  expect(locked.body).toMatchObject({ code: "PLAN_LOCKED", currentVersion: 3 });
  expect((await transition(id, aos, "reopen", "Se reabre para ajustar montos.")).body.version).toBe(4);
  expect((await put(id, 4, 1)).body).toMatchObject({ version: 5, action: "save" });
});

test("a save whose answer was lost, sent again with a new key and the same base: 200 replay of that version, nothing written", async () => {
  const id = await register();
  expect((await put(id, 3, 0)).body.version).toBe(1);
  const first = await put(id, 4, 1);
  expect(first.body.version).toBe(2);

  // The same plan again from version 1 (new key): the answer of version 2, no version 3.
  const retried = await put(id, 4, 1);
  expect(retried.status).toBe(200);
  expect(retried.headers["idempotent-replayed"]).toBe("true");
  expect(retried.body).toMatchObject({ version: 2, action: "save", counts: first.body.counts });
  expect(await versions(id)).toEqual(["1:save", "2:save"]);

  // Another content from version 1: the save of version 2 is someone else's → 409 as before.
  const other = await put(id, 5, 1);
  expect(other.status).toBe(409);
  expect(other.body).toMatchObject({ code: "VERSION_CONFLICT", currentVersion: 2 });

  // Two saves after the base: a conflict even with the latest content.
  expect((await put(id, 6, 2)).body.version).toBe(3);
  expect((await put(id, 6, 1)).status).toBe(409);
  expect(await versions(id)).toEqual(["1:save", "2:save", "3:save"]);
});
