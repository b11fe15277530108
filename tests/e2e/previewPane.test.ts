/**
 * Browser test of the built task pane: vite builds addin/ (OFFICE_JS=local), addin/serve.ts serves
 * it, Debian's chromium (playwright-core) opens the preview host, loads a fixture workbook, clicks
 * Validar and checks the findings and the marks on the rendered grid; saves a screenshot under
 * test-results/. The sync to the local backend is previewSync.test.ts.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { browserSkipReason, launchBrowser, type Browser } from "./support/browser";
import { buildPane, ROOT as root, startPaneServer, type PaneServer } from "./support/pane";

const workbook = [path.join(root, "tests/fixtures/broken_textil.xlsx"), path.resolve(root, "../shared/samples/broken_textil.xlsx")].find((f) => existsSync(f));
const skipReason = browserSkipReason() ?? (!workbook ? "no broken_textil.xlsx fixture (tests/fixtures or ../shared/samples beside the repo)" : null);
if (skipReason) console.warn(`e2e skipped: ${skipReason}`);
const maybe = skipReason ? describe.skip : describe;

maybe("task pane in the preview host (headless chromium)", () => {
  jest.setTimeout(180_000);
  let pane: PaneServer;
  let baseUrl: string;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    buildPane();
    pane = await startPaneServer();
    baseUrl = pane.url;
    browser = await launchBrowser();
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    pane?.stop();
  });

  it("serves office.js locally and the task pane page", async () => {
    const page = await context.newPage();
    const office = await page.request.get(`${baseUrl}/office-js/office.js`);
    expect(office.status()).toBe(200);
    await page.goto(`${baseUrl}/taskpane.html`);
    // Outside Office the pane points to the preview instead of failing.
    await page.getByText("Este panel funciona dentro de Excel").waitFor({ timeout: 20_000 });
    await page.close();
  });

  it("loads broken_textil.xlsx, validates, lists INV-001, COOP-001 and INV-005 on their cells and marks them", async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/preview.html`);
    await page.getByTestId("file-input").setInputFiles(workbook!);
    await page.getByText(/Libro cargado: broken_textil\.xlsx/).waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Validar", exact: true }).click();
    await page.locator("li[data-rule]").first().waitFor({ timeout: 30_000 });

    const found = await page.locator("li[data-rule]").evaluateAll((items) =>
      items.map((li) => ({ rule: li.getAttribute("data-rule"), cell: li.getAttribute("data-cell"), severity: li.getAttribute("data-severity"), sheet: li.closest("section")?.querySelector("h3")?.firstChild?.textContent?.trim() })),
    );
    const errorsFound = found.filter((f) => f.severity === "error");
    expect(errorsFound).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: "INV-001", sheet: "Plan de Inversiones", cell: expect.stringMatching(/^(I6|G6|H6)$/) }),
        expect.objectContaining({ rule: "COOP-001", sheet: "Socios", cell: "C6" }),
        expect.objectContaining({ rule: "INV-005", sheet: "Plan de Inversiones", cell: "J1" }),
      ]),
    );
    expect(errorsFound).toHaveLength(3);

    // Clicking a finding selects its cell on the rendered grid, which carries the mark.
    await page.getByRole("button", { name: /^Error COOP-001 C6 — / }).click();
    const c6 = page.locator('table[data-sheet="Socios"] td[data-cell="C6"]');
    await c6.waitFor();
    expect(await c6.getAttribute("data-mark")).toBe("error");
    expect(await c6.getAttribute("class")).toContain("selected");
    await page.getByRole("tab", { name: "Plan de Inversiones" }).click();
    expect(await page.locator('table[data-sheet="Plan de Inversiones"] td[data-cell="J1"]').getAttribute("data-mark")).toBe("error");

    mkdirSync(path.join(root, "test-results"), { recursive: true });
    await page.screenshot({ path: path.join(root, "test-results/addin-preview-validar.png"), fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("refuses in the browser a zip whose part inflates past its declared size, and still reads a clean workbook after it", async () => {
    // In the browser the reader inflates with DecompressionStream under the declared size: before,
    // SheetJS inflated the 64 MB padding of a part declaring 1 KB and the file loaded.
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/preview.html`);
    await page.getByTestId("file-input").setInputFiles(path.join(root, "tests/fixtures/reader/zip-lying-sizes.xlsx"));
    const refusal = page.getByText(/No se pudo leer «zip-lying-sizes\.xlsx»/);
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.textContent()).toContain("La parte «xl/media/padding.xml» del archivo se expande más de lo que declara (1 KB)");
    expect(await page.getByText(/Libro cargado/).count()).toBe(0);

    await page.getByTestId("file-input").setInputFiles(workbook!);
    await page.getByText(/Libro cargado: broken_textil\.xlsx/).waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
