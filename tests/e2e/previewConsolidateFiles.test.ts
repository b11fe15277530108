/**
 * Browser test of the pane's «Consolidar archivos recibidos» (headless chromium, the built pane in
 * the preview host, no backend and no sign-in): the AOS picks three e-mailed workbooks and gets
 * the Consolidado sheet with its chart; its «Inversión total» is the sum of the three plans.
 */
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { browserSkipReason, launchBrowser, type Browser } from "./support/browser";
import { buildPane, ROOT as root, startPaneServer, type PaneServer } from "./support/pane";

const skipReason = browserSkipReason();
if (skipReason) console.warn(`e2e skipped: ${skipReason}`);
const maybe = skipReason ? describe.skip : describe;
const emailed = (name: string) => path.join(root, "tests/fixtures/emailed", name);

maybe("pane: consolidate e-mailed workbooks with no sign-in (headless chromium)", () => {
  jest.setTimeout(180_000);
  let pane: PaneServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    buildPane();
    pane = await startPaneServer();
    browser = await launchBrowser();
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    pane?.stop();
  });

  it("picks three workbooks, writes «Consolidado» with its chart and the summed total", async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${pane.url}/preview.html`);
    await page.getByText("Consolidar archivos recibidos").click();
    await page.getByTestId("consolidate-files-input").setInputFiles([
      emailed("murta_llanquihue_nov.xlsx"), emailed("apicola_itata.xlsx"), emailed("mariscadoras_corral.xlsx"), emailed("murta_llanquihue.xlsx"),
    ]);
    await page.getByRole("button", { name: "Consolidar archivos" }).click();
    const status = page.getByText(/Se escribió la hoja «Consolidado» con 3 cooperativas/);
    await status.waitFor({ timeout: 60_000 });
    expect(await status.textContent()).toContain("inversión total $25.370.000");
    await page.getByText(/«Grupo Pre-cooperativo Recolectoras de Murta de Llanquihue» está en «murta_llanquihue_nov\.xlsx» y «murta_llanquihue\.xlsx»/).waitFor();
    await page.getByRole("tab", { name: "Consolidado" }).click();
    await page.getByText("Gráfico: Aporte Sercotec y aporte empresarial por ítem").waitFor();
    const cells = await page.locator('table[data-sheet="Consolidado"] td').allTextContents();
    expect(cells).toContain("$25.370.000"); // the preview shows numbers through their CLP format
    expect(cells).toContain("Archivo");
    expect(errors).toEqual([]);
    await page.close();
  });
});
