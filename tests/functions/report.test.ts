import { createApiClient, type FetchLike } from "@coop-plans/shared/api";
import { createTestApp, type TestApp } from "./support/app";
import { aosClaims, gestorClaims, sercotecClaims } from "./support/events";
import { makePlan } from "./support/plans";

const GESTORA = "berta.gestora@coop.cl";
let app: TestApp;
let id: string;
let empty: string;

/** makePlan with 2 lines (one executed) and a small Bitácora, Vinculaciones and Apalancamiento. */
function planWithFollowUp() {
  const plan = makePlan({ lines: 2 });
  plan.investmentLines[0].executedAmount = 100_000;
  plan.followUp = {
    visits: [
      { date: "2025-03-10", mode: "Presencial", participants: 6, topics: "Inicio", agreements: "Cotizar", agreementOwner: null, dueDate: "2025-03-31", agreementStatus: "Pendiente", milestone: 1 },
      { date: "2025-04-14", mode: "Remota", participants: 5, topics: "Costos", agreements: "Fichas", agreementOwner: null, dueDate: "2025-05-15", agreementStatus: "Cumplido", milestone: 2 },
    ],
    links: [{ number: 1, actor: "INDAP", type: "Público", institution: null, purpose: "Crédito", date: null, status: "Acuerdo", outcome: null }],
    leverage: [{ number: 1, fund: "Fondo X", institution: "GORE", requestedAmount: 2_000_000, awardedAmount: 1_500_000, applicationDate: null, status: "Adjudicado" }],
  };
  return plan;
}

beforeAll(async () => {
  app = await createTestApp();
  const register = (name: string) => app.call("registerCooperative", {
    params: { code: "08" }, claims: aosClaims("08"), body: { name, modality: "fortalecimiento", callYear: 2025, gestorEmail: GESTORA },
  });
  id = (await register("Cooperativa Apícola Los Robles")).body.id;
  empty = (await register("Cooperativa Sin Plan")).body.id;
  const saved = await app.call("putPlan", { params: { id }, claims: gestorClaims(GESTORA), headers: { "Idempotency-Key": "report-key-1" }, body: { plan: planWithFollowUp(), baseVersion: 0 } });
  expect(saved.status).toBe(200);
});

describe("GET /v1/cooperatives/{id}/report", () => {
  it("gives the progress report of the latest revision at asOf", async () => {
    const res = await app.call("report", { params: { id }, query: { asOf: "2025-04-30" }, claims: gestorClaims(GESTORA) });
    expect(res.status).toBe(200);
    const planned = makePlan({ lines: 2 }).investmentLines.reduce((a, l) => a + (l.total ?? 0), 0);
    expect(res.body).toMatchObject({ cooperativeId: id, version: 1, status: "borrador" });
    expect(res.body.report).toMatchObject({
      asOf: "2025-04-30",
      cooperative: { name: "Cooperativa Apícola Los Robles", regionCode: "08", modality: "fortalecimiento" },
      investment: { planned, executed: 100_000, executedShare: 100_000 / planned },
      visits: { count: 2, last: { date: "2025-04-14", mode: "Remota", topics: "Costos" } },
      agreements: { total: 2, done: 1, open: 1, overdue: 1 },
      links: { total: 1, byType: { Público: 1 }, byStatus: { Acuerdo: 1 } },
      leverage: { applications: 1, requested: 2_000_000, awarded: 1_500_000, awardedCount: 1 },
    });
  });

  it("is readable by the AOS of the region and Sercotec, not by another gestor or another region's AOS", async () => {
    expect((await app.call("report", { params: { id }, query: { asOf: "2025-04-30" }, claims: aosClaims("08") })).status).toBe(200);
    expect((await app.call("report", { params: { id }, claims: sercotecClaims() })).status).toBe(200);
    expect((await app.call("report", { params: { id }, claims: gestorClaims("otra.gestora@coop.cl") })).status).toBe(403);
    expect((await app.call("report", { params: { id }, claims: aosClaims("14") })).status).toBe(403);
    expect((await app.call("report", { params: { id } })).status).toBe(401);
  });

  it("answers 404 without a plan and 400 on a malformed date", async () => {
    const none = await app.call("report", { params: { id: empty }, claims: aosClaims("08") });
    expect(none.status).toBe(404);
    expect(none.body.code).toBe("PLAN_NOT_FOUND");
    const bad = await app.call("report", { params: { id }, query: { asOf: "30-04-2025" }, claims: aosClaims("08") });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("VALIDATION_FAILED");
  });
});

describe("the typed client's report()", () => {
  it("calls GET /v1/cooperatives/{id}/report with asOf and parses the handler's answer", async () => {
    const answer = await app.call("report", { params: { id }, query: { asOf: "2025-04-30" }, claims: gestorClaims(GESTORA) });
    const sent: string[] = [];
    const fetch: FetchLike = async (url, init) => {
      sent.push(`${init.method} ${url}`);
      return { status: 200, headers: { get: (n: string) => (n.toLowerCase() === "content-type" ? "application/json" : null) }, text: async () => JSON.stringify(answer.body) };
    };
    const client = createApiClient({ baseUrl: "http://127.0.0.1:4000", getToken: () => "tok", fetch });
    const res = await client.report(id, { asOf: "2025-04-30" });
    expect(sent).toEqual([`GET http://127.0.0.1:4000/v1/cooperatives/${id}/report?asOf=2025-04-30`]);
    expect(res.report.leverage.awarded).toBe(1_500_000);
    await client.report(id);
    expect(sent[1]).toBe(`GET http://127.0.0.1:4000/v1/cooperatives/${id}/report`);
  });
});
