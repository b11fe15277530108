import { randomBytes } from "node:crypto";
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { ApiClient } from "@coop-plans/shared/api";
import { parseWorkbook } from "@coop-plans/shared/workbook";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import type { LocalServer } from "../../../functions/local/server";
import { nodeSyncFs, syncFiles, type SyncFs } from "../../../cli/src/commands/sync";
import { readBindingOfFile, writeBindingToFile } from "../../../cli/src/workbookBindingFile";
import { isolateCliEnvironment } from "./isolatedEnv";
import { startCliBackend, type CliBackend } from "./cliBackend";
import { REPO } from "../../functions/local/harness/spawnTsx";

// Sync never overwrites: the workbook carries the version it was synced from (custom document
// properties), the CLI sends it as baseVersion; stale and unbound copies are conflicts (exit 3).
// Against the local adapter over DynamoDB Local; workbooks: tests/fixtures/emailed (region 14).

const corral = path.join(REPO, "tests/fixtures/emailed/mariscadoras_corral.xlsx");
const GESTORA = "gestora.bind@ejemplo.cl";
const AOS = "aos.bind@ejemplo.cl";
const isolated = isolateCliEnvironment();
const dir = isolated.root;
const key = randomBytes(32);
let backend: CliBackend;
let server: LocalServer;
let aos: ApiClient;
let coop: string;
let other: string;

const at = (name: string) => path.join(dir, name);
/** A copy of `from` with the Aporte Sercotec of the first investment line changed (ExcelJS drops custom properties). */
async function edited(from: string, to: string, sercotec: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  const ws = wb.getWorksheet("Plan de Inversiones")!;
  const header = ws.getRow(1).values as unknown[];
  const col = header.findIndex((v) => v === "Aporte Sercotec");
  const totalCol = header.findIndex((v) => v === "Total neto");
  const ownCol = header.findIndex((v) => v === "Aporte empresarial");
  ws.getRow(2).getCell(col).value = sercotec;
  ws.getRow(2).getCell(ownCol).value = (ws.getRow(2).getCell(totalCol).value as number) - sercotec;
  await wb.xlsx.writeFile(to);
}
const planOf = async (file: string) => parseWorkbook(await readWorkbookGrids(new Uint8Array(readFileSync(file)))).plan;
const sync = (files: string[], extra: Parameters<typeof syncFiles>[1] = {}) => syncFiles(files, { api: server.url, progress: false, ...extra });

beforeAll(async () => {
  backend = await startCliBackend("sync-binding", isolated.dataDir, key);
  server = backend.server;
  aos = await backend.clientAs(AOS, "aos", "14");
  coop = (await aos.registerCooperative("14", { name: "Grupo Pre-cooperativo Mariscadoras de Corral", modality: "creacion", callYear: 2025, gestorEmail: GESTORA })).id;
  other = (await aos.registerCooperative("14", { name: "Mariscadoras de Niebla", modality: "creacion", callYear: 2025, gestorEmail: GESTORA })).id;
  process.env.COOP_PLANS_TOKEN = await backend.token(GESTORA, "gestor", "14");
}, 120_000);

afterAll(async () => {
  await backend?.stop();
  isolated.restore();
});

describe("coop-plans sync never overwrites (DynamoDB Local)", () => {
  it("binds the workbook to the version saved; a stale copy is refused (exit 3) and the server keeps the newer plan", async () => {
    copyFileSync(corral, at("a.xlsx"));
    const first = await sync([at("a.xlsx")]);
    expect(first.exitCode).toBe(0);
    expect(first.output).toContain("guardado como versión 1 (borrador)");
    expect(await readBindingOfFile(at("a.xlsx"))).toEqual({ cooperativeId: coop, version: 1, syncedAt: expect.any(String) });

    // Two copies both last synced at version 1, edited differently.
    await edited(at("a.xlsx"), at("a2.xlsx"), 400_000);
    await edited(at("a.xlsx"), at("b.xlsx"), 420_000);
    await writeBindingToFile(at("a2.xlsx"), { cooperativeId: coop, version: 1 });
    await writeBindingToFile(at("b.xlsx"), { cooperativeId: coop, version: 1 });
    const a = await sync([at("a2.xlsx")]);
    expect(a.output).toContain("guardado como versión 2 (borrador)");
    expect(a.exitCode).toBe(0);
    const b = await sync([at("b.xlsx")]);
    expect(b.exitCode).toBe(3);
    expect(b.output).toContain(`≠ ${at("b.xlsx")} → Grupo Pre-cooperativo Mariscadoras de Corral (${coop})`);
    expect(b.output).toMatch(/conflicto: el libro se basa en la versión 1, pero el servidor tiene la versión 2 \(borrador, guardada por gestora\.bind@ejemplo\.cl el .+\)\. No se guardó nada; el servidor conserva su versión\./);
    expect(b.output).toContain("Para bajar la versión del servidor: --server-copy servidor.xlsx; para reemplazarla con este libro: --replace.");
    const kept = await aos.getPlan(coop);
    expect(kept.version).toBe(2);
    expect(kept.plan.investmentLines[0].sercotecAmount).toBe(400_000);
    expect((await readBindingOfFile(at("b.xlsx")))?.version).toBe(1);
  }, 90_000);

  it("--server-copy writes the server's version bound to it; --replace says what it replaces and saves over it", async () => {
    const copy = await sync([at("b.xlsx")], { serverCopy: at("servidor.xlsx") });
    expect(copy.exitCode).toBe(3);
    expect(copy.output).toContain(`se escribió la versión 2 (borrador, guardada por gestora.bind@ejemplo.cl el`);
    expect(copy.output).toContain(`en «${at("servidor.xlsx")}», vinculada a esa versión`);
    expect(await readBindingOfFile(at("servidor.xlsx"))).toEqual({ cooperativeId: coop, version: 2, syncedAt: expect.any(String) });
    expect((await planOf(at("servidor.xlsx"))).investmentLines[0].sercotecAmount).toBe(400_000);

    const replaced = await sync([at("b.xlsx")], { replace: true });
    expect(replaced.exitCode).toBe(0);
    expect(replaced.output).toMatch(/reemplazó la versión 2 \(borrador, guardada por gestora\.bind@ejemplo\.cl el .+\); el libro se basaba en la versión 1\./);
    expect(replaced.output).toContain("guardado como versión 3 (borrador)");
    expect((await aos.getPlan(coop)).plan.investmentLines[0].sercotecAmount).toBe(420_000);
    expect((await readBindingOfFile(at("b.xlsx")))?.version).toBe(3);
  }, 90_000);

  it("an unbound copy aimed at a cooperative with a plan is a conflict (exit 3) unless replaced", async () => {
    await edited(corral, at("suelto.xlsx"), 430_000);
    const unbound = await sync([at("suelto.xlsx")]);
    expect(unbound.exitCode).toBe(3);
    expect(unbound.output).toMatch(/conflicto: este libro no está vinculado a ninguna versión \(nunca se sincronizó, o es una copia\) y la cooperativa ya tiene un plan: versión 3 \(borrador/);
    expect((await aos.getPlan(coop)).version).toBe(3);
    expect(await readBindingOfFile(at("suelto.xlsx"))).toBeNull();
  }, 60_000);

  it("the binding chooses the cooperative: a different --cooperative is a conflict unless --replace", async () => {
    const wrong = await sync([at("b.xlsx")], { cooperative: other });
    expect(wrong.exitCode).toBe(3);
    expect(wrong.output).toContain(`conflicto: el libro está vinculado a «Grupo Pre-cooperativo Mariscadoras de Corral» (--cooperative ${coop}, versión 3), no a ${other}. No se guardó nada.`);
    await expect(aos.getPlan(other)).rejects.toMatchObject({ code: "PLAN_NOT_FOUND" });
  }, 60_000);

  it("--replace refused by the server replaces nothing and says so; it names the cooperative the workbook was bound to (newcomer trial)", async () => {
    copyFileSync(corral, at("niebla.xlsx"));
    const seeded = await sync([at("niebla.xlsx")], { cooperative: other, confirmIdentity: true });
    expect(seeded.output).toContain("guardado como versión 1 (borrador)");
    // b.xlsx is bound to the Corral cooperative (version 3) and names it: aimed at «Mariscadoras de Niebla».
    const refused = await sync([at("b.xlsx")], { cooperative: other, replace: true });
    expect(refused.exitCode).toBe(1);
    expect(refused.output).not.toMatch(/reemplaza la|reemplazó la/);
    expect(refused.output).toMatch(/no se reemplazó nada: el servidor conserva su versión 1 \(borrador, guardada por gestora\.bind@ejemplo\.cl el .+\)\./);
    expect(refused.output).toContain("rechazado: el libro no coincide con la cooperativa registrada «Mariscadoras de Niebla» en 1 dato; no se guardó nada:");
    expect((await aos.getPlan(other)).version).toBe(1);
    const confirmed = await sync([at("b.xlsx")], { cooperative: other, replace: true, confirmIdentity: true });
    expect(confirmed.output).toMatch(new RegExp(`reemplazó la versión 1 \\(borrador, guardada por gestora\\.bind@ejemplo\\.cl el .+\\); el libro estaba vinculado a otra cooperativa: «Grupo Pre-cooperativo Mariscadoras de Corral» \\(--cooperative ${coop}, versión 3\\)\\.`));
    expect(confirmed.output).not.toContain("no estaba vinculado");
    expect(confirmed.output).toContain("guardado como versión 2 (borrador)");
    expect((await readBindingOfFile(at("b.xlsx")))).toEqual({ cooperativeId: other, version: 2, syncedAt: expect.any(String) });
  }, 90_000);

  it("a workbook that cannot be written says so and saves nothing (the error is injected: tests run as root)", async () => {
    await edited(at("b.xlsx"), at("bloqueado.xlsx"), 440_000);
    await writeBindingToFile(at("bloqueado.xlsx"), { cooperativeId: coop, version: 3 });
    const locked: SyncFs = { ...nodeSyncFs, checkWritable: async () => { throw Object.assign(new Error("injected"), { code: "EBUSY" }); } };
    const result = await sync([at("bloqueado.xlsx")], { fs: locked });
    expect(result.exitCode).toBe(2);
    expect(result.output).toContain(`No se puede modificar «${at("bloqueado.xlsx")}»: está abierto en otro programa (ciérrelo en Excel). La sincronización guarda en el libro la versión que envía, así que no se envió nada`);
    expect((await aos.getPlan(coop)).version).toBe(3);
  }, 60_000);

  it("only .xlsx files bind: another extension is asked to be saved as .xlsx; --server-copy takes one file", async () => {
    copyFileSync(at("b.xlsx"), at("plan.xlsm"));
    const macro = await sync([at("plan.xlsm")]);
    expect(macro.exitCode).toBe(2);
    expect(macro.output).toContain("Solo un Libro de Excel (.xlsx) guarda la versión que sincronizó: guarde «plan.xlsm» como .xlsx");
    const two = await sync([at("a.xlsx"), at("b.xlsx")], { serverCopy: at("x.xlsx") });
    expect(two).toEqual({ exitCode: 2, output: expect.stringContaining("--server-copy sirve para un solo archivo") });
  }, 60_000);
  it("bound before --submit and the AOS's return: the edited workbook syncs (exit 0) on top and is bound to the new version (issue 12)", async () => {
    const id = (await aos.registerCooperative("14", { name: "Mariscadoras de Huiro", modality: "creacion", callYear: 2025, gestorEmail: GESTORA })).id;
    copyFileSync(corral, at("huiro.xlsx"));
    const submitted = await sync([at("huiro.xlsx")], { cooperative: id, confirmIdentity: true, submit: true });
    expect(submitted.output).toContain("enviado al AOS (versión 2).");
    expect((await readBindingOfFile(at("huiro.xlsx")))?.version).toBe(2);
    expect((await aos.transition(id, { action: "return", comment: "Falta la cotización de la línea 1." })).version).toBe(3);

    await edited(at("huiro.xlsx"), at("huiro2.xlsx"), 410_000);
    await writeBindingToFile(at("huiro2.xlsx"), { cooperativeId: id, version: 2 });
    const after = await sync([at("huiro2.xlsx")], { confirmIdentity: true });
    expect(after.output).not.toContain("conflicto");
    expect(after.output).toContain("guardado como versión 4 (observado)");
    expect(after.exitCode).toBe(0);
    expect(await readBindingOfFile(at("huiro2.xlsx"))).toEqual({ cooperativeId: id, version: 4, syncedAt: expect.any(String) });
    expect((await aos.getPlan(id)).plan.investmentLines[0].sercotecAmount).toBe(410_000);
  }, 90_000);

  it("a save whose answer was lost: the same workbook synced again is answered with that version (exit 0) and bound to it, nothing new saved", async () => {
    const id = (await aos.registerCooperative("14", { name: "Mariscadoras de Chaihuín", modality: "creacion", callYear: 2025, gestorEmail: GESTORA })).id;
    copyFileSync(corral, at("chaihuin.xlsx"));
    expect((await sync([at("chaihuin.xlsx")], { cooperative: id, confirmIdentity: true })).output).toContain("guardado como versión 1 (borrador)");
    await edited(at("chaihuin.xlsx"), at("chaihuin2.xlsx"), 405_000);
    await writeBindingToFile(at("chaihuin2.xlsx"), { cooperativeId: id, version: 1 });
    // The server saved version 2 from this very workbook (another key: a click in the pane), the answer never arrived.
    const gestora = await backend.clientAs(GESTORA, "gestor", "14");
    expect((await gestora.putPlan(id, { plan: await planOf(at("chaihuin2.xlsx")), baseVersion: 1, confirmIdentity: true }, "lost-answer-key-0001")).version).toBe(2);

    const retried = await sync([at("chaihuin2.xlsx")], { confirmIdentity: true });
    expect(retried.output).not.toContain("conflicto");
    expect(retried.output).toContain("versión 2 (borrador)");
    expect(retried.exitCode).toBe(0);
    expect(await readBindingOfFile(at("chaihuin2.xlsx"))).toEqual({ cooperativeId: id, version: 2, syncedAt: expect.any(String) });
    expect((await aos.listRevisions(id)).items.map((r) => r.version)).toEqual([1, 2]);

    // Another content from version 1 is still a conflict (exit 3).
    await edited(at("chaihuin.xlsx"), at("chaihuin3.xlsx"), 407_000);
    await writeBindingToFile(at("chaihuin3.xlsx"), { cooperativeId: id, version: 1 });
    expect((await sync([at("chaihuin3.xlsx")], { confirmIdentity: true })).exitCode).toBe(3);
  }, 90_000);
});
