import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims } from "./support/events";
import { makePlan } from "./support/plans";

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

// Bad fields answer in our Spanish, naming what to write (zod's locale said «Demasiado pequeño:
// se esperaba que número fuera >=1» and «se esperaba una de "submit"|"return"|…»).
test.each([
  ["listCooperatives limit=0", () => app.call("listCooperatives", { params: { code: "08" }, claims: aosClaims("08"), query: { limit: "0" } }),
    "El campo «limit»: El tamaño de página (limit) debe ser un entero entre 1 y 100."],
  ["transition action publish", () => app.call("transition", { params: { id: inScope }, claims: gestorClaims(GESTORA, "08"), body: { action: "publish" } }),
    "El campo «action»: La acción debe ser «submit» (enviar), «return» (devolver con observaciones), «approve» (aprobar) o «reopen» (reabrir)."],
  ["register callYear 1999", () => app.call("registerCooperative", { params: { code: "08" }, claims: aosClaims("08"), body: { name: "Cooperativa Año Viejo", modality: "creacion", callYear: 1999 } }),
    "El campo «callYear»: La convocatoria debe ser un año de cuatro cifras entre 2000 y 2100, por ejemplo 2025 (se indicó 1999)."],
  ["register modality mixta", () => app.call("registerCooperative", { params: { code: "08" }, claims: aosClaims("08"), body: { name: "Cooperativa Mixta", modality: "mixta", callYear: 2025 } }),
    "El campo «modality»: La modalidad debe ser «creacion» (Creación y Desarrollo) o «fortalecimiento» (Fortalecimiento)."],
  ["putPlan baseVersion -1", () => app.call("putPlan", { params: { id: inScope }, claims: gestorClaims(GESTORA, "08"), headers: { "Idempotency-Key": "base-version-msg-1" }, body: { plan: makePlan(), baseVersion: -1 } }),
    "baseVersion es la versión del plan que usted editó: un entero de 0 o más (0 si es la primera vez que lo guarda)."],
])("%s → 400 in our words", async (_name, call, detail) => {
  const res = await call();
  expect(res.status).toBe(400);
  expect(res.body.detail).toContain(detail);
});
