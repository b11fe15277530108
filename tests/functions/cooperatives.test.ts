import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims, sercotecClaims } from "./support/events";

let app: TestApp;
const aos = aosClaims("10");

beforeAll(async () => {
  app = await createTestApp();
});

test("register validates the body: bad RUT → 400 naming rut; a good one is stored canonical", async () => {
  const bad = await app.call("registerCooperative", { params: { code: "10" }, claims: aos, body: { name: "Coop", rut: "76.123.456-1", modality: "creacion", callYear: 2025 } });
  expect(bad.status).toBe(400);
  expect(bad.body).toMatchObject({ code: "VALIDATION_FAILED", field: "rut" });
  expect(bad.body.detail).toContain("dígito verificador");
  const noRegion = await app.call("registerCooperative", { params: { code: "17" }, claims: aos, body: { name: "Coop", modality: "creacion", callYear: 2025 } });
  expect(noRegion.status).toBe(400);
  expect(noRegion.body.field).toBe("code");
  const good = await app.call("registerCooperative", { params: { code: "10" }, claims: aos, body: { name: "Cooperativa Lechera", rut: "76.123.456-0", modality: "fortalecimiento", callYear: 2025 } });
  expect(good.status).toBe(201);
  expect(good.body).toMatchObject({ regionCode: "10", rut: "76123456-0", gestorEmail: null, name: "Cooperativa Lechera" });
});

test("the region list pages with nextToken (GSI1 Query), sorted by name, with status and version", async () => {
  const app2 = await createTestApp();
  for (let i = 0; i < 7; i++) {
    const res = await app2.call("registerCooperative", { params: { code: "09" }, claims: aosClaims("09"), body: { name: `Cooperativa ${String.fromCharCode(71 - i)}`, modality: "creacion", callYear: 2025 } });
    expect(res.status).toBe(201);
  }
  await app2.call("registerCooperative", { params: { code: "05" }, claims: aosClaims("05"), body: { name: "Cooperativa de otra región", modality: "creacion", callYear: 2025 } });
  const names: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const res = await app2.call("listCooperatives", { params: { code: "09" }, claims: sercotecClaims("09"), query: { limit: "3", ...(nextToken ? { nextToken } : {}) } });
    expect(res.status).toBe(200);
    pages += 1;
    names.push(...res.body.items.map((c: { name: string }) => c.name));
    for (const c of res.body.items) expect(c).toMatchObject({ status: "borrador", version: 0, totals: null, counts: null });
    nextToken = res.body.nextToken ?? undefined;
  } while (nextToken && pages < 10);
  expect(names).toEqual(["A", "B", "C", "D", "E", "F", "G"].map((l) => `Cooperativa ${l}`));
  expect(pages).toBe(3);

  const foreign = await app2.call("listCooperatives", { params: { code: "05" }, claims: aosClaims("05"), query: { nextToken: "bm90LWEtdG9rZW4" } });
  expect(foreign.status).toBe(400);
  expect(foreign.body.field).toBe("nextToken");
});

test("assigning a gestor/a shows the cooperative in their /me; reassigning moves it", async () => {
  const reg = await app.call("registerCooperative", { params: { code: "10" }, claims: aos, body: { name: "Cooperativa Forestal", modality: "creacion", callYear: 2025 } });
  const id = reg.body.id;
  const assigned = await app.call("assignGestor", { params: { id }, claims: aos, body: { gestorEmail: "Dora.Gestora@Coop.cl" } });
  expect(assigned.status).toBe(200);
  expect(assigned.body.gestorEmail).toBe("dora.gestora@coop.cl");
  const me = await app.call("me", { claims: gestorClaims("dora.gestora@coop.cl", "10") });
  expect(me.status).toBe(200);
  expect(me.body).toMatchObject({ role: "gestor", regions: ["10"], email: "dora.gestora@coop.cl" });
  expect(me.body.cooperatives.map((c: { id: string }) => c.id)).toEqual([id]);

  await app.call("assignGestor", { params: { id }, claims: aos, body: { gestorEmail: "eva@coop.cl" } });
  expect((await app.call("me", { claims: gestorClaims("dora.gestora@coop.cl", "10") })).body.cooperatives).toEqual([]);
  expect((await app.call("me", { claims: gestorClaims("eva@coop.cl", "10") })).body.cooperatives[0]).toMatchObject({ id, status: "borrador", version: 0 });

  const aosMe = await app.call("me", { claims: aosClaims("10,14") });
  expect(aosMe.body).toMatchObject({ role: "aos", regions: ["10", "14"], cooperatives: [] });
});
