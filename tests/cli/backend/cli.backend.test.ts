import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { ApiClient, CooperativeSummary } from "@coop-plans/shared/api";
import { Consolidation } from "@coop-plans/shared/consolidate";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import type { LocalServer } from "../../../functions/local/server";
import { consolidateToFile } from "../../../cli/src/commands/consolidate";
import { status } from "../../../cli/src/commands/status";
import { syncFiles } from "../../../cli/src/commands/sync";
import { validateFiles } from "../../../cli/src/commands/validate";
import { readToken, tokenFile } from "../../../cli/src/config";
import { isolateCliEnvironment } from "./isolatedEnv";
import { startCliBackend, type CliBackend } from "./cliBackend";
import { devAuthenticate, devToken } from "../../functions/local/harness/devAuth";
import { REPO, runTsx } from "../../functions/local/harness/spawnTsx";

// The CLI's backend commands against the local adapter over an in-memory DynamoDB Local.
// Workbooks: ../shared/samples (region 14), as on the development machines.

const samples = path.resolve(REPO, "../shared/samples");
const sampleClean = path.join(samples, "clean_creacion_textil.xlsx");
const sampleBroken = path.join(samples, "broken_textil.xlsx");
const describeWithSamples = existsSync(sampleClean) && existsSync(sampleBroken) ? describe : describe.skip;

const GESTORA = "gestora.cli@ejemplo.cl";
const AOS = "aos.cli@ejemplo.cl";
// Never read or write the developer's own session (<repo>/.data/cli-token, ~/.coop-plans/token).
const isolated = isolateCliEnvironment();
const dataDir = isolated.dataDir;
// A sync records the version in the workbook: work on copies, never on ../shared/samples.
const clean = path.join(isolated.root, "clean_creacion_textil.xlsx");
const broken = path.join(isolated.root, "broken_textil.xlsx");
const key = randomBytes(32);
let backend: CliBackend;
let server: LocalServer;
let aos: ApiClient;
let coopA: string;
let coopB: string;

const as = (token: string) => {
  process.env.COOP_PLANS_TOKEN = token;
};

beforeAll(async () => {
  backend = await startCliBackend("cli-backend", dataDir, key);
  server = backend.server;
  aos = await backend.clientAs(AOS, "aos", "14");
  if (existsSync(sampleClean) && existsSync(sampleBroken)) {
    copyFileSync(sampleClean, clean);
    copyFileSync(sampleBroken, broken);
    coopA = (await aos.registerCooperative("14", { name: "Grupo Pre-cooperativo Tejedoras Hebras de Niebla", modality: "creacion", callYear: 2025, gestorEmail: GESTORA })).id;
    coopB = (await aos.registerCooperative("14", { name: "Tejedoras, segundo grupo", modality: "creacion", callYear: 2025, gestorEmail: GESTORA })).id;
  }
}, 120_000);

afterAll(async () => {
  await backend?.stop();
  isolated.restore();
});

describeWithSamples("coop-plans sync / status / consolidate", () => {
  it("syncs a batch: matches by name and region, submits, reports an unbound copy as a conflict and a missing file without stopping", async () => {
    as(await devToken(key, GESTORA, "gestor", "14"));
    const result = await syncFiles([clean, broken, path.join(dataDir, "no-existe.xlsx")], { api: server.url, submit: true, progress: false });
    expect(result.exitCode).toBe(3);
    const out = result.output;
    expect(out).toContain(`✔ ${clean} → Grupo Pre-cooperativo Tejedoras Hebras de Niebla (${coopA})`);
    expect(out).toContain("guardado como versión 1 (borrador): 0 errores, 0 advertencias.");
    expect(out).toContain("enviado al AOS (versión 2).");
    // The broken workbook names the same cooperative, which now has a plan, and is bound to no
    // version: a conflict (exit 3), reported, the batch goes on.
    expect(out).toMatch(new RegExp(`≠ ${broken.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} → Grupo Pre-cooperativo Tejedoras Hebras de Niebla`));
    expect(out).toContain("conflicto: este libro no está vinculado a ninguna versión");
    expect(out).toContain("! " + path.join(dataDir, "no-existe.xlsx"));
    expect(out).toContain("No se encontró el archivo");
    expect(out).toContain("3 archivos: 1 sincronizado sin errores, 0 con errores o rechazados, 1 en conflicto, 1 sin sincronizar (código 3).");
    expect(out).not.toMatch(/at .*\.ts:\d+/);
  }, 60_000);

  it("a wrong --cooperative is refused naming both (nothing saved); confirmed, it is saved as borrador with the server's PLAN-004 listed, not submitted (exit 1)", async () => {
    as(await devToken(key, GESTORA, "gestor", "14"));
    // The broken workbook names the first cooperative: the server refuses to save it as the second's.
    const refused = await syncFiles([broken], { api: server.url, cooperative: coopB, submit: true, progress: false });
    expect(refused.exitCode).toBe(1);
    expect(refused.output).toContain("rechazado: el libro no coincide con la cooperativa registrada «Tejedoras, segundo grupo» en 1 dato; no se guardó nada:");
    expect(refused.output).toMatch(/\n {6}Cooperativa!B\d+: El nombre del libro \(«Grupo Pre-cooperativo Tejedoras Hebras de Niebla»\) no es el de la cooperativa registrada \(«Tejedoras, segundo grupo»\)\.\n/);
    expect(refused.output).toContain(`confirme con --cooperative ${coopB} --confirm-identity.`);
    await expect(aos.getPlan(coopB)).rejects.toMatchObject({ code: "PLAN_NOT_FOUND" });
    const first = await syncFiles([broken], { api: server.url, cooperative: coopB, submit: true, progress: false, confirmIdentity: true });
    expect(first.exitCode).toBe(1);
    expect(first.output).toContain("guardado como versión 1 (borrador): 3 errores, 1 advertencia.");
    // PLAN-004 only the server knows (it compares with the registration): listed, located to the cell.
    expect(first.output).toContain("El servidor agregó 1 hallazgo (compara el plan con la cooperativa registrada):");
    expect(first.output).toMatch(/advertencia\s+PLAN-004\s+Cooperativa!B\d+\s+El nombre del plan \(«Grupo Pre-cooperativo Tejedoras Hebras de Niebla»\) no coincide/);
    expect(first.output).toContain("no se envió: corrija los errores y vuelva a sincronizar.");
    const twoFiles = await syncFiles([broken, clean], { api: server.url, cooperative: coopB });
    expect(twoFiles.exitCode).toBe(2);
    expect(twoFiles.output).toContain("--cooperative sirve para un solo archivo");
  }, 60_000);

  it("an unchanged workbook synced again: «sin cambios», no new revision", async () => {
    as(await devToken(key, GESTORA, "gestor", "14"));
    const again = await syncFiles([clean], { api: server.url, submit: true, progress: false });
    expect(again.exitCode).toBe(0);
    expect(again.output).toContain("sin cambios: versión 2 (enviado): 0 errores, 0 advertencias.");
    expect(again.output).toContain("no se envió: el plan ya está enviado.");
    expect((await aos.listRevisions(coopA)).items.map((r) => r.version)).toEqual([1, 2]);
  }, 60_000);

  it("refuses without a session (the developer's own token is never read), or a cooperative that is not the gestora's", async () => {
    delete process.env.COOP_PLANS_TOKEN;
    expect(tokenFile(server.url)).toBe(path.join(dataDir, "cli-token"));
    expect(tokenFile("https://api.ejemplo.cl")).toBe(path.join(isolated.home, ".coop-plans", "token"));
    expect(readToken(server.url)).toBeNull();
    const r = await syncFiles([clean], { api: server.url });
    expect(r).toEqual({ exitCode: 2, output: expect.stringContaining("No hay sesión iniciada") });
    as(await devToken(key, "otra@ejemplo.cl", "gestor", "14"));
    const other = await syncFiles([clean], { api: server.url });
    expect(other.exitCode).toBe(2);
    expect(other.output).toContain("no está entre las suyas");
  }, 60_000);

  it("shows the status of the gestora's cooperatives and of the region, in CLP", async () => {
    as(await devToken(key, GESTORA, "gestor", "14"));
    const mine = await status({ api: server.url });
    expect(mine.exitCode).toBe(0);
    expect(mine.output).toContain("2 cooperativas asignadas. 1 en borrador, 1 enviado.");
    // The Id column gives what `sync --cooperative <id>` needs.
    expect(mine.output).toMatch(/Cooperativa\s+Id\s+Región\s+Estado/);
    expect(mine.output).toMatch(new RegExp(`Grupo Pre-cooperativo Tejedoras Hebras de Niebla\\s+${coopA}\\s+14\\s+Enviado\\s+2\\s+\\$7\\.367\\.000\\s+\\$7\\.190\\.000\\s+\\$177\\.000\\s+0\\s+0`));
    expect(mine.output).toMatch(new RegExp(`Tejedoras, segundo grupo\\s+${coopB}\\s+14\\s+Borrador\\s+1\\s+\\$8\\.367\\.000\\s+\\$8\\.190\\.000\\s+\\$177\\.000\\s+3\\s+1`));
    expect(mine.output).toMatch(/Total\s+\$15\.734\.000\s+\$15\.380\.000\s+\$354\.000/);
    as(await devToken(key, AOS, "aos", "14"));
    const region = await status({ api: server.url, region: "14" });
    expect(region.output).toContain("Región 14 Los Ríos: 2 cooperativas. 1 en borrador, 1 enviado.");
    // --region as the workbook's Región cell accepts it.
    expect((await status({ api: server.url, region: "XIV" })).output).toBe(region.output);
    expect((await status({ api: server.url, region: "Los Ríos" })).output).toBe(region.output);
    expect(region.output).toMatch(/Total\s+\$15\.734\.000/);
    expect((await status({ api: server.url, region: "99" })).exitCode).toBe(2);
  }, 60_000);

  it("--json: sync and status give one array each, counts and totals in validate's names", async () => {
    as(await devToken(key, GESTORA, "gestor", "14"));
    const synced = await syncFiles([clean], { api: server.url, json: true });
    const entries = JSON.parse(synced.output) as Record<string, unknown>[];
    expect(entries).toEqual([
      expect.objectContaining({ file: clean, exitCode: 0, cooperativeId: coopA, version: 2, status: "enviado", counts: { error: 0, warning: 0, info: expect.any(Number) } }),
    ]);
    expect(entries[0]).not.toHaveProperty("errors");
    const listed = (JSON.parse((await status({ api: server.url, json: true })).output) as CooperativeSummary[]).find((c) => c.id === coopA)!;
    expect(listed.counts).toEqual(entries[0].counts);
    const [validated] = JSON.parse((await validateFiles([clean], { json: true })).output) as { totals: Record<string, number> }[];
    for (const name of ["total", "sercotecAmount", "ownAmount", "investmentLines", "actions", "members"] as const) {
      expect(listed.totals?.[name]).toBe(validated.totals[name]);
    }
  }, 60_000);

  it("writes consolidado.xlsx with the API's totals to the peso", async () => {
    as(await devToken(key, AOS, "aos", "14"));
    const out = path.join(dataDir, "consolidado.xlsx");
    const result = await consolidateToFile({ api: server.url, region: "14", output: out });
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain("Consolidado Región 14 Los Ríos: 2 cooperativas");
    expect(result.output).toContain("Inversión total:     $15.734.000");
    const apiView = Consolidation.parse(await aos.regionConsolidation("14"));
    expect(apiView.totals).toEqual({ total: 15_734_000, sercotecAmount: 15_380_000, ownAmount: 354_000, executedAmount: 0 });
    const grids = await readWorkbookGrids(new Uint8Array(readFileSync(out)));
    expect(grids.sheets.map((s) => s.name)).toEqual(["Resumen", "Por cooperativa", "Por ítem", "Por estado", "Por hito", "Cumplimiento"]);
    const resumen = grids.sheets[0].values;
    expect(resumen.find((r) => r[0] === "Inversión total (total neto)")?.[1]).toBe(15_734_000);
    expect(resumen.find((r) => r[0] === "Aporte Sercotec")?.[1]).toBe(15_380_000);
    expect(resumen.find((r) => r[0] === "Aporte empresarial")?.[1]).toBe(354_000);
    const coops = grids.sheets[1].values.filter((r) => typeof r[0] === "string" && r[0].startsWith("Total ("));
    expect(coops[0].slice(5, 9)).toEqual([15_734_000, 15_380_000, 354_000, 0]);
    const items = grids.sheets[2].values.filter((r) => r[0] === "Ítem");
    expect(items.reduce((a, r) => a + (r[6] as number), 0)).toBe(15_734_000);
    expect(items.map((r) => [r[2], r[6]])).toEqual(apiView.byItem.map((i) => [i.item, i.total]));
  }, 60_000);

  // Last: it registers a third cooperative of region 14 (the counts above are of two).
  it("a workbook aimed at a cooperative of another modalidad and convocatoria: refused listing each with its cell (exit 1), nothing saved", async () => {
    const coopC = (await aos.registerCooperative("14", { name: "Grupo Pre-cooperativo Tejedoras Hebras de Niebla (2024)", modality: "fortalecimiento", callYear: 2024, gestorEmail: GESTORA })).id;
    const copy = path.join(isolated.root, "broken_otra_convocatoria.xlsx");
    copyFileSync(sampleBroken, copy);
    as(await devToken(key, GESTORA, "gestor", "14"));
    const refused = await syncFiles([copy], { api: server.url, cooperative: coopC, progress: false });
    expect(refused.exitCode).toBe(1);
    const lines = refused.output.split("\n");
    const at = lines.findIndex((l) => l.includes("rechazado:"));
    expect(lines.slice(at, at + 5)).toEqual([
      "    rechazado: el libro no coincide con la cooperativa registrada «Grupo Pre-cooperativo Tejedoras Hebras de Niebla (2024)» en 3 datos; no se guardó nada:",
      expect.stringMatching(/^ {6}Cooperativa!B\d+: El nombre del libro \(«Grupo Pre-cooperativo Tejedoras Hebras de Niebla»\) no es el de la cooperativa registrada/),
      expect.stringMatching(/^ {6}Cooperativa!B\d+: La modalidad del libro \(Creación y Desarrollo\) no es la de la cooperativa registrada \(Fortalecimiento\)\.$/),
      expect.stringMatching(/^ {6}Cooperativa!B\d+: La convocatoria del libro \(2025\) no es la de la cooperativa registrada \(2024\)\.$/),
      `    Si se equivocó de cooperativa, sincronice con la correcta; si el plan sí es de esta cooperativa, corrija la hoja Cooperativa o confirme con --cooperative ${coopC} --confirm-identity.`,
    ]);
    await expect(aos.getPlan(coopC)).rejects.toMatchObject({ code: "PLAN_NOT_FOUND" });

    // A registered cooperative with no plan is «Sin plan» in status and in the consolidation, as in the pane, never a borrador.
    as(await devToken(key, AOS, "aos", "14"));
    const region = await status({ api: server.url });
    expect(region.output).toContain("Región 14 Los Ríos: 3 cooperativas. 1 sin plan, 1 en borrador, 1 enviado.");
    expect(region.output).toMatch(new RegExp(`Grupo Pre-cooperativo Tejedoras Hebras de Niebla \\(2024\\)\\s+${coopC}\\s+14\\s+Sin plan\\s+0`));
    const out = path.join(dataDir, "consolidado-sin-plan.xlsx");
    const consolidated = await consolidateToFile({ api: server.url, region: "14", output: out });
    expect(consolidated.output).toContain("Consolidado Región 14 Los Ríos: 3 cooperativas (1 en borrador, 1 enviado, 1 sin plan).");
    const grids = await readWorkbookGrids(new Uint8Array(readFileSync(out)));
    const byStatus = grids.sheets.find((g) => g.name === "Por estado")!.values.map((r) => r.slice(0, 2));
    expect(byStatus).toContainEqual(["Sin plan", 1]);
    expect(byStatus).toContainEqual(["Borrador", 1]);
  }, 60_000);
});

describe("coop-plans login --dev", () => {
  it("signs a token with the key under .data/ and stores it with mode 0600", async () => {
    const tokenPath = path.join(dataDir, "cli-token");
    const run = await runTsx("cli/src/main.ts", ["login", "--dev", "--role", "gestor", "--region", "8", "--email", "Gestora@Ejemplo.cl", "--api", "http://127.0.0.1:4999"], {
      COOP_PLANS_DATA_DIR: dataDir, COOP_PLANS_TOKEN_FILE: "",
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Sesión de desarrollo iniciada: Gestor/a de cooperativas, región 08, gestora@ejemplo.cl.");
    expect(statSync(tokenPath).mode & 0o777).toBe(0o600);
    const token = readFileSync(tokenPath, "utf8").trim();
    const auth = await devAuthenticate(key)(token);
    expect(auth).toMatchObject({ ok: true, claims: { email: "gestora@ejemplo.cl", "custom:role": "gestor", "custom:regions": "08" } });

    const remote = await runTsx("cli/src/main.ts", ["login", "--dev", "--role", "aos", "--region", "14", "--email", "a@b.cl", "--api", "https://api.ejemplo.cl"], { COOP_PLANS_DATA_DIR: dataDir });
    expect(remote.code).toBe(2);
    expect(remote.stdout).toContain("solo sirve con la API local");
    const badRegion = await runTsx("cli/src/main.ts", ["login", "--dev", "--role", "aos", "--region", "17", "--email", "a@b.cl"], { COOP_PLANS_DATA_DIR: dataDir });
    expect(badRegion.code).toBe(2);
    expect(badRegion.stdout).toContain("Indique la región");
  }, 90_000);
});
