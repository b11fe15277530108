import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims } from "./support/events";
import { makePlan } from "./support/plans";

// Issue 12, item 2: a plan that names another cooperative is never saved as this one's version
// (422 IDENTITY_MISMATCH naming both, unless the gestor/a confirms), and an unbound first save
// never replaces an existing plan (409). On DynamoDB Local through the real handlers.

const GESTORA = "identidad.guardia@coop.cl";
let app: TestApp;

async function register(name: string, rut: string | null = null): Promise<string> {
  const res = await app.call("registerCooperative", {
    params: { code: "08" }, claims: aosClaims("08"),
    body: { name, modality: "fortalecimiento", callYear: 2025, gestorEmail: GESTORA, rut },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

let keys = 0;
const put = (id: string, body: Record<string, unknown>) =>
  app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA), headers: { "Idempotency-Key": `identity-guard-${++keys}` }, body });

beforeAll(async () => {
  app = await createTestApp();
});

describe("identity guard", () => {
  test("a plan of «Lácteos del Ranco» aimed at «Tejedoras Hebras de Niebla»: 422 naming both, nothing saved", async () => {
    const tejedoras = await register("Tejedoras Hebras de Niebla");
    const lacteos = makePlan({ name: "Cooperativa Campesina Lácteos del Ranco" });
    const res = await put(tejedoras, { plan: lacteos, baseVersion: 0 });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("IDENTITY_MISMATCH");
    expect(res.body.title).toBe("El plan es de otra cooperativa");
    expect(res.body.detail).toBe(
      "El plan parece ser de «Cooperativa Campesina Lácteos del Ranco» y se intentó guardar en «Tejedoras Hebras de Niebla»: " +
        "el nombre del plan es «Cooperativa Campesina Lácteos del Ranco» y el de la cooperativa registrada, «Tejedoras Hebras de Niebla». " +
        "No se guardó nada, para no guardarlo como versión de otra cooperativa. Si se equivocó de cooperativa, sincronice con la correcta; " +
        "si el plan sí es de esta cooperativa, corrija el nombre o el RUT en la hoja Cooperativa, o confirme la identidad " +
        "(en el panel, «Guardar de todos modos»; en la línea de comandos, --confirm-identity).",
    );
    expect(res.body.findings.map((f: { ruleId: string; location: { field?: string } }) => [f.ruleId, f.location.field])).toEqual([["PLAN-004", "cooperative.name"]]);
    const stored = await app.call("getPlan", { params: { id: tejedoras }, claims: gestorClaims(GESTORA) });
    expect(stored.status).toBe(404);
  }, 60_000);

  test("the same name but another RUT: 422 naming both RUTs; a blank RUT in the plan is no evidence", async () => {
    const id = await register("Cooperativa Apícola Los Robles (Cañete)", "77.777.777-7");
    const plan = makePlan({ name: "Cooperativa Apícola Los Robles (Cañete)" }); // RUT 76123456-0
    const res = await put(id, { plan, baseVersion: 0 });
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain("el RUT del plan es 76123456-0 y el de la cooperativa registrada, 77777777-7");
    expect(res.body.detail).not.toContain("el nombre del plan");
    const noRut = await put(id, { plan: { ...plan, cooperative: { ...plan.cooperative, rut: null } }, baseVersion: 0 });
    expect(noRut.status).toBe(200);
    expect(noRut.body.version).toBe(1);
  }, 60_000);

  test("confirmed by the gestor/a: saved, and the PLAN-004 warning stays in the revision's findings", async () => {
    const id = await register("Tejedoras del Biobío");
    const res = await put(id, { plan: makePlan({ name: "Cooperativa Campesina Lácteos del Ranco" }), baseVersion: 0, confirmIdentity: true });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(res.body.findings.filter((f: { ruleId: string }) => f.ruleId === "PLAN-004").map((f: { severity: string }) => f.severity)).toEqual(["warning"]);
  }, 60_000);
});

describe("an unbound copy never replaces a plan", () => {
  test("baseVersion 0 while the cooperative has version 1: 409 saying the workbook is not bound; sending the version replaced saves", async () => {
    const id = await register("Cooperativa Apícola Los Robles");
    const first = await put(id, { plan: makePlan({ lines: 2 }), baseVersion: 0 });
    expect(first.status).toBe(200);
    const unbound = await put(id, { plan: makePlan({ lines: 5 }), baseVersion: 0 });
    expect(unbound.status).toBe(409);
    expect(unbound.body).toMatchObject({ code: "VERSION_CONFLICT", currentVersion: 1 });
    expect(unbound.body.detail).toBe(
      "La cooperativa ya tiene un plan (versión 1) y este libro no está vinculado a ninguna versión: nunca se sincronizó, o es una copia. No se guardó nada; el servidor conserva su versión. Descargue la versión actual, o reemplácela a propósito.",
    );
    const kept = await app.call("getPlan", { params: { id }, claims: gestorClaims(GESTORA) });
    expect([kept.body.version, kept.body.plan.investmentLines.length]).toEqual([1, 2]);
    const replaced = await put(id, { plan: makePlan({ lines: 5 }), baseVersion: 1 });
    expect([replaced.status, replaced.body.version]).toEqual([200, 2]);
  }, 60_000);
});
