import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims } from "./support/events";
import { makePlan } from "./support/plans";

const GESTORA = "berta.gestora@coop.cl";
const gestora = gestorClaims(GESTORA);
const aos = aosClaims("08");
let app: TestApp;
let id: string;
let keyCounter = 0;

const save = (plan: unknown, baseVersion: number) =>
  app.call("putPlan", { params: { id }, claims: gestora, headers: { "Idempotency-Key": `workflow-key-${++keyCounter}` }, body: { plan, baseVersion } });
const transition = (claims: typeof aos, action: string, comment?: string) =>
  app.call("transition", { params: { id }, claims, body: comment === undefined ? { action } : { action, comment } });

beforeAll(async () => {
  app = await createTestApp();
  const res = await app.call("registerCooperative", {
    params: { code: "08" }, claims: aos, body: { name: "Cooperativa Apícola Los Robles", modality: "fortalecimiento", callYear: 2025, gestorEmail: GESTORA },
  });
  id = res.body.id;
});

test("the approval workflow: submit refused with errors, lock while enviado/aprobado, return, approve, reopen; each step a revision", async () => {
  // v1: a plan with an error (no cooperative name) saves in borrador, findings counted.
  const v1 = await save(makePlan({ name: null }), 0);
  expect(v1.status).toBe(200);
  expect(v1.body).toMatchObject({ version: 1, status: "borrador", counts: { error: 1, warning: 0, info: 0 } });
  expect(v1.body.findings[0]).toMatchObject({ ruleId: "COOP-001", severity: "error" });

  // Submit with errors → 422 with the findings.
  const refused = await transition(gestora, "submit");
  expect(refused.status).toBe(422);
  expect(refused.body).toMatchObject({ code: "PLAN_HAS_ERRORS", currentVersion: 1 });
  expect(refused.body.findings).toEqual([expect.objectContaining({ ruleId: "COOP-001", severity: "error" })]);

  // The AOS cannot approve a borrador.
  const early = await transition(aos, "approve");
  expect(early.status).toBe(409);
  expect(early.body.code).toBe("INVALID_TRANSITION");

  // v2 fixes it; v3 submits.
  expect((await save(makePlan(), 1)).body).toMatchObject({ version: 2, counts: { error: 0 } });
  const submitted = await transition(gestora, "submit");
  expect(submitted.status).toBe(200);
  expect(submitted.body).toMatchObject({ version: 3, status: "enviado", action: "submit", by: { role: "gestor", email: GESTORA } });

  // Locked while enviado.
  const whileSent = await save(makePlan({ lines: 9 }), 3);
  expect(whileSent.status).toBe(409);
  expect(whileSent.body).toMatchObject({ code: "PLAN_LOCKED", currentVersion: 3 });

  // A gestor/a cannot approve; return needs a comment.
  expect((await transition(gestora, "approve")).status).toBe(403);
  const noComment = await transition(aos, "return");
  expect(noComment.status).toBe(400);
  expect(noComment.body).toMatchObject({ code: "VALIDATION_FAILED", field: "comment" });

  // v4: returned with observations → observado; a save keeps it observado (v5); resubmit (v6); approve (v7).
  const returned = await transition(aos, "return", "Falta cotización en la línea 2.");
  expect(returned.body).toMatchObject({ version: 4, status: "observado", action: "return", comment: "Falta cotización en la línea 2.", by: { role: "aos" } });
  expect((await save(makePlan({ lines: 4 }), 4)).body).toMatchObject({ version: 5, status: "observado" });
  expect((await transition(gestora, "submit")).body).toMatchObject({ version: 6, status: "enviado" });
  expect((await transition(aos, "approve")).body).toMatchObject({ version: 7, status: "aprobado" });

  // A write to an approved plan → 409 until the AOS reopens.
  const locked = await save(makePlan({ lines: 5 }), 7);
  expect(locked.status).toBe(409);
  expect(locked.body).toMatchObject({ code: "PLAN_LOCKED", currentVersion: 7 });
  expect((await transition(gestora, "reopen")).status).toBe(403);
  expect((await transition(aos, "reopen", "Ajuste de montos solicitado por la Dirección Regional.")).body).toMatchObject({ version: 8, status: "observado" });
  const reopenedSave = await save(makePlan({ lines: 5 }), 8);
  expect(reopenedSave.status).toBe(200);
  expect(reopenedSave.body).toMatchObject({ version: 9, status: "observado" });

  // The audit trail: who, when, why, totals and counts for every step.
  const trail = await app.call("listRevisions", { params: { id }, claims: aos });
  expect(trail.status).toBe(200);
  expect(trail.body.items.map((r: { version: number; status: string; action: string }) => `${r.version}:${r.action}:${r.status}`)).toEqual([
    "1:save:borrador", "2:save:borrador", "3:submit:enviado", "4:return:observado", "5:save:observado",
    "6:submit:enviado", "7:approve:aprobado", "8:reopen:observado", "9:save:observado",
  ]);
  expect(trail.body.items[0].counts).toEqual({ error: 1, warning: 0, info: 0 });
  expect(trail.body.items[3]).toMatchObject({ comment: "Falta cotización en la línea 2.", by: { email: "aos@operador.cl", role: "aos" } });
  expect(trail.body.items[8].totals.investmentLines).toBe(5);
  for (const r of trail.body.items) expect(Date.parse(r.at)).not.toBeNaN();

  // One revision with its plan: the transition carries the plan it acted on.
  const rev7 = await app.call("getRevision", { params: { id, v: 7 }, claims: gestora });
  expect(rev7.body.plan.investmentLines).toHaveLength(4);
  const missing = await app.call("getRevision", { params: { id, v: 42 }, claims: gestora });
  expect(missing.status).toBe(404);
  expect(missing.body.code).toBe("REVISION_NOT_FOUND");
}, 60_000);
