import { gzipSync } from "node:zlib";
import { MAX_PLAN_SUM_CLP } from "@coop-plans/shared/api";
import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims } from "./support/events";
import { makePlan } from "./support/plans";

// Issue 13, item 1: a plan whose lines sum past 2^53 pesos (each under the 10^12 cap) answered
// 500 (lib-dynamodb: «Number … is greater than Number.MAX_SAFE_INTEGER»).

const GESTORA = "sumas.gestora@coop.cl";
let app: TestApp;
let id: string;

beforeAll(async () => {
  app = await createTestApp();
  id = (await app.call("registerCooperative", {
    params: { code: "08" }, claims: aosClaims("08"),
    body: { name: "Cooperativa Sumas Grandes", rut: "76.543.210-3", modality: "fortalecimiento", callYear: 2025, gestorEmail: GESTORA },
  })).body.id;
});

const withLines = (count: number, amount: number) => {
  const plan = makePlan();
  const line = plan.investmentLines[0];
  plan.investmentLines = Array.from({ length: count }, (_, i) => ({ ...line, number: i + 1, total: amount, sercotecAmount: amount, ownAmount: 0, executedAmount: null }));
  return plan;
};

jest.setTimeout(60_000);

describe("PUT plan: sums of money", () => {
  test("9,100 lines of $999.999.999.999 (sum past 2^53) → 400 naming the column and its sum, nothing stored", async () => {
    // Sent gzip, as the pane sends large saves: 9,100 lines is over 1 MiB of JSON.
    const body = new Uint8Array(gzipSync(JSON.stringify({ plan: withLines(9100, 999_999_999_999), baseVersion: 0, confirmIdentity: true })));
    const res = await app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA), headers: { "Idempotency-Key": "sums-over-1", "content-encoding": "gzip" }, body });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("VALIDATION_FAILED");
    expect(res.body.detail).toContain("En el plan de inversiones, el total neto suma $9.099.999.999.990.900; el sistema admite hasta $1.000.000.000.000.000 por plan.");
    const got = await app.call("getPlan", { params: { id }, claims: gestorClaims(GESTORA) });
    expect(got.status).toBe(404);
  });

  test("a plan right at the cap is stored and its sums read back exactly", async () => {
    const per = MAX_PLAN_SUM_CLP / 1000;
    const res = await app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA), headers: { "Idempotency-Key": "sums-at-cap" }, body: { plan: withLines(1000, per), baseVersion: 0, confirmIdentity: true } });
    expect(res.status).toBe(200);
    const got = await app.call("getPlan", { params: { id }, claims: gestorClaims(GESTORA) });
    expect(got.body.plan.investmentLines.reduce((s: number, l: { total: number }) => s + l.total, 0)).toBe(MAX_PLAN_SUM_CLP);
  });
});
