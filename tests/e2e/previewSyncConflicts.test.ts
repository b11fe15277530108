/**
 * Browser e2e (headless chromium, built pane in the preview host, local API on DynamoDB Local):
 * Sincronizar never overwrites newer work. The workbook's binding travels in its custom document
 * properties; a copy bound to an older version and an unbound copy are both refused (409) and the
 * server keeps the newer plan.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { ApiClient } from "@coop-plans/shared/api";
import { parseWorkbook } from "@coop-plans/shared/workbook";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import { readFileSync } from "node:fs";
import { writeBindingToFile } from "../../cli/src/workbookBindingFile";
import { browserSkipReason } from "./support/browser";
import { startLocalStack, type LocalStack } from "./support/localStack";
import { ROOT } from "./support/pane";

const corral = path.join(ROOT, "tests/fixtures/emailed/mariscadoras_corral.xlsx");
const skipReason = browserSkipReason();
if (skipReason) console.warn(`e2e skipped: ${skipReason}`);
const maybe = skipReason ? describe.skip : describe;
const GESTORA = "gestora.conflict@ejemplo.cl";

/** A copy of `from` with the first line's Aporte Sercotec changed (ExcelJS drops custom properties: the copy is unbound). */
async function edited(from: string, to: string, sercotec: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  const ws = wb.getWorksheet("Plan de Inversiones")!;
  const header = ws.getRow(1).values as unknown[];
  const total = ws.getRow(2).getCell(header.indexOf("Total neto")).value as number;
  ws.getRow(2).getCell(header.indexOf("Aporte Sercotec")).value = sercotec;
  ws.getRow(2).getCell(header.indexOf("Aporte empresarial")).value = total - sercotec;
  await wb.xlsx.writeFile(to);
}
const planOf = async (file: string) => parseWorkbook(await readWorkbookGrids(new Uint8Array(readFileSync(file)))).plan;

maybe("Sincronizar refuses stale and unbound copies (headless chromium, DynamoDB Local)", () => {
  jest.setTimeout(240_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), "coop-e2e-conflict-"));
  let stack: LocalStack;
  let gestora: ApiClient;
  let gestoraToken: string;
  let cooperativeId: string;

  beforeAll(async () => {
    stack = await startLocalStack("conflict");
    const aos = stack.client(await stack.token("aos.conflict@ejemplo.cl", "aos", "14"));
    gestoraToken = await stack.token(GESTORA, "gestor", "14");
    gestora = stack.client(gestoraToken);
    cooperativeId = (await aos.registerCooperative("14", { name: "Grupo Pre-cooperativo Mariscadoras de Corral", modality: "creacion", callYear: 2025, gestorEmail: GESTORA })).id;

    // Version 1 from the workbook; version 2 from a copy edited elsewhere (400.000 on line 1).
    copyFileSync(corral, path.join(dir, "v1.xlsx"));
    await gestora.putPlan(cooperativeId, { plan: await planOf(path.join(dir, "v1.xlsx")), baseVersion: 0 }, "e2e-conflict-v1");
    await edited(corral, path.join(dir, "v2.xlsx"), 400_000);
    await gestora.putPlan(cooperativeId, { plan: await planOf(path.join(dir, "v2.xlsx")), baseVersion: 1 }, "e2e-conflict-v2");
    // A stale copy: edited differently, still bound to version 1. An unbound copy: never synced.
    await edited(corral, path.join(dir, "viejo.xlsx"), 420_000);
    await writeBindingToFile(path.join(dir, "viejo.xlsx"), { cooperativeId, version: 1 });
    await edited(corral, path.join(dir, "suelto.xlsx"), 430_000);
  });

  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a copy bound to version 1 and an unbound copy are refused; the server keeps version 2", async () => {
    const { page, errors } = await stack.signIn(gestoraToken);
    await page.getByRole("button", { name: "Sincronizar" }).and(page.locator(":enabled")).waitFor({ timeout: 30_000 });

    await page.getByTestId("file-input").setInputFiles(path.join(dir, "viejo.xlsx"));
    await page.getByText("Libro cargado: viejo.xlsx").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Sincronizar" }).click();
    await page.getByText("Hay una versión más nueva en el servidor").waitFor({ timeout: 30_000 });
    expect(await page.getByRole("alert").filter({ hasText: "Hay una versión más nueva" }).innerText()).toContain("Este libro se basa en la versión 1, pero alguien guardó la versión 2 después.");

    await page.getByTestId("file-input").setInputFiles(path.join(dir, "suelto.xlsx"));
    await page.getByText("Libro cargado: suelto.xlsx").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Sincronizar" }).click();
    await page.getByText("La cooperativa ya tiene un plan en el servidor").waitFor({ timeout: 30_000 });
    expect(await page.getByRole("alert").filter({ hasText: "ya tiene un plan" }).innerText()).toContain("Este libro no está vinculado a ninguna versión del plan (nunca se sincronizó, o es una copia) y el servidor tiene la versión 2.");

    const kept = await gestora.getPlan(cooperativeId);
    expect(kept.version).toBe(2);
    expect(kept.plan.investmentLines[0].sercotecAmount).toBe(400_000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
