/**
 * Browser e2e (headless chromium, built pane in the preview host, local API on DynamoDB Local,
 * through the shared harness support/localStack.ts), issue 12:
 * (a) an observation written by the AOS appears on the gestor's cell: the AOS opens the plan from
 *     the region list, pins an observation to a line of the Plan de inversiones by its N° and
 *     returns; the gestora loads her workbook, clicks «Poner observaciones en las celdas» and the
 *     note «Observación del AOS» with the text is on that line's N° cell; «Quitar marcas» leaves it.
 * (b) «Guardar de todos modos»: a workbook whose cooperative differs from the registered one is
 *     refused (422, nothing saved) until the gestora confirms in the pane; then it saves.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Plan } from "@coop-plans/shared/domain";
import { parseWorkbook } from "@coop-plans/shared/workbook";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import type { Page } from "playwright-core";
import { browserSkipReason } from "./support/browser";
import { overflowOf, seriousViolations } from "./support/layout";
import { startLocalStack, type LocalStack } from "./support/localStack";
import { ROOT } from "./support/pane";

const corral = path.join(ROOT, "tests/fixtures/emailed/mariscadoras_corral.xlsx");
const skipReason = browserSkipReason();
if (skipReason) console.warn(`e2e skipped: ${skipReason}`);
const maybe = skipReason ? describe.skip : describe;
const GESTORA = "gestora.obs@ejemplo.cl";
const OTRA_GESTORA = "gestora.identidad@ejemplo.cl";
const AOS = "aos.obs@ejemplo.cl";
const TEXT = "Falta la segunda cotización: adjunte dos proveedores.";

/** At task-pane widths nothing scrolls sideways, and axe finds no serious violation. */
async function expectFits(page: Page, state: string): Promise<void> {
  for (const width of [320, 500]) {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForTimeout(50);
    expect({ state, width, ...(await overflowOf(page)) }).toEqual({ state, width, pageScrolls: false, paneScrolls: false, offenders: [] });
  }
  expect({ state, violations: await seriousViolations(page) }).toEqual({ state, violations: [] });
}

maybe("the AOS's observations on the gestora's cells; «Guardar de todos modos» (headless chromium, DynamoDB Local)", () => {
  jest.setTimeout(300_000);
  let stack: LocalStack;
  let plan: Plan;
  let cooperativeId: string;
  let tokens: { aos: string; gestora: string; otra: string };

  beforeAll(async () => {
    stack = await startLocalStack("observations");
    tokens = {
      aos: await stack.token(AOS, "aos", "14"),
      gestora: await stack.token(GESTORA, "gestor", "14"),
      otra: await stack.token(OTRA_GESTORA, "gestor", "14"),
    };
    const aos = stack.client(tokens.aos);
    const gestora = stack.client(tokens.gestora);
    plan = parseWorkbook(await readWorkbookGrids(new Uint8Array(readFileSync(corral)))).plan;
    cooperativeId = (await aos.registerCooperative("14", { name: plan.cooperative.name!, modality: "creacion", callYear: 2025, gestorEmail: GESTORA })).id;
    await gestora.putPlan(cooperativeId, { plan, baseVersion: 0 }, "e2e-obs-v1");
    await gestora.transition(cooperativeId, { action: "submit" });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("(a) the AOS pins an observation to a line; the gestora places it and it is a note on that line's N° cell, kept by «Quitar marcas»", async () => {
    const target = plan.investmentLines[1];
    const n = target.number!;
    const cell = target.source!.cells.number;

    // The AOS: region list → Ver plan → pin the observation to line N° n → Devolver.
    const aos = await stack.signIn(tokens.aos, 500);
    await aos.page.getByRole("button", { name: `Ver plan de ${plan.cooperative.name}` }).click();
    const form = aos.page.getByRole("region", { name: `Decisión sobre el plan de ${plan.cooperative.name}` });
    await form.waitFor({ timeout: 30_000 });
    const where = form.getByRole("combobox", { name: "Observación en una línea o campo: dónde" });
    await where.selectOption(`investment:${n}`);
    await form.getByRole("textbox", { name: "Texto de la observación" }).fill(TEXT);
    await form.getByRole("button", { name: "Agregar observación" }).click();
    expect(await form.getByRole("list", { name: "Observaciones por enviar" }).innerText()).toContain(`Línea ${n} del Plan de inversiones: ${TEXT}`);
    await expectFits(aos.page, "decision form");
    await form.getByRole("button", { name: "Devolver con estas observaciones" }).click();
    await aos.page.getByText(`Plan de «${plan.cooperative.name}» devuelto con observaciones.`).waitFor({ timeout: 30_000 });
    const stored = await stack.client(tokens.aos).getPlan(cooperativeId);
    expect(stored).toMatchObject({ version: 3, status: "observado", observations: [{ target: { kind: "line", plan: "investment", lineNumber: n }, text: TEXT }] });
    expect(aos.errors).toEqual([]);
    await aos.page.close();

    // The gestora: loads her workbook, sees the observation with its target, places it.
    const { page, errors } = await stack.signIn(tokens.gestora);
    await page.getByTestId("file-input").setInputFiles(corral);
    await page.getByText("Libro cargado: mariscadoras_corral.xlsx").waitFor({ timeout: 30_000 });
    const status = page.getByRole("region", { name: "Estado del plan" });
    const list = status.getByRole("list", { name: "Observaciones del AOS" });
    await list.waitFor({ timeout: 30_000 });
    expect(await list.innerText()).toBe(`Línea ${n} del Plan de inversiones: ${TEXT}`);
    await status.getByRole("button", { name: "Poner observaciones en las celdas" }).click();
    await status.getByText("Se puso 1 nota «Observación del AOS» en las celdas.").waitFor({ timeout: 30_000 });
    expect(await list.innerText()).toBe(`Línea ${n} del Plan de inversiones: ${TEXT} — nota en Plan de Inversiones!${cell}`);
    await expectFits(page, "observations placed");
    await page.setViewportSize({ width: 1400, height: 900 });

    // The cell link goes to the note: the preview shows the Plan de Inversiones with that cell selected.
    await list.getByRole("button", { name: `Ir a Plan de Inversiones!${cell}` }).click();
    const noted = page.locator(`table[data-sheet="Plan de Inversiones"] td[data-cell="${cell}"]`);
    await noted.waitFor({ timeout: 10_000 });
    expect(await noted.getAttribute("class")).toContain("selected");
    const note = `Observación del AOS\nLínea ${n} del Plan de inversiones: ${TEXT}`;
    expect(await noted.getAttribute("data-note")).toBe("observation");
    expect(await noted.getAttribute("title")).toBe(note);
    expect(await page.locator('td[data-note="observation"]').count()).toBe(1);

    // Validar marks cells; «Quitar marcas» clears them and leaves the observation's note.
    await page.getByRole("button", { name: "Validar" }).click();
    const clear = page.getByRole("button", { name: "Quitar marcas" });
    await clear.waitFor({ timeout: 30_000 });
    await clear.click();
    await clear.waitFor({ state: "detached", timeout: 10_000 });
    expect(await page.locator("td[data-mark]").count()).toBe(0);
    expect(await noted.getAttribute("title")).toBe(note);
    expect(await noted.getAttribute("data-note")).toBe("observation");

    // Placing again replaces ours: still one note, on the same cell.
    await status.getByRole("button", { name: "Poner observaciones en las celdas" }).click();
    await status.getByText("Se puso 1 nota «Observación del AOS» en las celdas.").waitFor({ timeout: 30_000 });
    expect(await page.locator('td[data-note="observation"]').count()).toBe(1);
    await page.screenshot({ path: path.join(ROOT, "test-results/addin-preview-observacion.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("(b) a workbook of another cooperative is refused until the gestora clicks «Guardar de todos modos»", async () => {
    const aos = stack.client(tokens.aos);
    const otherId = (await aos.registerCooperative("14", { name: "Cooperativa Campesina Lácteos del Ranco", modality: "creacion", callYear: 2025, gestorEmail: OTRA_GESTORA })).id;
    const { page, errors } = await stack.signIn(tokens.otra);
    await page.getByRole("button", { name: "Sincronizar" }).and(page.locator(":enabled")).waitFor({ timeout: 30_000 });
    await page.getByTestId("file-input").setInputFiles(corral);
    await page.getByText("Libro cargado: mariscadoras_corral.xlsx").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Sincronizar" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "El plan parece ser de otra cooperativa" });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toContain(`El nombre del libro («${plan.cooperative.name}») no es el de la cooperativa registrada («Cooperativa Campesina Lácteos del Ranco»).`);
    expect((await aos.listRevisions(otherId)).items).toEqual([]); // nothing saved

    await alert.getByRole("button", { name: "Guardar de todos modos" }).click();
    const saved = page.getByRole("status").filter({ hasText: "Plan guardado" });
    await saved.waitFor({ timeout: 30_000 });
    expect(await saved.innerText()).toMatch(/Versión 1, guardada el \d{2}-\d{2}-\d{4}, \d{2}:\d{2} \(estado: Borrador\)/);
    const stored = await aos.getPlan(otherId);
    expect(stored.version).toBe(1);
    expect(stored.plan.cooperative.name).toBe(plan.cooperative.name);
    expect(stored.findings.some((f) => f.ruleId === "PLAN-004")).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
