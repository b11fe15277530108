import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { createApiClient } from "@coop-plans/shared/api";
import { acceptsGzip, fitResponse, MAX_RESPONSE_BODY_BYTES } from "../../functions/src/http/compression";
import { jsonResponse } from "../../functions/src/http/httpProblem";
import { createGroupHandler } from "../../functions/src/http/router";
import { nodeFetch } from "../../functions/local/nodeFetch";
import { startLocalServer, type LambdaHandler, type LocalServer } from "../../functions/local/server";
import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims } from "./support/events";
import { makePlan } from "./support/plans";

// GET plan / revisions/{v} answers must fit Lambda's 6 MB response payload: large JSON goes out
// gzip-compressed (base64, isBase64Encoded) when the client accepts it.

const GESTORA = "grande.gestora@coop.cl";
const LAMBDA_LIMIT = 6 * 1024 * 1024;

describe("acceptsGzip", () => {
  it.each([
    [undefined, false], ["", false], ["gzip", true], ["gzip, deflate, br", true], ["br;q=1.0, gzip;q=0.8", true],
    ["gzip;q=0", false], ["identity", false], ["*", true], ["*;q=0", false], ["gzip;q=0, *", false], ["deflate, x-gzip", true],
  ])("%p → %p", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe("fitResponse", () => {
  it("leaves small bodies alone (with vary) and refuses with 413 what not even gzip makes fit", async () => {
    const small = await fitResponse(jsonResponse(200, { ok: true }), "gzip");
    expect(small.status).toBe(200);
    expect(await small.text()).toBe('{"ok":true}');
    expect(small.headers.get("vary")).toBe("accept-encoding");
    expect(small.headers.get("content-encoding")).toBeNull();

    const incompressible = jsonResponse(200, { noise: randomBytes(5_000_000).toString("base64") });
    const refused = await fitResponse(incompressible, "gzip");
    expect(refused.status).toBe(413);
    const problem = JSON.parse(await refused.text());
    expect(problem.code).toBe("PLAN_TOO_LARGE");
    expect(problem.detail).toBe("La respuesta pesa 6,7 MB y supera lo que el servidor puede entregar. Quite de la planilla las filas vacías que tengan formato o datos sobrantes y vuelva a sincronizar; si el plan realmente es tan grande, contacte al AOS.");
    expect(problem.detail).not.toContain("divida");
  });
});

describe("GET plan of 3,000 lines", () => {
  let app: TestApp;
  let id: string;
  // 3,000 lines with long descriptions (as real ones, with specifications): over 6 MB of JSON.
  const plan = makePlan({ lines: 3000 });
  plan.investmentLines.forEach((line, i) => {
    line.description = `${line.description}: ${"especificaciones técnicas, condiciones de entrega y garantía del proveedor; ".repeat(22)}${i}`;
  });

  beforeAll(async () => {
    app = await createTestApp();
    const reg = await app.call("registerCooperative", {
      params: { code: "08" }, claims: aosClaims("08"),
      body: { name: "Cooperativa Apícola Los Robles", rut: "76.123.456-0", modality: "fortalecimiento", callYear: 2025, gestorEmail: GESTORA },
    });
    id = reg.body.id;
    const gz = gzipSync(JSON.stringify({ plan, baseVersion: 0 }));
    const saved = await app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA), headers: { "Idempotency-Key": "three-thousand-1", "content-encoding": "gzip" }, body: new Uint8Array(gz) });
    expect(saved.status).toBe(200);
  }, 60_000);

  it("with accept-encoding gzip: under 6 MB on the wire, base64 gzip, and decodes to the same plan", async () => {
    const uncompressed = Buffer.byteLength(JSON.stringify(plan));
    expect(uncompressed).toBeGreaterThan(LAMBDA_LIMIT); // what used to go out as is
    const res = await app.call("getPlan", { params: { id }, claims: gestorClaims(GESTORA), headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(res.status).toBe(200);
    expect(res.isBase64Encoded).toBe(true);
    expect(res.headers).toMatchObject({ "content-encoding": "gzip", vary: "accept-encoding", "content-type": "application/json; charset=utf-8" });
    expect(res.wireBytes).toBeLessThan(MAX_RESPONSE_BODY_BYTES);
    expect(res.body.plan).toEqual(plan);
    const revision = await app.call("getRevision", { params: { id, v: 1 }, claims: gestorClaims(GESTORA), headers: { "accept-encoding": "gzip" } });
    expect(revision.isBase64Encoded).toBe(true);
    expect(revision.body.plan.investmentLines[2999]).toEqual(plan.investmentLines[2999]);
  }, 60_000);

  it("without accept-encoding: 413 with a Spanish detail instead of a body Lambda would drop", async () => {
    const res = await app.call("getPlan", { params: { id }, claims: gestorClaims(GESTORA) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe("PLAN_TOO_LARGE");
    expect(res.body.detail).toMatch(/^La respuesta pesa \d+,\d MB y supera lo que el servidor puede entregar\. Use un cliente que acepte respuestas comprimidas/);
  }, 60_000);
});

describe("local adapter and nodeFetch with a gzip answer", () => {
  // A health answer padded to 60 KB: the typed client must still read it.
  const payload = { status: "ok", service: "coop-plans", time: "2025-10-02T13:04:05.678Z", items: Array.from({ length: 2000 }, (_, i) => ({ i, text: `línea ${i} ñandú` })) };
  const handler = createGroupHandler("health", { health: async () => ({ status: 200, body: payload }) }) as unknown as LambdaHandler;
  let server: LocalServer;
  beforeAll(async () => {
    server = await startLocalServer({ port: 0, authenticate: async () => ({ ok: false, reason: "missing" }), handlers: { health: handler } });
  });
  afterAll(() => server.close());

  it("passes the base64 body as gzip bytes, as API Gateway does; nodeFetch and fetch decode it", async () => {
    const raw = await nodeFetch(`${server.url}/v1/health`, { method: "GET", headers: {} });
    expect(raw.headers.get("content-encoding")).toBe("gzip");
    expect(JSON.parse(await raw.text())).toEqual(payload);
    const viaFetch = await fetch(`${server.url}/v1/health`, { headers: { "accept-encoding": "gzip" } });
    expect(await viaFetch.json()).toEqual(payload);
    // Without accept-encoding the adapter gets no gzip and sends plain JSON.
    const plain = await nodeFetch(`${server.url}/v1/health`, { method: "GET", headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(JSON.parse(await plain.text())).toEqual(payload);
    // The typed client over nodeFetch (the CLI's fetch) reads it too.
    const client = createApiClient({ baseUrl: server.url, getToken: () => null, fetch: nodeFetch });
    expect(await client.health()).toEqual({ status: "ok", service: "coop-plans", time: "2025-10-02T13:04:05.678Z" });
  });
});
