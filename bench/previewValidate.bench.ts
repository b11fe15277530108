/**
 * Preview Validar benchmark (`npm run bench`, or `npx tsx bench/previewValidate.bench.ts`): the
 * built task pane (vite, OFFICE_JS=local) in the preview host, served by addin/serve.ts on a free
 * port of 127.0.0.1, driven in Debian's chromium (playwright-core, fresh profile). It loads a
 * generated creación plan of 2,000 investment lines whose every total is off by $1.000 (INV-001
 * and INV-002 on each line: 4,000 errors and more), then times, inside the page, a click on
 * «Validar» until the findings list and the summary are rendered and painted (ms, median of the
 * timed runs after one untimed). Exits 1 when the median is above 1,500 ms, 2 when it cannot run.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { creacionPlan } from "../tests/fixtures/fixturePlans";
import { writeCleanWorkbook } from "../tests/fixtures/fixtureWorkbook";
import { browserSkipReason, launchBrowser } from "../tests/e2e/support/browser";
import { buildPane, startPaneServer } from "../tests/e2e/support/pane";
import { median } from "./benchStats";

const BUDGET_MS = 1500;
const LINES = 2000;
const RUNS = 5;


/** The creación plan with `LINES` investment lines, each total $1.000 above quantity × unit price. */
async function workbookWithErrors(): Promise<Buffer> {
  const plan = creacionPlan();
  const base = plan.investmentLines;
  plan.investmentLines = Array.from({ length: LINES }, (_, i) => {
    const line: Record<string, unknown> = { ...base[i % base.length], number: i + 1 };
    return { ...line, total: (line.total as number) + 1000 };
  });
  return writeCleanWorkbook(plan);
}

/**
 * In the page: clears the previous run's list («Quitar marcas»), clicks Validar, waits (polling
 * each animation frame) until the findings list is rendered and no spinner is left, then for one
 * more frame (painted); resolves to the ms, the number of list items on screen and the summary line. A string, so that the page gets it as
 * written (tsx's helpers do not exist there).
 */
const VALIDATE_IN_PAGE = `(async () => {
  const REGION = '[role="region"][aria-label="Hallazgos"]';
  const buttonNamed = (name) => [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === name);
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const until = async (done, what) => {
    const since = performance.now();
    while (!done()) {
      if (performance.now() - since > 120000) throw new Error(what + ": not in 120 s");
      await frame();
    }
  };
  // A list from the previous run must not count: «Quitar marcas» removes it first.
  const clear = buttonNamed("Quitar marcas");
  if (clear) {
    clear.click();
    await until(() => !document.querySelector(REGION), "Quitar marcas");
  }
  const validar = buttonNamed("Validar");
  if (!validar) throw new Error("no Validar button");
  const start = performance.now();
  validar.click();
  await until(() => {
    const list = document.querySelector(REGION);
    return list && list.querySelector("li") && document.querySelector(".pane-summary") && document.querySelectorAll(".fui-Spinner").length === 0;
  }, "Validar");
  await frame();
  const ms = performance.now() - start;
  return { ms, items: document.querySelector(REGION).querySelectorAll("li").length, summary: document.querySelector(".pane-summary").textContent };
})()`;

async function main(): Promise<number> {
  const skip = browserSkipReason();
  if (skip) {
    console.log(`(no se puede medir: ${skip})`);
    return 2;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "coop-plans-bench-preview-"));
  const file = path.join(dir, "plan_2000_lineas_con_errores.xlsx");
  writeFileSync(file, await workbookWithErrors());
  buildPane();
  const server = await startPaneServer();
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(`${server.url}/preview.html`);
    await page.getByTestId("file-input").setInputFiles(file);
    await page.getByText(/Libro cargado:/).waitFor({ timeout: 120_000 });
    const times: number[] = [];
    let last = { ms: 0, items: 0, summary: "" };
    for (let i = 0; i <= RUNS; i++) {
      last = (await page.evaluate(VALIDATE_IN_PAGE)) as typeof last;
      if (i > 0) times.push(last.ms);
    }
    if (pageErrors.length > 0) throw new Error(`errores en la página: ${pageErrors.join("; ")}`);
    const ms = median(times);
    console.log(`Validar + lista en la vista previa, ${LINES} líneas: ${last.summary.trim()}`);
    console.log(`  elementos de la lista en pantalla: ${last.items}`);
    console.log(`  ejecuciones (ms): ${times.map((t) => t.toFixed(0)).join(", ")}`);
    const ok = ms <= BUDGET_MS;
    console.log(`  mediana: ${ms.toFixed(0)} ms (meta ≤ ${BUDGET_MS} ms) ${ok ? "✓" : "✗ fuera de la meta"}`);
    return ok ? 0 : 1;
  } finally {
    await browser.close();
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`No se pudo medir: ${(error as Error).message}`);
    process.exit(2);
  },
);
