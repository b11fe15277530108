import "./support/metricsOn";
import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims } from "./support/events";
import { makePlan } from "./support/plans";

// The business metrics (functions/src/observability.ts) as CloudWatch reads them: EMF lines on stdout.

const GESTORA = "metricas.gestora@coop.cl";
let app: TestApp;
let lines: string[] = [];

/** The EMF documents printed while `run` ran. */
async function emfOf(run: () => Promise<unknown>): Promise<Array<Record<string, unknown>>> {
  lines = [];
  const write = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    write.mockRestore();
  }
  return lines.flatMap((l) => l.split("\n")).filter((l) => l.includes('"_aws"')).map((l) => JSON.parse(l) as Record<string, unknown>);
}

const metricNames = (doc: Record<string, unknown>) =>
  ((doc._aws as { CloudWatchMetrics: Array<{ Metrics: Array<{ Name: string }>; Dimensions: string[][]; Namespace: string }> }).CloudWatchMetrics[0]);

beforeAll(async () => {
  app = await createTestApp();
});

test("a save counts PlanSaves with the plan's size; a stale save counts a Conflict and a Refusal by code", async () => {
  const reg = await app.call("registerCooperative", { params: { code: "08" }, claims: aosClaims("08"), body: { name: "Cooperativa Métrica", modality: "fortalecimiento", callYear: 2025, gestorEmail: GESTORA } });
  const id = reg.body.id as string;
  const plan = makePlan({ lines: 4 });
  const saved = await emfOf(() => app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA), headers: { "Idempotency-Key": "metric-save-1" }, body: { plan, baseVersion: 0, confirmIdentity: true } }));
  expect(saved).toHaveLength(1);
  expect(metricNames(saved[0]).Namespace).toBe("CoopPlans");
  expect(metricNames(saved[0]).Dimensions).toEqual([["service"]]);
  expect(metricNames(saved[0]).Metrics.map((m) => m.Name).sort()).toEqual(["PlanBytes", "PlanInvestmentLines", "PlanSaves"]);
  expect(saved[0]).toMatchObject({ service: "coop-plans", PlanSaves: 1, PlanInvestmentLines: 4, PlanBytes: Buffer.byteLength(JSON.stringify({ plan, baseVersion: 0, confirmIdentity: true })) });

  const stale = await emfOf(() => app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA), headers: { "Idempotency-Key": "metric-save-2" }, body: { plan: makePlan({ lines: 5 }), baseVersion: 0, confirmIdentity: true } }));
  const byName = Object.fromEntries(stale.flatMap((d) => metricNames(d).Metrics.map((m) => [m.Name, d])));
  expect(byName.Conflicts).toMatchObject({ service: "coop-plans", Conflicts: 1 });
  expect(byName.Refusals).toMatchObject({ service: "coop-plans", problemCode: "VERSION_CONFLICT", Refusals: 1 });
  expect(byName.ServerErrors).toBeUndefined();
});
