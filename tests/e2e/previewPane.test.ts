/**
 * Browser test of the built task pane: vite builds addin/ (OFFICE_JS=local), addin/serve.ts serves
 * it, Debian's chromium (playwright-core) opens the preview host, loads a fixture workbook, clicks
 * Validar and checks the findings and the marks on the rendered grid; saves a screenshot under
 * test-results/.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

const root = path.resolve(__dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";
const workbook = [path.join(root, "tests/fixtures/broken_textil.xlsx"), "/work/shared/samples/broken_textil.xlsx"].find((f) => existsSync(f));
const skipReason = !existsSync(CHROMIUM) ? "Debian chromium is not installed (apt-get install -y chromium)" : !workbook ? "no broken_textil.xlsx fixture (tests/fixtures or /work/shared/samples)" : null;
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

maybe("task pane in the preview host (headless chromium)", () => {
  jest.setTimeout(180_000);
  let server: ChildProcess;
  let baseUrl: string;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    const built = spawnSync(path.join(root, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"], { cwd: path.join(root, "addin"), env: { ...process.env, OFFICE_JS: "local" }, encoding: "utf8" });
    if (built.status !== 0) throw new Error(`vite build failed:\n${built.stderr}`);
    const port = await freePort();
    server = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "addin/serve.ts"), "--port", String(port)], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    baseUrl = await new Promise<string>((resolve, reject) => {
      server.stdout!.on("data", (d: Buffer) => {
        const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(d.toString());
        if (m) resolve(m[1]);
      });
      server.stderr!.on("data", (d: Buffer) => reject(new Error(d.toString())));
      server.once("exit", (code) => reject(new Error(`serve.ts exited with ${code}`)));
    });
    profile = mkdtempSync(path.join(os.tmpdir(), "coop-plans-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
      viewport: { width: 1400, height: 900 },
    });
  });

  afterAll(async () => {
    await context?.close();
    server?.kill();
    if (profile) rmSync(profile, { recursive: true, force: true });
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
    await page.getByRole("button", { name: /COOP-001 en Socios!C6/ }).click();
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

  it.todo("syncs the validated workbook to the local backend (functions/local) and the revision is stored");
});
