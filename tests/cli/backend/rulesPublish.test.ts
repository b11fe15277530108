import { randomBytes } from "node:crypto";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ApiClient } from "@coop-plans/shared/api";
import { RulePack } from "@coop-plans/shared/rules";
import type { LocalServer } from "../../../functions/local/server";
import { exportRules, listRules, publishRules, ruleImpact } from "../../../cli/src/commands/rules";
import { syncFiles } from "../../../cli/src/commands/sync";
import { validateFiles } from "../../../cli/src/commands/validate";
import { packCacheFile } from "../../../cli/src/rulePacks";
import { isolateCliEnvironment } from "./isolatedEnv";
import { startCliBackend, type CliBackend } from "./cliBackend";

// `coop-plans rules publish` against the local API over DynamoDB Local, and the done-when of
// issue 11: a draft that raises a cap changes the finding through `validate --rules` and, once
// published, through a sync (the server re-checks the same workbook under the new pack).

const fixtures = path.resolve(__dirname, "../../fixtures");
const GESTOR = "gestor.coihue@aos.example.org";
const isolated = isolateCliEnvironment();
// A copy: a sync binds the workbook it saves (writes its custom properties), never a repository fixture.
const OVER_CAP = path.join(isolated.root, "INV-005.xlsx"); // region 10, Creación 2025: Sercotec sums 8.190.000 > 8.000.000
copyFileSync(path.join(fixtures, "broken/INV-005.xlsx"), OVER_CAP);
const key = randomBytes(32);
let backend: CliBackend;
let server: LocalServer;
let aos: ApiClient;
let cooperativeId: string;

const as = async (email: string, role: "gestor" | "aos" | "sercotec", regions: string) => {
  process.env.COOP_PLANS_TOKEN = await backend.token(email, role, regions);
};

/** The exported 2025 pack with the Creación cap set to `cap`, written to a file; returns its path. */
async function draftWithCap(name: string, cap: number): Promise<string> {
  const file = path.join(isolated.root, name);
  expect((await exportRules({ year: "2025", out: file, api: server.url })).exitCode).toBe(0);
  const pack = JSON.parse(readFileSync(file, "utf8"));
  pack.figures.subsidyCap.creacion.value = cap;
  writeFileSync(file, JSON.stringify(pack, null, 2));
  return file;
}

beforeAll(async () => {
  backend = await startCliBackend("cli-rule-packs", isolated.dataDir, key);
  server = backend.server;
  aos = await backend.clientAs("aos@los-lagos.cl", "aos", "10");
  cooperativeId = (await aos.registerCooperative("10", { name: "Grupo Pre-cooperativo Recolectoras de Murta de Llanquihue", modality: "creacion", callYear: 2025, gestorEmail: GESTOR })).id;
}, 120_000);

afterAll(async () => {
  await backend?.stop();
  isolated.restore();
});

describe("coop-plans rules publish", () => {
  it("a cap raised in a draft: --rules clears INV-005 locally; published, the next sync of the same workbook clears it on the server", async () => {
    const draft = await draftWithCap("cap.json", 9_000_000);
    expect((await validateFiles([OVER_CAP], { asOf: "2026-03-31", api: server.url })).exitCode).toBe(1);
    expect((await validateFiles([OVER_CAP], { asOf: "2026-03-31", api: server.url, rules: draft })).exitCode).toBe(0);

    await as(GESTOR, "gestor", "10");
    const before = await syncFiles([OVER_CAP], { api: server.url, progress: false });
    expect(before.exitCode).toBe(1);
    expect(before.output).toContain("guardado como versión 1 (borrador): 1 error, ");

    await as("central@sercotec.cl", "sercotec", "*");
    const published = await publishRules(draft, { api: server.url });
    expect(published.exitCode).toBe(0);
    expect(published.output).toMatch(/^Publicadas las reglas de la convocatoria 2025 \(versión 2\) el .* \(editadas desde la versión 1\)\.\n/);
    // The packs in force were fetched again and kept beside the token: validate now uses version 2.
    const cached = JSON.parse(readFileSync(packCacheFile(server.url), "utf8")).map((p: unknown) => RulePack.parse(p));
    expect(cached.map((p: RulePack) => [p.year, p.version, p.figures.subsidyCap.creacion.value])).toEqual([[2025, 2, 9_000_000]]);
    expect((await validateFiles([OVER_CAP], { asOf: "2026-03-31", api: server.url })).exitCode).toBe(0);

    await as(GESTOR, "gestor", "10");
    const after = await syncFiles([OVER_CAP], { api: server.url, progress: false });
    expect(after.exitCode).toBe(0);
    expect(after.output).toContain("guardado como versión 2 (borrador): 0 errores");
    const revisions = await aos.listRevisions(cooperativeId);
    expect(revisions.items.map((r) => [r.version, r.rulePack])).toEqual([[1, { year: 2025, version: 1 }], [2, { year: 2025, version: 2 }]]);

    // The AOS asks the server which plans of the region version 2 changes (against version 1).
    await as("aos@los-lagos.cl", "aos", "10");
    const impact = await ruleImpact({ region: "10", year: "2025", packVersion: "2", api: server.url });
    expect(impact.exitCode).toBe(0);
    expect(impact.output.split("\n").slice(0, 3)).toEqual([
      "Impacto de la convocatoria 2025 (versión 2) frente a la versión 1 en la región 10 Los Lagos: 1 cooperativa cambia de 1 con plan.",
      `  Grupo Pre-cooperativo Recolectoras de Murta de Llanquihue (${cooperativeId}, versión 2 del plan): 1 error resuelto.`,
      expect.stringMatching(/^    - error INV-005 Plan de Inversiones!/),
    ]);
    // --json: one array of the changed plans, as with --rules (it printed the server's whole object).
    const json = JSON.parse((await ruleImpact({ region: "10", year: "2025", packVersion: "2", api: server.url, json: true })).output);
    expect(Array.isArray(json)).toBe(true);
    expect(json).toEqual([expect.objectContaining({ cooperativeId })]);
  }, 90_000);

  it("the same file again (edited from version 1, now stale): exit 2 with the server's 409 in Spanish; --base says where it came from", async () => {
    await as("central@sercotec.cl", "sercotec", "*");
    const file = path.join(isolated.root, "stale.json");
    const pack = JSON.parse(readFileSync(path.join(isolated.root, "cap.json"), "utf8"));
    writeFileSync(file, JSON.stringify(pack));
    const stale = await publishRules(file, { api: server.url });
    expect(stale.exitCode).toBe(2);
    expect(stale.output).toContain("No se publicó");
    expect(stale.output).toContain("usted editó la versión 1 y la vigente es la 2");
    const rebased = await publishRules(file, { api: server.url, base: "2" });
    expect(rebased.exitCode).toBe(0);
    expect(rebased.output).toContain("convocatoria 2025 (versión 3)");
    expect((await publishRules(file, { api: server.url, base: "dos" })).exitCode).toBe(2);
  }, 30_000);

  it("a new year publishes from 0 without --base; the list shows the fetched packs", async () => {
    await as("central@sercotec.cl", "sercotec", "*");
    const file = path.join(isolated.root, "2026.json");
    const pack = JSON.parse(readFileSync(path.join(isolated.root, "cap.json"), "utf8"));
    writeFileSync(file, JSON.stringify({ ...pack, year: 2026, name: "Convocatoria 2026" }));
    const result = await publishRules(file, { api: server.url });
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain("convocatoria 2026 (versión 1)");
    expect(result.output).toContain("(editadas desde la versión 0)");
    const list = await listRules({ api: server.url });
    expect(list.output).toMatch(/convocatoria 2025 \(versión 3\), publicado el .*\n.*convocatoria 2026 \(versión 1\), publicado el/);
  }, 30_000);

  it("refusals exit 2: an invalid file (nothing sent), no session, a role that may not publish", async () => {
    const bad = path.join(isolated.root, "bad.json");
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(path.join(isolated.root, "cap.json"), "utf8")), figures: { nope: 1 } }));
    const invalid = await publishRules(bad, { api: server.url });
    expect(invalid.exitCode).toBe(2);
    expect(invalid.output).toContain("no es válido");
    delete process.env.COOP_PLANS_TOKEN;
    expect(await publishRules(path.join(isolated.root, "cap.json"), { api: server.url })).toEqual({ exitCode: 2, output: expect.stringContaining("No hay sesión iniciada") });
    await as("aos@los-lagos.cl", "aos", "10");
    const forbidden = await publishRules(path.join(isolated.root, "cap.json"), { api: server.url, base: "3" });
    expect(forbidden.exitCode).toBe(2);
    expect(forbidden.output).toContain("Solo Sercotec de nivel central puede publicar reglas de una convocatoria.");
  }, 30_000);
});
