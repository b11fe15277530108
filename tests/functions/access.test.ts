import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims, sercotecClaims } from "./support/events";
import { makePlan } from "./support/plans";

const GESTORA = "carla.gestora@coop.cl";
let app: TestApp;
let assigned: string;
let unassigned: string;
let otherRegion: string;

async function register(region: string, name: string, gestorEmail: string | null) {
  const res = await app.call("registerCooperative", { params: { code: region }, claims: aosClaims(region), body: { name, modality: "creacion", callYear: 2025, gestorEmail } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

beforeAll(async () => {
  app = await createTestApp();
  assigned = await register("08", "Cooperativa Asignada", GESTORA);
  unassigned = await register("08", "Cooperativa de Otro Gestor", "otro@coop.cl");
  otherRegion = await register("16", "Cooperativa de Ñuble", GESTORA);
  const saved = await app.call("putPlan", { params: { id: assigned }, claims: gestorClaims(GESTORA), headers: { "idempotency-key": "access-save-0001" }, body: { plan: makePlan(), baseVersion: 0, confirmIdentity: true } });
  expect(saved.status).toBe(200);
});

describe("authentication at handler level (the JWT signature is the authorizer's job)", () => {
  test("no token (no claims) → 401", async () => {
    const res = await app.call("getPlan", { params: { id: assigned } });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: "UNAUTHENTICATED", title: "Sesión no válida" });
    expect(res.body.detail).toContain("vuelva a iniciar sesión");
  });
  test("forged claims (no role we know, no subject) → 401", async () => {
    expect((await app.call("me", { claims: { sub: "x", "custom:role": "admin", "custom:regions": "08" } })).status).toBe(401);
    expect((await app.call("me", { claims: { "custom:role": "aos", "custom:regions": "08" } })).status).toBe(401);
    expect((await app.call("me", { claims: { sub: "x", "custom:role": "aos", "custom:regions": "99" } })).status).toBe(401);
  });
  test("an expired token (exp in the past) → 401", async () => {
    const claims = { ...gestorClaims(GESTORA), exp: Math.floor(Date.now() / 1000) - 60 };
    expect((await app.call("getPlan", { params: { id: assigned }, claims })).status).toBe(401);
  });
  test("health is public", async () => {
    const res = await app.call("health");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", service: "coop-plans" });
  });
});

describe("authorization", () => {
  test("a gestor/a reads their own cooperative's plan", async () => {
    const res = await app.call("getPlan", { params: { id: assigned }, claims: gestorClaims(GESTORA) });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
  });
  test("a gestor/a reading an unassigned cooperative → 403", async () => {
    const res = await app.call("getPlan", { params: { id: unassigned }, claims: gestorClaims(GESTORA) });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("FORBIDDEN");
    expect(res.body.detail).toContain("no está asignada a usted");
  });
  test("a gestor/a reading a cooperative of another region → 403 (assigned, but their token is for 08)", async () => {
    const res = await app.call("listRevisions", { params: { id: otherRegion }, claims: gestorClaims(GESTORA, "08") });
    expect(res.status).toBe(403);
  });
  test("a gestor/a cannot list a region or register cooperatives", async () => {
    expect((await app.call("listCooperatives", { params: { code: "08" }, claims: gestorClaims(GESTORA) })).status).toBe(403);
    const reg = await app.call("registerCooperative", { params: { code: "08" }, claims: gestorClaims(GESTORA), body: { name: "X", modality: "creacion", callYear: 2025 } });
    expect(reg.status).toBe(403);
  });
  test("an AOS of another region → 403; Sercotec reads but does not write", async () => {
    expect((await app.call("getPlan", { params: { id: assigned }, claims: aosClaims("16") })).status).toBe(403);
    expect((await app.call("getPlan", { params: { id: assigned }, claims: sercotecClaims("08") })).status).toBe(200);
    const write = await app.call("putPlan", { params: { id: assigned }, claims: sercotecClaims("*"), headers: { "idempotency-key": "sercotec-write-1" }, body: { plan: makePlan(), baseVersion: 1, confirmIdentity: true } });
    expect(write.status).toBe(403);
  });
  test("an unknown cooperative → 404; a malformed id → 400", async () => {
    const unknown = await app.call("getPlan", { params: { id: "2b6f0cc9-4e0f-4a8a-9a53-1d6f3f1c2a10" }, claims: aosClaims("08") });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("COOPERATIVE_NOT_FOUND");
    const bad = await app.call("getPlan", { params: { id: "nope" }, claims: aosClaims("08") });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe("id");
  });
});

describe("consolidation", () => {
  test("region consolidation (AOS) covers every cooperative of the region: the latest plan, or «sin plan»", async () => {
    const res = await app.call("regionConsolidation", { params: { code: "08" }, claims: aosClaims("08") });
    expect(res.status).toBe(200);
    expect(res.body.cooperatives.map((c: { id: string; hasPlan: boolean }) => [c.id, c.hasPlan])).toEqual([[assigned, true], [unassigned, false]]);
    expect(res.body.compliance.withoutPlan).toBe(1);
    expect((await app.call("regionConsolidation", { params: { code: "08" }, claims: aosClaims("16") })).status).toBe(403);
  });
  test("national consolidation needs Sercotec with *", async () => {
    expect((await app.call("nationalConsolidation", { claims: sercotecClaims("08,16") })).status).toBe(403);
    expect((await app.call("nationalConsolidation", { claims: aosClaims("08") })).status).toBe(403);
    const res = await app.call("nationalConsolidation", { claims: sercotecClaims("*") });
    expect(res.status).toBe(200);
    expect(res.body.cooperatives.map((c: { id: string; hasPlan: boolean }) => [c.id, c.hasPlan])).toEqual([[assigned, true], [unassigned, false], [otherRegion, false]]);
  });
});
