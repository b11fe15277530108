import { planTotals } from "@coop-plans/shared/rules";
import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims } from "./support/events";
import { makePlan } from "./support/plans";

// Cooperatives without a saved plan reach consolidate() as `plan: null` (counted «sin plan»), and
// the list, the audit trail and the consolidation agree on every plan's totals to the peso.

const GESTORA = "sinplan.gestora@coop.cl";
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

async function register(region: string, name: string): Promise<string> {
  const res = await app.call("registerCooperative", { params: { code: region }, claims: aosClaims(region), body: { name, modality: "fortalecimiento", callYear: 2025, gestorEmail: GESTORA, rut: null } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

test("a region with one saved plan and two cooperatives without one: 3 cooperatives, 2 sin plan, figures of the one plan", async () => {
  const withPlan = await register("11", "Cooperativa Con Plan");
  await register("11", "Cooperativa Sin Plan A");
  await register("11", "Cooperativa Sin Plan B");
  const plan = makePlan({ lines: 4 });
  // A line whose Total neto is not Sercotec + aporte: `total` is Total neto, as planTotals sums it.
  plan.investmentLines[0].total = (plan.investmentLines[0].total ?? 0) + 1_000;
  const saved = await app.call("putPlan", { params: { id: withPlan }, claims: gestorClaims(GESTORA, "11"), headers: { "Idempotency-Key": "sin-plan-save-1" }, body: { plan, baseVersion: 0, confirmIdentity: true } });
  expect(saved.status).toBe(200);

  const expected = planTotals(plan);
  expect(saved.body.totals).toEqual({
    sercotecAmount: expected.sercotecAmount, ownAmount: expected.ownAmount, total: expected.total,
    investmentLines: 4, actions: 0, members: 0,
  });
  expect(saved.body.totals.total).toBe(expected.sercotecAmount + expected.ownAmount + 1_000);

  const res = await app.call("regionConsolidation", { params: { code: "11" }, claims: aosClaims("11") });
  expect(res.status).toBe(200);
  const c = res.body;
  expect(c.cooperativeCount).toBe(3);
  expect(c.compliance.withoutPlan).toBe(2);
  expect(c.compliance.withErrors + c.compliance.withWarnings + c.compliance.clean).toBe(1);
  expect(c.cooperatives.map((r: { name: string; hasPlan: boolean; version: number }) => [r.name, r.hasPlan, r.version])).toEqual([
    ["Cooperativa Con Plan", true, 1],
    ["Cooperativa Sin Plan A", false, 0],
    ["Cooperativa Sin Plan B", false, 0],
  ]);
  // Without a plan is «Sin plan», never a borrador (newcomer trial: both were counted as borradores).
  expect(c.byStatus.find((s: { status: string }) => s.status === "borrador").cooperatives).toBe(1);
  expect(c.byStatus.find((s: { status: string }) => s.status === "sinPlan").cooperatives).toBe(2);
  expect(c.totals).toMatchObject({ total: expected.total, sercotecAmount: expected.sercotecAmount, ownAmount: expected.ownAmount });

  // The same pesos in the list and in the audit trail.
  const list = await app.call("listCooperatives", { params: { code: "11" }, claims: aosClaims("11") });
  const listed = list.body.items.find((i: { id: string }) => i.id === withPlan);
  expect(listed.totals).toEqual(saved.body.totals);
  const revisions = await app.call("listRevisions", { params: { id: withPlan }, claims: aosClaims("11") });
  expect(revisions.body.items[0].totals).toEqual(saved.body.totals);
  expect(c.cooperatives[0].total).toBe(listed.totals.total);
});
