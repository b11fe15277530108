/**
 * The task pane at a task pane's width (issue 14): the built preview host in headless chromium at
 * 320 and 350 px wide (Excel's task pane is about 320–350 px by default; under 800 px the preview
 * puts the pane on top at full width). In every gestor state reachable without a backend — signed
 * out, findings listed, 4,000 findings summed up by rule, filtered with «Ver más», the API
 * unreachable with «Reintentar», the template panel open — the pane has no horizontal overflow
 * and axe-core finds no serious or critical violation. Also: the arrow keys move between findings.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { creacionPlan } from "../fixtures/fixturePlans";
import { writeCleanWorkbook } from "../fixtures/fixtureWorkbook";
import { browserSkipReason, launchBrowser, type Browser } from "./support/browser";
import { overflowOf, seriousViolations } from "./support/layout";
import { buildPane, startPaneServer, type PaneServer } from "./support/pane";

const skipReason = browserSkipReason();
if (skipReason) console.warn(`e2e skipped: ${skipReason}`);
const maybe = skipReason ? describe.skip : describe;

const WIDTHS = [320, 350];


/** Checks the current state at every width: no sideways scroll, no serious axe violation. */
async function expectFits(page: Page, state: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 700 });
    await page.waitForTimeout(50);
    const overflow = await overflowOf(page);
    expect({ state, width, ...overflow }).toEqual({ state, width, pageScrolls: false, paneScrolls: false, offenders: [] });
    expect({ state, width, violations: await seriousViolations(page) }).toEqual({ state, width, violations: [] });
  }
}

maybe("the task pane at 320 and 350 px (headless chromium)", () => {
  jest.setTimeout(300_000);
  let pane: PaneServer;
  let browser: Browser;
  let context: BrowserContext;
  let dir: string;
  let manyErrors: string;
  let someErrors: string;

  beforeAll(async () => {
    buildPane();
    pane = await startPaneServer();
    browser = await launchBrowser();
    context = browser.context;
    dir = mkdtempSync(path.join(os.tmpdir(), "coop-plans-layout-"));
    // `lines` investment lines (the sample's six repeated), every total $1.000 off: INV-001 and INV-002 on each line.
    const withWrongTotals = async (lines: number, name: string) => {
      const plan = creacionPlan();
      const base = plan.investmentLines;
      plan.investmentLines = Array.from({ length: lines }, (_, i) => {
        const line: Record<string, unknown> = { ...base[i % base.length], number: i + 1 };
        return { ...line, total: (line.total as number) + 1000 };
      });
      const file = path.join(dir, name);
      writeFileSync(file, await writeCleanWorkbook(plan));
      return file;
    };
    manyErrors = await withWrongTotals(2000, "plan_con_4000_errores.xlsx");
    someErrors = await withWrongTotals(6, "plan_con_errores.xlsx");
  });

  afterAll(async () => {
    await browser?.close();
    pane?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function openPreview(): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.setViewportSize({ width: WIDTHS[0], height: 700 });
    await page.goto(`${pane.url}/preview.html`);
    await page.getByRole("button", { name: "Validar", exact: true }).waitFor();
    return { page, errors };
  }

  async function load(page: Page, file: string): Promise<void> {
    await page.getByTestId("file-input").setInputFiles(file);
    await page.getByText(`Libro cargado: ${path.basename(file)}`).waitFor({ timeout: 60_000 });
  }

  it("signed out, findings listed, the template panel open: fits and passes axe", async () => {
    const { page, errors } = await openPreview();
    // The preview's file choice reads in Spanish (the browser's own input would say «Choose File»).
    expect(await page.getByRole("button", { name: "Elegir archivo…" }).count()).toBe(1);
    expect(await page.getByText("Ningún archivo elegido").count()).toBe(1);
    await expectFits(page, "sin sesión");

    await load(page, someErrors);
    await page.getByRole("button", { name: "Validar", exact: true }).click();
    await page.locator(".pane-summary").waitFor({ timeout: 60_000 });
    await expectFits(page, "hallazgos");

    await page.getByText("Plantilla del plan").click();
    await page.getByRole("button", { name: "Insertar plantilla" }).waitFor();
    await expectFits(page, "plantilla");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("4,000 findings: summed up by rule, then filtered to one with «Ver más»; fits and passes axe; arrow keys move between findings", async () => {
    const { page, errors } = await openPreview();
    await load(page, manyErrors);
    await page.getByRole("button", { name: "Validar", exact: true }).click();
    await page.locator(".pane-summary").waitFor({ timeout: 60_000 });
    expect(await page.locator(".pane-summary").textContent()).toMatch(/^4\.001 errores y 0 advertencias\./);
    expect(await page.locator("li[data-rule]").count()).toBeLessThan(10);
    await expectFits(page, "4.000 hallazgos resumidos");

    await page.locator("li[data-summary][data-rule='INV-001'] button").click();
    await page.getByRole("button", { name: "Ver más (50)" }).click();
    expect(await page.locator("li[data-rule='INV-001']").count()).toBe(100);
    const findings = page.locator("li[data-rule] button");
    await findings.nth(0).focus();
    await page.keyboard.press("ArrowDown");
    expect(await findings.nth(1).evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press("End");
    expect(await findings.nth(99).evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press("ArrowUp");
    expect(await findings.nth(98).evaluate((b) => b === document.activeElement)).toBe(true);
    await expectFits(page, "filtrado, ver más");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("signed in but the API unreachable: one state with «Reintentar»; fits and passes axe", async () => {
    const { page, errors } = await openPreview();
    // A saved local-mode session pointing at a port nobody listens on.
    await page.evaluate(`localStorage.setItem("coopPlans.session", JSON.stringify({ apiUrl: "http://127.0.0.1:9", token: "a.b.c" }))`);
    await page.reload();
    await page.getByRole("button", { name: "Reintentar" }).waitFor({ timeout: 30_000 });
    expect(await page.getByText("Sesión iniciada").count()).toBe(0);
    expect(await page.getByText(/Inicie sesión para sincronizar/).count()).toBe(0);
    await expectFits(page, "sin conexión");
    expect(errors).toEqual([]);
    await page.close();
  });
});
