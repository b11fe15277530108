import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims } from "./support/events";

// /v1/me lists only the cooperatives of the token's regions; messages a user can act on.

const GESTORA = "dos.regiones@coop.cl";
let app: TestApp;
let inScope: string;

beforeAll(async () => {
  app = await createTestApp();
  const register = async (region: string, name: string) =>
    (await app.call("registerCooperative", { params: { code: region }, claims: aosClaims(region), body: { name, modality: "creacion", callYear: 2025, gestorEmail: GESTORA } })).body.id as string;
  inScope = await register("08", "Cooperativa del Biobío");
  await register("16", "Cooperativa de Ñuble");
});

test("GET /v1/me lists only assigned cooperatives within the token's regions", async () => {
  const one = await app.call("me", { claims: gestorClaims(GESTORA, "08") });
  expect(one.body.cooperatives.map((c: { id: string }) => c.id)).toEqual([inScope]);
  const both = await app.call("me", { claims: gestorClaims(GESTORA, "08,16") });
  expect(both.body.cooperatives.map((c: { name: string }) => c.name)).toEqual(["Cooperativa de Ñuble", "Cooperativa del Biobío"]);
});

test.each(["abc", "0", "1.5", "-2"])("GET revisions/%s → 400 «el número de versión debe ser un entero positivo»", async (v) => {
  const res = await app.call("getRevision", { params: { id: inScope, v }, claims: gestorClaims(GESTORA, "08") });
  expect(res.status).toBe(400);
  expect(res.body.field).toBe("v");
  expect(res.body.detail).toBe("El campo «v» de la ruta: El número de versión debe ser un entero positivo (1, 2, 3…).");
  expect(res.body.detail).not.toContain("NaN");
});

test("a body over 1 MiB → 413 that says what the user can do (not «divida el plan»)", async () => {
  const res = await app.call("putPlan", {
    params: { id: inScope }, claims: gestorClaims(GESTORA, "08"), headers: { "Idempotency-Key": "too-big-advice-1" }, body: "x".repeat(1024 * 1024 + 1),
  });
  expect(res.status).toBe(413);
  expect(res.body.detail).not.toMatch(/divida/i);
  expect(res.body.detail).toContain("Quite de la planilla las filas vacías que tengan formato");
  expect(res.body.detail).toContain("contacte al AOS");
});
