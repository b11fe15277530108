/**
 * Browser e2e (headless chromium, built pane in the preview host, local API on DynamoDB Local):
 * the review loop in the pane (issue 12). The AOS sees the region's cooperatives as cards, opens a
 * resubmitted plan and reads what changed since the last submission, opens «Devolver» (a Dialog
 * naming the cooperative, focus inside, Esc closes) and returns it; the gestora sees «Observación
 * del AOS»; Sercotec (regions *) sees every region with no decision buttons. At 320, 350, 500 and
 * 800 px the pane never scrolls sideways in the AOS states.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import type { ApiClient } from "@coop-plans/shared/api";
import type { Plan } from "@coop-plans/shared/domain";
import { parseWorkbook } from "@coop-plans/shared/workbook";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import { browserSkipReason } from "./support/browser";
import { overflowOf, seriousViolations } from "./support/layout";
import { startLocalStack, type LocalStack } from "./support/localStack";
import { ROOT } from "./support/pane";

const corral = path.join(ROOT, "tests/fixtures/emailed/mariscadoras_corral.xlsx");
const skipReason = browserSkipReason();
if (skipReason) console.warn(`e2e skipped: ${skipReason}`);
const maybe = skipReason ? describe.skip : describe;
const GESTORA = "gestora.loop@ejemplo.cl";
const AOS = "aos.loop@ejemplo.cl";
const WIDTHS = [320, 350, 500, 800];


async function expectFits(page: Page, state: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForTimeout(50);
    expect({ state, width, ...(await overflowOf(page)) }).toEqual({ state, width, pageScrolls: false, paneScrolls: false, offenders: [] });
  }
  // The AOS's and Sercotec's states pass axe as the gestor's do (issue «The pane … at scale»).
  expect({ state, violations: await seriousViolations(page) }).toEqual({ state, violations: [] });
}

maybe("the review loop in the pane (headless chromium, DynamoDB Local)", () => {
  jest.setTimeout(300_000);
  let stack: LocalStack;
  let gestora: ApiClient;
  let aos: ApiClient;
  let tokens: { gestora: string; aos: string; sercotec: string };
  let cooperativeId: string;
  let plan: Plan;
  let errors: string[] = [];

  async function signIn(token: string): Promise<Page> {
    const signedIn = await stack.signIn(token, 350);
    errors = signedIn.errors;
    return signedIn.page;
  }

  beforeAll(async () => {
    stack = await startLocalStack("loop");
    tokens = {
      gestora: await stack.token(GESTORA, "gestor", "14"),
      aos: await stack.token(AOS, "aos", "14"),
      sercotec: await stack.token("central@sercotec.cl", "sercotec", "*"),
    };
    aos = stack.client(tokens.aos);
    gestora = stack.client(tokens.gestora);
    plan = parseWorkbook(await readWorkbookGrids(new Uint8Array(readFileSync(corral)))).plan;
    cooperativeId = (await aos.registerCooperative("14", { name: plan.cooperative.name!, modality: "creacion", callYear: 2025, gestorEmail: GESTORA })).id;
    await aos.registerCooperative("14", { name: "Cooperativa de Pescadores Artesanales de Niebla y Los Molinos, Valdivia", modality: "fortalecimiento", callYear: 2025, gestorEmail: null });
    // Submitted (v2), returned (v3), edited (v4: 50.000 moved from Sercotec to the members) and submitted again (v5).
    await gestora.putPlan(cooperativeId, { plan, baseVersion: 0 }, "e2e-loop-v1");
    await gestora.transition(cooperativeId, { action: "submit" });
    await aos.transition(cooperativeId, { action: "return", comment: "Revise los aportes de la línea 1." });
    const edited: Plan = JSON.parse(JSON.stringify(plan));
    edited.investmentLines[0].sercotecAmount = (edited.investmentLines[0].sercotecAmount ?? 0) - 50_000;
    edited.investmentLines[0].ownAmount = (edited.investmentLines[0].ownAmount ?? 0) + 50_000;
    await gestora.putPlan(cooperativeId, { plan: edited, baseVersion: 3 }, "e2e-loop-v4");
    await gestora.transition(cooperativeId, { action: "submit" });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("the AOS opens the plan's changes, returns it in a Dialog; no sideways scroll from 320 to 800 px", async () => {
    const page = await signIn(tokens.aos);
    const cards = page.getByRole("list", { name: "Cooperativas de la región Los Ríos" });
    await cards.waitFor({ timeout: 30_000 });
    expect(await cards.getByRole("listitem").count()).toBe(2);
    await expectFits(page, "cards");

    await page.getByRole("button", { name: `Ver plan de ${plan.cooperative.name}` }).click();
    const review = page.getByRole("region", { name: `Plan de «${plan.cooperative.name}»` });
    await review.getByText(/Desde la versión 2/).waitFor({ timeout: 30_000 });
    const changes = await review.getByRole("list", { name: "Cambios en las líneas" }).innerText();
    expect(changes).toContain(`Cambió: Línea N° ${plan.investmentLines[0].number}`);
    expect(changes).toMatch(/Aporte Sercotec: \$[\d.]+ → \$[\d.]+/);
    expect(await review.getByRole("list", { name: "Cambios en los totales" }).innerText()).toContain("Aporte Sercotec: $4.040.000 → $3.990.000 (−$50.000)");
    await expectFits(page, "review open");

    await page.getByRole("button", { name: `Devolver con observaciones el plan de ${plan.cooperative.name}` }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText(`Devolver el plan de «${plan.cooperative.name}»`).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => document.activeElement?.closest("[role=dialog]") !== null)).toBe(true);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached", timeout: 10_000 });
    await page.getByRole("button", { name: `Devolver con observaciones el plan de ${plan.cooperative.name}` }).click();
    await page.getByRole("textbox", { name: /Observaciones para el gestor/ }).fill("Falta la segunda cotización de la línea 1.");
    await page.getByRole("dialog").getByRole("button", { name: "Devolver con observaciones" }).click();
    await page.getByText(`Plan de «${plan.cooperative.name}» devuelto con observaciones.`).waitFor({ timeout: 30_000 });
    expect((await aos.getPlan(cooperativeId)).status).toBe("observado");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the gestora sees «Observación del AOS» and the history in her pane", async () => {
    const page = await signIn(tokens.gestora);
    const status = page.getByRole("region", { name: "Estado del plan" });
    await status.getByText("Observación del AOS").waitFor({ timeout: 30_000 });
    const text = await status.innerText();
    expect(text).toContain("Estado del plan: Observado · versión 6");
    expect(text).toContain("Falta la segunda cotización de la línea 1.");
    expect(text).toMatch(/\d{2}-\d{2}-\d{4}, \d{2}:\d{2}/);
    await expectFits(page, "gestora status");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Sercotec (regions *) sees every region's cooperatives, read-only", async () => {
    const page = await signIn(tokens.sercotec);
    const cards = page.getByRole("list", { name: "Cooperativas de todas las regiones" });
    await cards.waitFor({ timeout: 30_000 });
    expect(await cards.getByRole("listitem").count()).toBe(2);
    expect(await page.getByText("Cargando cooperativas…").count()).toBe(0);
    expect(await page.getByRole("button", { name: /^(Aprobar|Devolver|Reabrir)/ }).count()).toBe(0);
    await expectFits(page, "sercotec");
    expect(errors).toEqual([]);
    await page.close();
  });
});
