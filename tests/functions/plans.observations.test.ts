import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims } from "./support/events";
import { makePlan } from "./support/plans";

// The AOS's observations pinned to a line (by N°) or a field (issue 12, item 4), on DynamoDB Local:
// sent with a decision, stored with its revision, read back in the history and in the revision.

const GESTORA = "olga.gestora@coop.cl";
const gestora = gestorClaims(GESTORA);
const aos = aosClaims("08");
let app: TestApp;
let id: string;

const transition = (claims: typeof aos, body: unknown) => app.call("transition", { params: { id }, claims, body });
const LINE_2 = { target: { kind: "line", plan: "investment", lineNumber: 2 }, text: "Falta la segunda cotización." };
const RUT = { target: { kind: "field", field: "rut" }, text: "El RUT no coincide con la escritura." };

beforeAll(async () => {
  app = await createTestApp();
  const res = await app.call("registerCooperative", {
    params: { code: "08" }, claims: aos, body: { name: "Cooperativa Apícola Los Robles", modality: "fortalecimiento", callYear: 2025, gestorEmail: GESTORA },
  });
  id = res.body.id;
  const saved = await app.call("putPlan", { params: { id }, claims: gestora, headers: { "Idempotency-Key": "observations-0001" }, body: { plan: makePlan({ lines: 3 }), baseVersion: 0 } });
  expect(saved.status).toBe(200);
  expect((await transition(gestora, { action: "submit" })).body).toMatchObject({ version: 2, status: "enviado" });
});

test("a submit carries no observations; a return may carry only pinned ones; a line N° the plan lacks is refused, naming it", async () => {
  const onSubmit = await transition(gestora, { action: "submit", observations: [LINE_2] });
  expect(onSubmit.status).toBe(400);
  expect(onSubmit.body).toMatchObject({ code: "VALIDATION_FAILED", field: "observations" });

  const missing = await transition(aos, { action: "return", observations: [RUT, { ...LINE_2, target: { kind: "line", plan: "investment", lineNumber: 7 } }] });
  expect(missing.status).toBe(400);
  expect(missing.body).toMatchObject({
    code: "VALIDATION_FAILED",
    field: "observations.1.target.lineNumber",
    detail: "La observación 2 apunta a la línea N° 7 del Plan de inversiones, que no está en la versión 2 del plan (tiene los N° 1, 2, 3).",
  });
  const noActions = await transition(aos, { action: "return", observations: [{ target: { kind: "line", plan: "action", lineNumber: 1 }, text: "x" }] });
  expect(noActions.body.detail).toBe("La observación 1 apunta a la línea N° 1 del Plan de acción, que no está en la versión 2 del plan (no tiene líneas con N°).");

  const tooLong = await transition(aos, { action: "return", observations: [{ ...LINE_2, text: "x".repeat(1001) }] });
  expect(tooLong.status).toBe(400);
  expect(tooLong.body).toMatchObject({ code: "VALIDATION_FAILED", field: "observations.0.text" });
  expect(tooLong.body.detail).toBe("El campo «observations.0.text»: Una observación admite hasta 1.000 caracteres.");

  // Nothing of the above wrote a revision.
  expect((await app.call("listRevisions", { params: { id }, claims: aos })).body.items).toHaveLength(2);

  const returned = await transition(aos, { action: "return", observations: [LINE_2, RUT] });
  expect(returned.status).toBe(200);
  expect(returned.body).toMatchObject({ version: 3, status: "observado", action: "return", comment: null, observations: [LINE_2, RUT] });
});

test("stored with the revision: the history and the revision read them back; a reopen carries its own", async () => {
  const trail = await app.call("listRevisions", { params: { id }, claims: gestora });
  expect(trail.body.items.map((r: { version: number; observations?: unknown }) => [r.version, r.observations ?? null])).toEqual([
    [1, null], [2, null], [3, [LINE_2, RUT]],
  ]);
  const v3 = await app.call("getRevision", { params: { id, v: 3 }, claims: gestora });
  expect(v3.status).toBe(200);
  expect(v3.body.observations).toEqual([LINE_2, RUT]);
  expect(v3.body.plan.investmentLines).toHaveLength(3);

  // Resubmit, approve with a comment only, reopen with a comment and a pinned observation.
  expect((await transition(gestora, { action: "submit" })).body).toMatchObject({ version: 4 });
  const approved = await transition(aos, { action: "approve", comment: "Aprobado." });
  expect(approved.body).toMatchObject({ version: 5, comment: "Aprobado." });
  expect(approved.body.observations).toBeUndefined();
  const reopened = await transition(aos, { action: "reopen", comment: "Ajuste pedido por la Dirección Regional.", observations: [{ target: { kind: "line", plan: "investment", lineNumber: 1 }, text: "Baje el monto a $500.000." }] });
  expect(reopened.status).toBe(200);
  const latest = await app.call("getPlan", { params: { id }, claims: gestora });
  expect(latest.body).toMatchObject({
    version: 6, status: "observado", action: "reopen", comment: "Ajuste pedido por la Dirección Regional.",
    observations: [{ target: { kind: "line", plan: "investment", lineNumber: 1 }, text: "Baje el monto a $500.000." }],
  });
});
