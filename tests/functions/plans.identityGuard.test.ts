import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims } from "./support/events";
import { makePlan } from "./support/plans";

// Issue 12, item 2: a plan whose name, RUT, región, modalidad or convocatoria is not the
// registered cooperative's is never saved as this one's version (422 IDENTITY_MISMATCH naming
// each, unless the gestor/a confirms; a blank value never blocks), and an unbound first save
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
      "El plan parece ser de «Cooperativa Campesina Lácteos del Ranco» y se intentó guardar en «Tejedoras Hebras de Niebla». " +
        "El nombre del libro («Cooperativa Campesina Lácteos del Ranco») no es el de la cooperativa registrada («Tejedoras Hebras de Niebla»). " +
        "No se guardó nada, para no guardarlo como versión de otra cooperativa. Si se equivocó de cooperativa, sincronice con la correcta; " +
        "si el plan sí es de esta cooperativa, corrija la hoja Cooperativa, o confirme la identidad " +
        `(en el panel, «Guardar de todos modos»; en la línea de comandos, --cooperative ${tejedoras} --confirm-identity).`,
    );
    expect(res.body.mismatches).toEqual([{
      field: "name", workbook: "Cooperativa Campesina Lácteos del Ranco", registered: "Tejedoras Hebras de Niebla",
      message: "El nombre del libro («Cooperativa Campesina Lácteos del Ranco») no es el de la cooperativa registrada («Tejedoras Hebras de Niebla»).",
      location: expect.objectContaining({ sheet: "Cooperativa", field: "cooperative.name" }),
    }]);
    expect(res.body.findings.map((f: { ruleId: string; location: { field?: string } }) => [f.ruleId, f.location.field])).toEqual([["PLAN-004", "cooperative.name"]]);
    const stored = await app.call("getPlan", { params: { id: tejedoras }, claims: gestorClaims(GESTORA) });
    expect(stored.status).toBe(404);
  }, 60_000);

  test("the same name but another RUT: 422 naming both RUTs; a blank RUT in the plan is no evidence", async () => {
    const id = await register("Cooperativa Apícola Los Robles (Cañete)", "77.777.777-7");
    const plan = makePlan({ name: "Cooperativa Apícola Los Robles (Cañete)" }); // RUT 76123456-0
    const res = await put(id, { plan, baseVersion: 0 });
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain("El plan no coincide con la cooperativa registrada «Cooperativa Apícola Los Robles (Cañete)», donde se intentó guardar. El RUT del libro (76123456-0) no es el de la cooperativa registrada (77777777-7).");
    expect(res.body.detail).not.toContain("El nombre del libro");
    const noRut = await put(id, { plan: { ...plan, cooperative: { ...plan.cooperative, rut: null } }, baseVersion: 0 });
    expect(noRut.status).toBe(200);
    expect(noRut.body.version).toBe(1);
  }, 60_000);

  // The registered cooperative: región 08 Biobío, Fortalecimiento, convocatoria 2025 (makePlan's too).
  test.each([
    ["región", { regionCode: "10" }, "regionCode", "La región del libro (10 Los Lagos) no es la de la cooperativa registrada (08 Biobío)."],
    ["modalidad", { modality: "creacion" }, "modality", "La modalidad del libro (Creación y Desarrollo) no es la de la cooperativa registrada (Fortalecimiento)."],
    ["convocatoria", { callYear: 2024 }, "callYear", "La convocatoria del libro (2024) no es la de la cooperativa registrada (2025)."],
  ])("another %s: 422 naming both values, nothing saved", async (_what, change, field, sentence) => {
    const name = `Cooperativa Los Robles (${field})`;
    const id = await register(name);
    const plan = makePlan({ name });
    const res = await put(id, { plan: { ...plan, cooperative: { ...plan.cooperative, ...change } }, baseVersion: 0 });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("IDENTITY_MISMATCH");
    expect(res.body.detail).toContain(`«${name}», donde se intentó guardar. ${sentence}`);
    expect(res.body.mismatches.map((m: { field: string; message: string }) => [m.field, m.message])).toEqual([[field, sentence]]);
    expect(res.body.findings.map((f: { ruleId: string; severity: string; location: { field?: string } }) => [f.ruleId, f.severity, f.location.field]))
      .toEqual([["PLAN-003", "error", `cooperative.${field}`]]);
    expect((await app.call("getPlan", { params: { id }, claims: gestorClaims(GESTORA) })).status).toBe(404);
  }, 60_000);

  test("name, RUT, región, modalidad and convocatoria all differ: one 422 naming the five, in that order", async () => {
    const id = await register("Tejedoras de Chiloé", "11.111.111-1");
    const plan = makePlan({ name: "Cooperativa Campesina Lácteos del Ranco" });
    const res = await put(id, { plan: { ...plan, cooperative: { ...plan.cooperative, regionCode: "14", modality: "creacion", callYear: 2026 } }, baseVersion: 0 });
    expect(res.status).toBe(422);
    expect(res.body.mismatches.map((m: { field: string; workbook: string; registered: string }) => [m.field, m.workbook, m.registered])).toEqual([
      ["name", "Cooperativa Campesina Lácteos del Ranco", "Tejedoras de Chiloé"],
      ["rut", "76123456-0", "11111111-1"],
      ["regionCode", "14 Los Ríos", "08 Biobío"],
      ["modality", "Creación y Desarrollo", "Fortalecimiento"],
      ["callYear", "2026", "2025"],
    ]);
    expect(res.body.detail).toMatch(/^El plan parece ser de «Cooperativa Campesina Lácteos del Ranco» y se intentó guardar en «Tejedoras de Chiloé»\. El nombre del libro .* El RUT del libro .* La región del libro \(14 Los Ríos\) .* La modalidad del libro .* La convocatoria del libro \(2026\) no es la de la cooperativa registrada \(2025\)\. No se guardó nada/);
    expect(res.body.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(["PLAN-003", "PLAN-003", "PLAN-003", "PLAN-004", "PLAN-004"]);
  }, 60_000);

  test("a blank región, modalidad and convocatoria in the workbook never block: saved, with PLAN-003 findings as before", async () => {
    const name = "Cooperativa Los Robles (en blanco)";
    const id = await register(name);
    const plan = makePlan({ name });
    const res = await put(id, { plan: { ...plan, cooperative: { ...plan.cooperative, regionCode: null, modality: null, callYear: null } }, baseVersion: 0 });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(res.body.findings.filter((f: { ruleId: string }) => f.ruleId === "PLAN-003").map((f: { location: { field: string } }) => f.location.field))
      .toEqual(["cooperative.regionCode", "cooperative.modality", "cooperative.callYear"]);
  }, 60_000);

  test("confirmed by the gestor/a: saved, and the PLAN-004 warning stays in the revision's findings", async () => {
    const id = await register("Tejedoras del Biobío");
    const res = await put(id, { plan: makePlan({ name: "Cooperativa Campesina Lácteos del Ranco" }), baseVersion: 0, confirmIdentity: true });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(res.body.findings.filter((f: { ruleId: string }) => f.ruleId === "PLAN-004").map((f: { severity: string }) => f.severity)).toEqual(["warning"]);
  }, 60_000);

  test("another región and modalidad, confirmed: saved as borrador with both PLAN-003 errors kept (it cannot be submitted until corrected)", async () => {
    const name = "Cooperativa Los Robles (confirmada)";
    const id = await register(name);
    const plan = makePlan({ name });
    const res = await put(id, { plan: { ...plan, cooperative: { ...plan.cooperative, regionCode: "10", modality: "creacion" } }, baseVersion: 0, confirmIdentity: true });
    expect(res.status).toBe(200);
    expect([res.body.version, res.body.status]).toEqual([1, "borrador"]);
    expect(res.body.findings.filter((f: { ruleId: string }) => f.ruleId === "PLAN-003").map((f: { severity: string; location: { field: string } }) => [f.severity, f.location.field]))
      .toEqual([["error", "cooperative.regionCode"], ["error", "cooperative.modality"]]);
    const submit = await app.call("transition", { params: { id }, claims: gestorClaims(GESTORA), body: { action: "submit" } });
    expect(submit.status).toBe(422);
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
