/**
 * Browser e2e (headless chromium, built pane in the preview host, local API on DynamoDB Local):
 * Sincronizar never overwrites newer work. The workbook's binding travels in its custom document
 * properties; a copy bound to an older version and an unbound copy are both refused (409) and the
 * server keeps the newer plan.
 */
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { createApiClient, type ApiClient } from "@coop-plans/shared/api";
import { parseWorkbook } from "@coop-plans/shared/workbook";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import { readFileSync } from "node:fs";
import { createTable } from "../../functions/local/createTable";
import { startDynamoDbLocal, type DynamoDbLocal } from "../../functions/local/dynamodbLocal";
import { nodeFetch } from "../../functions/local/nodeFetch";
import { startLocalServer, type LocalServer } from "../../functions/local/server";
import { DYNAMODB_ENDPOINT_ENV, TABLE_NAME_ENV } from "../../functions/src/store/tableDefinition";
import { writeBindingToFile } from "../../cli/src/workbookBindingFile";
import { devAuthenticate, devToken } from "../functions/local/harness/devAuth";
import { browserSkipReason, launchBrowser, type Browser } from "./support/browser";
import { buildPane, ROOT, startPaneServer, type PaneServer } from "./support/pane";

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
  const key = new Uint8Array(randomBytes(32));
  const dir = mkdtempSync(path.join(os.tmpdir(), "coop-e2e-conflict-"));
  let dynamo: DynamoDbLocal;
  let api: LocalServer;
  let pane: PaneServer;
  let browser: Browser;
  let gestora: ApiClient;
  let gestoraToken: string;
  let cooperativeId: string;

  beforeAll(async () => {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
    process.env.POWERTOOLS_LOG_LEVEL = "WARN";
    buildPane();
    pane = await startPaneServer();
    dynamo = await startDynamoDbLocal();
    const table = `e2e-conflict-${Date.now()}`;
    await createTable(dynamo.endpoint, table);
    process.env[TABLE_NAME_ENV] = table;
    process.env[DYNAMODB_ENDPOINT_ENV] = dynamo.endpoint;
    api = await startLocalServer({ port: 0, authenticate: devAuthenticate(key), allowedOrigins: [pane.url] });
    const aosToken = await devToken(key, "aos.conflict@ejemplo.cl", "aos", "14");
    const aos = createApiClient({ baseUrl: api.url, getToken: () => aosToken, fetch: nodeFetch });
    gestoraToken = await devToken(key, GESTORA, "gestor", "14");
    gestora = createApiClient({ baseUrl: api.url, getToken: () => gestoraToken, fetch: nodeFetch });
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
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    pane?.stop();
    await api?.close();
    await dynamo?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a copy bound to version 1 and an unbound copy are refused; the server keeps version 2", async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${pane.url}/preview.html`);
    await page.getByLabel("Servidor (URL de la API)").fill(api.url);
    await page.getByLabel("Token de desarrollo").fill(gestoraToken);
    await page.getByRole("button", { name: "Iniciar sesión" }).click();
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
