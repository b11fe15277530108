import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Plan } from "@coop-plans/shared/domain";
import { PACK_2025, RulePack, validatePlan } from "@coop-plans/shared/rules";
import { keys } from "../../functions/src/store/keys";
import { cleanPlan } from "../shared/rules/helpers";
import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims, sercotecClaims } from "./support/events";

// Rule packs on the API, on DynamoDB Local with the real validator: publication (Sercotec central
// only, schema-checked, versions assigned by the server, stale bases refused), the packs in force,
// the pack a save is checked under and recorded on its revision, and the impact of a pack on a region.

const GESTORA = "tejedoras.gestora@coop.cl";
const CENTRAL = sercotecClaims("*");
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ validate: (plan, packs) => validatePlan(plan, { packs }) });
});

/** The built-in 2025 pack as a draft (a deep copy) after `edit`. */
function draft(edit: (pack: RulePack) => void = () => undefined): RulePack {
  const copy = structuredClone(PACK_2025);
  edit(copy);
  return copy;
}

const publish = (year: number, body: unknown, claims = CENTRAL) => app.call("publishRulePack", { params: { year }, claims, body });

/** The clean Creación plan of region 14 with its Sercotec amounts pushed `over` pesos past the $8.000.000 cap of 2025 (one line, quantity 1). */
function planOverCap(over: number): Plan {
  const plan = cleanPlan();
  const sum = plan.investmentLines.reduce((a, l) => a + (l.sercotecAmount ?? 0), 0);
  const line = plan.investmentLines.find((l) => l.quantity === 1)!;
  const delta = 8_000_000 - sum + over;
  line.unitPrice = (line.unitPrice ?? 0) + delta;
  line.total = (line.total ?? 0) + delta;
  line.sercotecAmount = (line.sercotecAmount ?? 0) + delta;
  return plan;
}

/** Registers a Creación group of region 14 for a convocatoria (default 2025), the gestora assigned; returns its id. */
async function registerTejedoras(name: string, callYear = 2025): Promise<string> {
  const res = await app.call("registerCooperative", {
    params: { code: "14" }, claims: aosClaims("14"),
    body: { name, modality: "creacion", callYear, gestorEmail: GESTORA, rut: null },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const save = (id: string, plan: Plan, baseVersion: number, key: string) =>
  app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA, "14"), headers: { "Idempotency-Key": key }, body: { plan, baseVersion, confirmIdentity: true } });

describe("GET /v1/rule-packs", () => {
  test("anyone signed in reads the packs in force: with nothing published, the built-in 2025 pack (version 1)", async () => {
    const list = await app.call("listRulePacks", { claims: gestorClaims(GESTORA, "14") });
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: RulePack) => [p.year, p.version, p.publishedAt])).toEqual([[2025, 1, null]]);
    expect(RulePack.parse(list.body.items[0])).toEqual(PACK_2025);
  });

  test("without a session: 401", async () => {
    const res = await app.call("listRulePacks", {});
    expect(res.status).toBe(401);
  });

  test("a year without packs: 404 RULE_PACK_NOT_FOUND in Spanish; a bad year: 400 naming it", async () => {
    const none = await app.call("getRulePack", { params: { year: 2031 }, claims: aosClaims("14") });
    expect(none.status).toBe(404);
    expect(none.body).toMatchObject({ code: "RULE_PACK_NOT_FOUND", detail: "No hay reglas publicadas para la convocatoria 2031." });
    const bad = await app.call("getRulePack", { params: { year: "20x6" }, claims: aosClaims("14") });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "VALIDATION_FAILED", field: "year" });
  });
});

describe("PUT /v1/rule-packs/{year}", () => {
  test.each([
    ["a gestora", gestorClaims(GESTORA, "14")],
    ["an AOS", aosClaims("14")],
    ["Sercotec of one region", sercotecClaims("14", "regional@sercotec.cl")],
  ])("%s: 403 before the body is read (even an unreadable one)", async (_who, claims) => {
    const res = await app.call("publishRulePack", { params: { year: 2025 }, claims, body: "{ not json" });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "FORBIDDEN", detail: "Solo Sercotec de nivel central puede publicar reglas de una convocatoria." });
  });

  test("an invalid pack: 400 naming the field under pack., in Spanish; nothing published", async () => {
    const res = await publish(2025, { baseVersion: 1, pack: draft((p) => { p.figures.minimumOwnShare.value = 2; }) });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(res.body.field).toBe("pack.figures.minimumOwnShare.value");
    expect(res.body.detail).toBe("El paquete de reglas no es válido. «pack.figures.minimumOwnShare.value»: debe ser menor o igual a 1. Revíselo con «coop-plans rules check».");
    const misspelt = await publish(2025, { baseVersion: 1, pack: { ...draft(), figurez: {} } });
    expect(misspelt.status).toBe(400);
    expect(misspelt.body.detail).toContain("campo desconocido: figurez");
    const noPack = await publish(2025, { baseVersion: 1 });
    expect(noPack.status).toBe(400);
    expect(noPack.body.field).toBe("pack");
    expect((await app.call("getRulePack", { params: { year: 2025 }, claims: CENTRAL })).body.version).toBe(1);
  });

  test("a pack of another year than the path's: 400 on pack.year", async () => {
    const res = await publish(2026, { baseVersion: 0, pack: draft() });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ field: "pack.year" });
    expect(res.body.detail).toBe("El año del paquete («pack.year»: 2025) no coincide con la convocatoria de la dirección (2026).");
  });

  test("versions go up from the one in force: base 1 (the built-in) publishes 2; the same base again, an older or an unknown one is 409", async () => {
    const stale0 = await publish(2025, { baseVersion: 0, pack: draft() });
    expect(stale0.status).toBe(409);
    expect(stale0.body).toMatchObject({ code: "VERSION_CONFLICT", currentVersion: 1, field: "baseVersion" });

    const before = Date.now();
    const first = await publish(2025, { baseVersion: 1, pack: draft((p) => { p.name = "Convocatoria 2025 (corregida)"; p.version = 77; p.publishedAt = null; }) });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ year: 2025, version: 2, name: "Convocatoria 2025 (corregida)" });
    expect(Date.parse(first.body.publishedAt)).toBeGreaterThanOrEqual(before - 1000);

    const again = await publish(2025, { baseVersion: 1, pack: draft() });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "VERSION_CONFLICT", currentVersion: 2 });
    expect(again.body.detail).toBe("Las reglas de la convocatoria 2025 cambiaron: usted editó la versión 1 y la vigente es la 2. Exporte la versión vigente, incorpore sus cambios y vuelva a publicar.");
    const ahead = await publish(2025, { baseVersion: 5, pack: draft() });
    expect(ahead.status).toBe(409);
    expect(ahead.body.currentVersion).toBe(2);

    const inForce = await app.call("getRulePack", { params: { year: 2025 }, claims: gestorClaims(GESTORA, "14") });
    expect(inForce.body).toMatchObject({ version: 2, name: "Convocatoria 2025 (corregida)" });
    const older = await app.call("getRulePack", { params: { year: 2025 }, query: { version: "1" }, claims: gestorClaims(GESTORA, "14") });
    expect(RulePack.parse(older.body)).toEqual(PACK_2025);
    const missing = await app.call("getRulePack", { params: { year: 2025 }, query: { version: "3" }, claims: gestorClaims(GESTORA, "14") });
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe("La versión 3 de las reglas de la convocatoria 2025 no existe: la vigente es la 2.");
  });

  test("a new year starts at base 0 → version 1; two publications from the same base: one 200, one 409", async () => {
    const pack2026 = draft((p) => { p.year = 2026; p.name = "Convocatoria 2026"; });
    const [a, b] = await Promise.all([publish(2026, { baseVersion: 0, pack: pack2026 }), publish(2026, { baseVersion: 0, pack: pack2026 })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const won = a.status === 200 ? a : b;
    expect(won.body).toMatchObject({ year: 2026, version: 1 });
    const list = await app.call("listRulePacks", { claims: aosClaims("01") });
    expect(list.body.items.map((p: RulePack) => [p.year, p.version])).toEqual([[2025, 2], [2026, 1]]);
  });
});

describe("a save is checked under the pack in force for the registered year, and records it", () => {
  test("publishing a pack that raises the Creación cap turns the next save's INV-005 error into no finding; each revision names its pack", async () => {
    // Its own year, so the other tests' publications do not matter: 2027 v1 = the 2025 figures.
    const pack2027 = draft((p) => { p.year = 2027; p.name = "Convocatoria 2027"; });
    expect((await publish(2027, { baseVersion: 0, pack: pack2027 })).status).toBe(200);
    const id = await registerTejedoras("Grupo Pre-cooperativo Tejedoras Hebras de Niebla", 2027);
    const plan = planOverCap(500_000);
    plan.cooperative.callYear = 2027;

    const first = await save(id, plan, 0, "pack-save-0001");
    expect(first.status).toBe(200);
    expect(first.body.rulePack).toEqual({ year: 2027, version: 1 });
    const cap = first.body.findings.filter((f: { ruleId: string }) => f.ruleId === "INV-005");
    expect(cap).toHaveLength(1);
    expect(cap[0].severity).toBe("error");

    const raised = draft((p) => { p.year = 2027; p.name = "Convocatoria 2027"; p.figures.subsidyCap.creacion.value = 9_000_000; });
    expect((await publish(2027, { baseVersion: 1, pack: raised })).body.version).toBe(2);

    plan.investmentLines[0].description = `${plan.investmentLines[0].description} (revisado)`;
    const second = await save(id, plan, 1, "pack-save-0002");
    expect(second.status).toBe(200);
    expect(second.body.rulePack).toEqual({ year: 2027, version: 2 });
    expect(second.body.findings.filter((f: { ruleId: string }) => f.ruleId === "INV-005")).toEqual([]);
    expect(second.body.counts.error).toBe(first.body.counts.error - 1);

    const revisions = await app.call("listRevisions", { params: { id }, claims: aosClaims("14") });
    expect(revisions.body.items.map((r: { version: number; rulePack: unknown }) => [r.version, r.rulePack])).toEqual([
      [1, { year: 2027, version: 1 }], [2, { year: 2027, version: 2 }],
    ]);
    // Stored revisions never change: version 1 keeps its INV-005 error.
    const v1 = await app.call("getRevision", { params: { id, v: 1 }, claims: aosClaims("14") });
    expect(v1.body.findings.some((f: { ruleId: string }) => f.ruleId === "INV-005")).toBe(true);

    // Submit re-checks under the pack in force and records it.
    const submitted = await app.call("transition", { params: { id }, claims: gestorClaims(GESTORA, "14"), body: { action: "submit" } });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ version: 3, status: "enviado", rulePack: { year: 2027, version: 2 } });
  });

  test("the same workbook synced again after a new pack: re-checked and saved under it (not «unchanged»); once submitted, it stays as it is", async () => {
    const pack2028 = (cap: number) => draft((p) => { p.year = 2028; p.name = "Convocatoria 2028"; p.figures.subsidyCap.creacion.value = cap; });
    expect((await publish(2028, { baseVersion: 0, pack: pack2028(8_000_000) })).status).toBe(200);
    const id = await registerTejedoras("Tejedoras 2028", 2028);
    const plan = planOverCap(200_000);
    plan.cooperative.callYear = 2028;
    expect((await save(id, plan, 0, "same-plan-0001")).body.counts.error).toBeGreaterThan(0);
    const again = await save(id, plan, 1, "same-plan-0002");
    expect(again.body).toMatchObject({ version: 1, unchanged: true });

    expect((await publish(2028, { baseVersion: 1, pack: pack2028(9_000_000) })).body.version).toBe(2);
    const rechecked = await save(id, plan, 1, "same-plan-0003");
    expect(rechecked.status).toBe(200);
    expect(rechecked.body.unchanged).toBeUndefined();
    expect(rechecked.body).toMatchObject({ version: 2, rulePack: { year: 2028, version: 2 } });
    expect(rechecked.body.findings.filter((f: { ruleId: string }) => f.ruleId === "INV-005")).toEqual([]);
    expect((await save(id, plan, 2, "same-plan-0004")).body).toMatchObject({ version: 2, unchanged: true });

    expect((await app.call("transition", { params: { id }, claims: gestorClaims(GESTORA, "14"), body: { action: "submit" } })).status).toBe(200);
    expect((await publish(2028, { baseVersion: 2, pack: pack2028(8_000_000) })).body.version).toBe(3);
    const locked = await save(id, plan, 3, "same-plan-0005");
    expect(locked.status).toBe(200);
    expect(locked.body).toMatchObject({ version: 3, status: "enviado", unchanged: true, rulePack: { year: 2028, version: 2 } });
  });

  test("a year without a pack is checked under the newest pack with PLAN-005 naming it, and records that pack", async () => {
    const id = await registerTejedoras("Tejedoras 2040", 2040);
    const plan = cleanPlan();
    plan.cooperative.callYear = 2040;
    const res = await save(id, plan, 0, "pack-save-2040");
    expect(res.status).toBe(200);
    const newest = (await app.call("listRulePacks", { claims: CENTRAL })).body.items.at(-1) as RulePack;
    expect(res.body.rulePack).toEqual({ year: newest.year, version: newest.version });
    const fallback = res.body.findings.filter((f: { ruleId: string }) => f.ruleId === "PLAN-005");
    expect(fallback).toHaveLength(1);
    expect(fallback[0]).toMatchObject({ severity: "warning" });
    expect(fallback[0].message).toBe(`Se aplicaron las reglas de la convocatoria ${newest.year} (versión ${newest.version}): las bases de la convocatoria 2040 aún no están cargadas.`);
  });

  test("a revision stored before packs existed (no rulePack) reads as 2025 version 1", async () => {
    const id = await registerTejedoras("Tejedoras Antiguas");
    const res = await save(id, cleanPlan(), 0, "pack-save-legacy");
    expect(res.body.rulePack).toEqual({ year: 2025, version: 2 });
    await app.store.context.doc.send(new UpdateCommand({ TableName: app.tableName, Key: keys.revision(id, 1), UpdateExpression: "REMOVE rulePack" }));
    const read = await app.call("getPlan", { params: { id }, claims: aosClaims("14") });
    expect(read.body.rulePack).toEqual({ year: 2025, version: 1 });
    const listed = await app.call("listRevisions", { params: { id }, claims: aosClaims("14") });
    expect(listed.body.items[0].rulePack).toEqual({ year: 2025, version: 1 });
  });
});

describe("GET /v1/regions/{code}/rule-pack-impact", () => {
  test("the plans of the region whose findings change under 2027 v2 against v1: the one over the old cap resolves its INV-005", async () => {
    const res = await app.call("rulePackImpact", { params: { code: "14" }, query: { year: "2027", version: "2" }, claims: aosClaims("14") });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ regionCode: "14", pack: { year: 2027, version: 2 }, comparedWith: { year: 2027, version: 1 } });
    expect(res.body.plans).toBe(4);
    expect(res.body.items).toHaveLength(1);
    const [changed] = res.body.items;
    expect(changed).toMatchObject({ name: "Grupo Pre-cooperativo Tejedoras Hebras de Niebla", version: 3, before: { year: 2027, version: 1 }, after: { year: 2027, version: 2 } });
    // The latest revision (the submit, checked under v2) is re-checked under both versions.
    expect(changed.resolvedErrors.map((f: { ruleId: string }) => f.ruleId)).toEqual(["INV-005"]);
    expect(changed.newErrors).toEqual([]);
    // Default version: the one in force (v2), same answer; Sercotec central may ask too.
    const inForce = await app.call("rulePackImpact", { params: { code: "14" }, query: { year: "2027" }, claims: CENTRAL });
    expect(inForce.body.items.map((i: { cooperativeId: string }) => i.cooperativeId)).toEqual([changed.cooperativeId]);
  });

  test("a gestora, or the AOS of another region: 403; an unknown version: 404; a missing year: 400 naming it", async () => {
    expect((await app.call("rulePackImpact", { params: { code: "14" }, query: { year: "2027" }, claims: gestorClaims(GESTORA, "14") })).status).toBe(403);
    expect((await app.call("rulePackImpact", { params: { code: "14" }, query: { year: "2027" }, claims: aosClaims("08") })).status).toBe(403);
    expect((await app.call("rulePackImpact", { params: { code: "14" }, query: { year: "2027", version: "9" }, claims: aosClaims("14") })).status).toBe(404);
    const noYear = await app.call("rulePackImpact", { params: { code: "14" }, claims: aosClaims("14") });
    expect(noYear.status).toBe(400);
    expect(noYear.body.field).toBe("year");
  });
});

describe("the consolidation names the pack each plan was validated under", () => {
  test("region 14: each cooperative row carries its latest revision's pack (a legacy revision: 2025 v1)", async () => {
    const res = await app.call("regionConsolidation", { params: { code: "14" }, claims: aosClaims("14") });
    expect(res.status).toBe(200);
    const packOf = Object.fromEntries(res.body.cooperatives.map((r: { name: string; rulePack: unknown }) => [r.name, r.rulePack]));
    expect(packOf["Grupo Pre-cooperativo Tejedoras Hebras de Niebla"]).toEqual({ year: 2027, version: 2 });
    expect(packOf["Tejedoras 2028"]).toEqual({ year: 2028, version: 2 });
    expect(packOf["Tejedoras Antiguas"]).toEqual({ year: 2025, version: 1 });
  });
});
