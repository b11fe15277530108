import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { ROUTE_LIST, type RouteName } from "@coop-plans/shared/api";
import { MAX_INFLATED_BODY_BYTES } from "../../functions/src/http/request";
import { createTestApp, type CallOptions, type TestApp } from "./support/app";
import { aosClaims, gestorClaims, sercotecClaims } from "./support/events";
import { makePlan } from "./support/plans";

// Issue 13 item 3 (and the 415 of item 5): on every route with a body, first whether the caller
// may see the resource (404/403), then the body (415, 413, 400), then the permission that depends
// on the body (a transition's action). And the inflate limit is what a real plan needs (8 MiB,
// bench/requestSize.bench.ts), no longer 16 MiB.

const GESTORA = "marta.gestora@coop.cl";
let app: TestApp;
let id: string;

beforeAll(async () => {
  app = await createTestApp();
  const res = await app.call("registerCooperative", {
    params: { code: "08" }, claims: aosClaims("08"),
    body: { name: "Cooperativa Textil Las Hebras", modality: "fortalecimiento", callYear: 2025, gestorEmail: GESTORA },
  });
  id = res.body.id;
  const saved = await app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA), headers: { "Idempotency-Key": "order-first-save" }, body: { plan: makePlan(), baseVersion: 0, confirmIdentity: true } });
  expect(saved.status).toBe(200);
});

/** JSON text that inflates past the limit: a valid object padded with spaces. */
const bomb = () => new Uint8Array(gzipSync(Buffer.from(`{"action":"submit"${" ".repeat(MAX_INFLATED_BODY_BYTES)}}`)));

/** Bodies the server must not even look at before it knows the caller may see the resource. */
const BAD_BODIES: Record<string, Pick<CallOptions, "body" | "headers">> = {
  "a form instead of JSON (415)": { body: "action=approve", headers: { "content-type": "application/x-www-form-urlencoded" } },
  "text/plain (415)": { body: '{"action":"approve"}', headers: { "content-type": "text/plain" } },
  "gzip inflating past 8 MiB (413)": { body: bomb(), headers: { "content-encoding": "gzip" } },
  "broken JSON (400)": { body: '{"action": ' },
  "the wrong shape (400)": { body: { action: 42, gestorEmail: 7, plan: "no", name: null } },
};

/** Each route with a body, with a caller who may not see its resource and what they must get. */
const OUTSIDERS: Record<string, { route: RouteName; params: () => Record<string, string>; claims: CallOptions["claims"]; status: number; code: string; headers?: Record<string, string> }> = {
  "registerCooperative by the AOS of another region": { route: "registerCooperative", params: () => ({ code: "08" }), claims: aosClaims("09"), status: 403, code: "FORBIDDEN" },
  "assignGestor by the AOS of another region": { route: "assignGestor", params: () => ({ id }), claims: aosClaims("09"), status: 403, code: "FORBIDDEN" },
  "assignGestor of a cooperative that does not exist": { route: "assignGestor", params: () => ({ id: randomUUID() }), claims: aosClaims("08"), status: 404, code: "COOPERATIVE_NOT_FOUND" },
  "putPlan by another gestor/a": { route: "putPlan", params: () => ({ id }), claims: gestorClaims("otra@coop.cl"), status: 403, code: "FORBIDDEN", headers: { "Idempotency-Key": "order-outsider-put" } },
  "putPlan of a cooperative that does not exist": { route: "putPlan", params: () => ({ id: randomUUID() }), claims: gestorClaims(GESTORA), status: 404, code: "COOPERATIVE_NOT_FOUND", headers: { "Idempotency-Key": "order-missing-put" } },
  "transition by another gestor/a": { route: "transition", params: () => ({ id }), claims: gestorClaims("otra@coop.cl"), status: 403, code: "FORBIDDEN" },
  "transition by the AOS of another region": { route: "transition", params: () => ({ id }), claims: aosClaims("09"), status: 403, code: "FORBIDDEN" },
  "transition of a cooperative that does not exist": { route: "transition", params: () => ({ id: randomUUID() }), claims: aosClaims("08"), status: 404, code: "COOPERATIVE_NOT_FOUND" },
  "publishRulePack by an AOS": { route: "publishRulePack", params: () => ({ year: "2025" }), claims: aosClaims("08"), status: 403, code: "FORBIDDEN" },
  "publishRulePack by Sercotec of a region": { route: "publishRulePack", params: () => ({ year: "2025" }), claims: sercotecClaims("08"), status: 403, code: "FORBIDDEN" },
};

test("the table covers every route that takes a body", () => {
  const covered = new Set(Object.values(OUTSIDERS).map((o) => o.route));
  expect(ROUTE_LIST.filter((r) => r.method !== "GET").map((r) => r.name).sort()).toEqual([...covered].sort());
});

describe.each(Object.entries(OUTSIDERS))("%s", (_label, outsider) => {
  test.each(Object.entries(BAD_BODIES))("with %s: the access answer, the body unread", async (_kind, bad) => {
    const res = await app.call(outsider.route, { params: outsider.params(), claims: outsider.claims, body: bad.body, headers: { ...outsider.headers, ...bad.headers } });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: outsider.status, code: outsider.code });
  });
});

describe("a caller who may see the resource gets the body's own refusals, in Spanish", () => {
  const gestora = gestorClaims(GESTORA);

  test("a Content-Type other than JSON → 415 naming it", async () => {
    const res = await app.call("transition", { params: { id }, claims: gestora, body: "action=submit", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE", field: "Content-Type", title: "Formato no admitido",
      detail: "El tipo de contenido «application/x-www-form-urlencoded» no se admite: envíe el cuerpo como JSON (Content-Type: application/json).",
    });
  });

  test("JSON in another charset → 415; application/json with charset=utf-8 and a +json type are read", async () => {
    const latin = await app.call("transition", { params: { id }, claims: gestora, body: { action: "submit" }, headers: { "content-type": "application/json; charset=iso-8859-1" } });
    expect(latin.status).toBe(415);
    expect(latin.body.detail).toBe("El cuerpo declara la codificación de caracteres «iso-8859-1»; envíelo en UTF-8 (Content-Type: application/json; charset=utf-8).");
    // Read as JSON (then refused for what it says: a gestor/a cannot approve).
    for (const type of ["application/json; charset=utf-8", "application/merge-patch+json", "Application/JSON"]) {
      const res = await app.call("transition", { params: { id }, claims: gestora, body: { action: "approve" }, headers: { "content-type": type } });
      expect({ type, status: res.status, code: res.body.code }).toEqual({ type, status: 403, code: "FORBIDDEN" });
    }
  });

  test("gzip inflating past 8 MiB → 413 (with 16 MiB it was inflated and parsed)", async () => {
    const res = await app.call("transition", { params: { id }, claims: gestora, body: bomb(), headers: { "content-encoding": "gzip" } });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe("PAYLOAD_TOO_LARGE");
    expect(res.body.detail).toMatch(/^El contenido descomprimido supera los 8 MiB permitidos\./);
  });

  test("the permission that depends on the body comes after it: a gestor/a asking to approve → 403, to submit → 200", async () => {
    const approve = await app.call("transition", { params: { id }, claims: gestora, body: { action: "approve" } });
    expect(approve.status).toBe(403);
    expect(approve.body.code).toBe("FORBIDDEN");
    const broken = await app.call("transition", { params: { id }, claims: gestora, body: { action: "aprobar" } });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ code: "VALIDATION_FAILED", field: "action" });
    const submit = await app.call("transition", { params: { id }, claims: gestora, body: { action: "submit" } });
    expect(submit.status).toBe(200);
  });
});
