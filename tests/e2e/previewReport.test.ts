/**
 * Browser test of "Informe de avance" in the preview host: vite builds the task pane (OFFICE_JS=local)
 * into its own temporary folder (so it never races another e2e build of addin/dist), addin/serve.ts
 * serves it, Debian's chromium (playwright-core) loads tests/fixtures/followup_creacion.xlsx,
 * clicks "Informe de avance" and checks the new sheet on the rendered grid (planned and executed
 * totals, the table by ítem, the chart's title); saves test-results/addin-preview-informe.png.
 * The browser comes from tests/e2e/support/browser.ts; the build and server are this file's own
 * (support/pane.ts builds into the shared addin/dist, which parallel workers could race on).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { browserSkipReason, launchBrowser, type Browser } from "./support/browser";

const root = path.resolve(__dirname, "../..");
const workbook = path.join(root, "tests/fixtures/followup_creacion.xlsx");
const skipReason = browserSkipReason() ?? (!existsSync(workbook) ? "no followup_creacion.xlsx fixture" : null);
if (skipReason) console.warn(`e2e skipped: ${skipReason}`);
const maybe = skipReason ? describe.skip : describe;

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

maybe("Informe de avance in the preview host (headless chromium)", () => {
  jest.setTimeout(180_000);
  let server: ChildProcess;
  let baseUrl: string;
  let context: BrowserContext;
  let browser: Browser;
  let outDir: string;

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(os.tmpdir(), "coop-plans-pane-"));
    const built = spawnSync(path.join(root, "node_modules/.bin/vite"), ["build", "--logLevel", "warn", "--outDir", outDir, "--emptyOutDir"], {
      cwd: path.join(root, "addin"), env: { ...process.env, OFFICE_JS: "local" }, encoding: "utf8",
    });
    if (built.status !== 0) throw new Error(`vite build failed:\n${built.stderr}`);
    const port = await freePort();
    server = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "addin/serve.ts"), "--port", String(port), "--dir", outDir], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    baseUrl = await new Promise<string>((resolve, reject) => {
      server.stdout!.on("data", (d: Buffer) => {
        const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(d.toString());
        if (m) resolve(m[1]);
      });
      server.stderr!.on("data", (d: Buffer) => reject(new Error(d.toString())));
      server.once("exit", (code) => reject(new Error(`serve.ts exited with ${code}`)));
    });
    browser = await launchBrowser();
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it("loads followup_creacion.xlsx, writes the Informe de avance sheet with planned and executed investment and its chart", async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/preview.html`);
    await page.getByTestId("file-input").setInputFiles(workbook);
    await page.getByText(/Libro cargado: followup_creacion\.xlsx/).waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Informe de avance", exact: true }).click();
    await page.getByText(/Se escribió la hoja «Informe de avance» con el informe de avance al \d{2}-\d{2}-\d{4}/).waitFor({ timeout: 30_000 });

    await page.getByRole("tab", { name: "Informe de avance" }).click();
    const grid = page.locator('table[data-sheet="Informe de avance"]');
    await grid.waitFor();
    const cell = (address: string) => grid.locator(`td[data-cell="${address}"]`).textContent();
    /** The B-column value of the Resumen row labelled `label`. */
    const valueOf = async (label: string) => {
      const row = grid.locator("tr", { has: page.locator(`td[data-cell^="A"]`, { hasText: new RegExp(`^${label}$`) }) });
      return row.locator('td[data-cell^="B"]').textContent();
    };
    // Amounts read as the sheet formats them ("$"#,##0 in es-CL), not as raw numbers.
    expect(await cell("A1")).toMatch(/^Informe de avance: Grupo Pre-cooperativo Recolectoras de Murta de Llanquihue \(al \d{2}-\d{2}-\d{4}\)$/);
    expect(await valueOf("Inversión planificada \\(total neto\\)")).toBe("$5.350.000");
    expect(await valueOf("Inversión ejecutada")).toBe("$3.160.000");
    expect(await valueOf("Monto adjudicado")).toBe("$1.200.000");
    // The table by ítem: header on row 43, Activos on row 47.
    expect([await cell("A43"), await cell("B43"), await cell("C43")]).toEqual(["Ítem", "Planificado", "Ejecutado"]);
    expect([await cell("A47"), await cell("B47"), await cell("C47")]).toEqual(["Activos", "$2.400.000", "$2.350.000"]);
    expect([await cell("A49"), await cell("B49"), await cell("C49")]).toEqual(["Gastos de formalización", "$450.000", "$450.000"]);
    await page.getByText("Gráfico: Inversión planificada y ejecutada por ítem").waitFor();

    await grid.locator('td[data-cell="A40"]').scrollIntoViewIfNeeded();
    mkdirSync(path.join(root, "test-results"), { recursive: true });
    await page.screenshot({ path: path.join(root, "test-results/addin-preview-informe.png"), fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });
});
