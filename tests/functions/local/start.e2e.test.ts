import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApiClient } from "@coop-plans/shared/api";
import type { Consolidation } from "@coop-plans/shared/consolidate";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import type { CellValue } from "@coop-plans/shared/workbook";
import { startLocalServer, type LocalServer } from "../../../functions/local/server";
import { devAuthenticate, devToken } from "./harness/devAuth";
import { readKey, REPO, runTsx } from "./harness/spawnTsx";

// `npm start --exit-after-demo` against the project's DynamoDB Local (globalSetup), in a table of
// its own; then the same table through the adapter, to compare consolidado.xlsx with the API.
// The demo consolidates region 14 with ../shared/samples, or the examples' region without them
// (COOP_PLANS_SAMPLES_DIR=<an empty folder> reproduces a clone without samples): the test reads
// the region from the demo's output and checks the workbook against the API for that region.

const samples = process.env.COOP_PLANS_SAMPLES_DIR ? path.resolve(process.env.COOP_PLANS_SAMPLES_DIR) : path.resolve(REPO, "../shared/samples");
const hasSamples = existsSync(path.join(samples, "clean_creacion_textil.xlsx"));
const dataDir = mkdtempSync(path.join(tmpdir(), "coop-e2e-"));
const output = path.join(dataDir, "consolidado.xlsx");
const table = `e2e-start-${Date.now()}`;
let run: { code: number | null; stdout: string; stderr: string };
let server: LocalServer;
let api: Consolidation;
let region: string;
let regionName: string;

beforeAll(async () => {
  run = await runTsx("functions/local/start.ts", ["--exit-after-demo", "--no-addin"], {
    COOP_PLANS_DATA_DIR: dataDir, COOP_PLANS_API_PORT: "0", COOP_PLANS_DEMO_OUTPUT: output,
    COOP_PLANS_DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT, COOP_PLANS_TABLE: table, POWERTOOLS_LOG_LEVEL: "WARN",
  }, 240_000);
  process.env.TABLE_NAME = table;
  process.env.POWERTOOLS_LOG_LEVEL = "WARN";
  const printed = /^Consolidado Región (\d{2}) ([^:]+): \d+ cooperativas$/m.exec(run.stdout);
  if (!printed) throw new Error(`the demo printed no consolidation:\n${run.stdout}\n${run.stderr}`);
  [, region, regionName] = printed;
  const key = readKey(dataDir);
  server = await startLocalServer({ port: 0, authenticate: devAuthenticate(key) });
  const token = await devToken(key, "aos.losrios@demo.coop-plans.cl", "aos", region);
  const client = createApiClient({ baseUrl: server.url, getToken: () => token, fetch: (u, i) => fetch(u, i as RequestInit) });
  api = await client.regionConsolidation(region);
}, 300_000);

afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const sheet = async () => {
  const grids = await readWorkbookGrids(new Uint8Array(readFileSync(output)));
  return (name: string): CellValue[][] => grids.sheets.find((s) => s.name === name)!.values;
};
const rowOf = (rows: CellValue[][], first: string) => rows.find((r) => r[0] === first)!;

describe("npm start, exit after the demo", () => {
  it("runs the demo end to end and exits 0", () => {
    expect(run.stderr).not.toMatch(/Error|at .*\.ts:\d+/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("coop-plans: modo local");
    expect(run.stdout).toContain("COOP_PLANS_TOKEN=");
    expect(run.stdout).toContain("Listo: DynamoDB Local detenido.");
    expect(existsSync(output)).toBe(true);
  });

  it("prints the CLI's command lines with the API port and data folder in use", () => {
    const url = /^API:\s+(\S+)\/v1\/health$/m.exec(run.stdout)?.[1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toBe("http://127.0.0.1:4000"); // COOP_PLANS_API_PORT=0: a free port, not the CLI's default
    expect(run.stdout).toContain(`\n  COOP_PLANS_API=${url} COOP_PLANS_DATA_DIR=${dataDir} npx coop-plans login --dev --role aos --region 14 --email aos.losrios@demo.coop-plans.cl\n`);
    expect(run.stdout).toContain(`\n  COOP_PLANS_API=${url} COOP_PLANS_DATA_DIR=${dataDir} npx coop-plans status --region 14\n`);
  });

  (hasSamples ? it : it.skip)("leaves region 14 with the five samples in every status, figures by hand", () => {
    expect(region).toBe("14");
    expect(run.stdout).toContain("Consolidado Región 14 Los Ríos: 5 cooperativas");
    expect(api.cooperativeCount).toBe(5);
    // 4 × 7.367.000 (clean plan) + 8.367.000 (broken: line 5 priced up by 1.000.000)
    expect(api.totals).toEqual({ total: 37_835_000, sercotecAmount: 36_950_000, ownAmount: 885_000, executedAmount: 0 });
    expect(Object.fromEntries(api.byStatus.map((s) => [s.status, s.cooperatives]))).toEqual({ borrador: 1, enviado: 2, observado: 1, aprobado: 1 });
    expect(api.compliance).toMatchObject({ withErrors: 1, clean: 4 });
    expect(api.compliance.byRule.map((r) => r.ruleId).sort()).toEqual(["COOP-001", "INV-001", "INV-005"]);
    expect(run.stdout).toContain("Inversión total:     $37.835.000");
    // Repeated sample names are told apart in Spanish, never by the sample's file name («(messy creacion textil)»).
    const names = api.cooperatives.map((c) => c.name);
    expect(new Set(names).size).toBe(5);
    expect(names.filter((n) => /\(/.test(n)).every((n) => / \(grupo [2-9]\)$/.test(n))).toBe(true);
    expect(names.join(" ")).not.toMatch(/messy|quirk|creacion|rich text|shared formulas/i);
  });

  it("writes consolidado.xlsx with the API's figures to the peso", async () => {
    const get = await sheet();
    const resumen = get("Resumen");
    expect(api.scope).toEqual({ kind: "region", regionCode: region, regionName });
    expect(resumen[0][0]).toMatch(new RegExp(`^Consolidado Región ${region} ${regionName}`));
    expect(api.cooperativeCount).toBeGreaterThan(0);
    expect(rowOf(resumen, "Cooperativas")[2]).toBe(api.cooperativeCount);
    expect(rowOf(resumen, "Inversión total (total neto)")[1]).toBe(api.totals.total);
    expect(rowOf(resumen, "Aporte Sercotec")[1]).toBe(api.funding.sercotecAmount);
    expect(rowOf(resumen, "Aporte empresarial")[1]).toBe(api.funding.ownAmount);

    const coops = get("Por cooperativa");
    const header = coops.findIndex((r) => r[0] === "Cooperativa");
    const body = coops.slice(header + 1).filter((r) => r[0] !== null);
    const total = body[body.length - 1];
    expect(total[0]).toBe(`Total (${api.cooperativeCount} cooperativas)`);
    expect(total.slice(5, 9)).toEqual([api.totals.total, api.totals.sercotecAmount, api.totals.ownAmount, api.totals.executedAmount]);
    expect(body.slice(0, -1).map((r) => [r[0], r[5]])).toEqual(api.cooperatives.map((c) => [c.name, c.total]));

    const items = get("Por ítem").filter((r) => r[0] === "Ítem");
    expect(items.map((r) => [r[2], r[6], r[7], r[8]])).toEqual(api.byItem.map((i) => [i.item, i.total, i.sercotecAmount, i.ownAmount]));

    const estados = get("Por estado");
    expect(rowOf(estados, "Aprobado")[1]).toBe(api.byStatus.find((s) => s.status === "aprobado")!.cooperatives);
    expect(get("Cumplimiento").length).toBeGreaterThan(0);
    expect(get("Por hito").length).toBeGreaterThan(0);
  });
});
