import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ApiClient } from "@coop-plans/shared/api";
import type { Plan } from "@coop-plans/shared/domain";
import { parseWorkbook } from "@coop-plans/shared/workbook";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import { history, status } from "../../../cli/src/commands/status";
import { reviewDecide, reviewShow } from "../../../cli/src/commands/review";
import { addCooperative, assignCooperative, listCooperativesCommand } from "../../../cli/src/commands/cooperatives";
import { startCliBackend, type CliBackend } from "./cliBackend";
import { isolateCliEnvironment } from "./isolatedEnv";
import { REPO } from "../../functions/local/harness/spawnTsx";

// The review loop closed both ways from the CLI (issue 12, items 4 and 5): the AOS reviews
// (findings, totals, what changed since the last submission), returns with an observation the
// gestora reads in `status`, approves, reopens; `history` lists every revision. Local adapter
// over DynamoDB Local; workbook: tests/fixtures/emailed (region 14).

const corral = path.join(REPO, "tests/fixtures/emailed/mariscadoras_corral.xlsx");
const GESTORA = "gestora.loop@ejemplo.cl";
const AOS = "aos.loop@ejemplo.cl";
const isolated = isolateCliEnvironment();
const key = randomBytes(32);
let backend: CliBackend;
let gestora: ApiClient;
let coop: string;
let plan: Plan;
let gestoraToken: string;
let aosToken: string;

const as = (token: string) => {
  process.env.COOP_PLANS_TOKEN = token;
};
const DATE_TIME = /\d{2}-\d{2}-\d{4}, \d{2}:\d{2}/;

beforeAll(async () => {
  backend = await startCliBackend("review-loop", isolated.dataDir, key);
  aosToken = await backend.token(AOS, "aos", "14");
  gestoraToken = await backend.token(GESTORA, "gestor", "14");
  gestora = await backend.clientAs(GESTORA, "gestor", "14");
  plan = parseWorkbook(await readWorkbookGrids(new Uint8Array(readFileSync(corral)))).plan;
  coop = (await (await backend.clientAs(AOS, "aos", "14")).registerCooperative("14", { name: plan.cooperative.name!, modality: "creacion", callYear: 2025, gestorEmail: GESTORA })).id;
}, 120_000);

afterAll(async () => {
  await backend?.stop();
  isolated.restore();
});

describe("coop-plans review / status / history (DynamoDB Local)", () => {
  it("first submission: review show lists totals and findings and says there is nothing to compare with; return needs a comment", async () => {
    await gestora.putPlan(coop, { plan, baseVersion: 0 }, "loop-save-0001");
    await gestora.transition(coop, { action: "submit" });
    as(aosToken);
    const shown = await reviewShow(coop, { api: backend.server.url });
    expect(shown.exitCode).toBe(0);
    expect(shown.output).toContain(`Plan de «Grupo Pre-cooperativo Mariscadoras de Corral» (${coop})`);
    expect(shown.output).toMatch(new RegExp(`Estado: Enviado · versión 2, enviado al AOS por ${GESTORA} el ${DATE_TIME.source}\\.`));
    expect(shown.output).toContain("Totales: inversión $4.150.000, aporte Sercotec $4.040.000, aporte empresarial $110.000;");
    expect(shown.output).toContain("Hallazgos: 0 errores, 0 advertencias, 0 avisos.");
    expect(shown.output).toContain("Primer envío: no hay una versión enviada o aprobada anterior con qué compararlo.");
    expect(await reviewDecide("return", coop, { api: backend.server.url })).toEqual({ exitCode: 2, output: expect.stringContaining("--comment") });
    const returned = await reviewDecide("return", coop, { api: backend.server.url, comment: "Falta la segunda cotización de la línea 1." });
    expect(returned.exitCode).toBe(0);
    expect(returned.output).toMatch(/^Plan devuelto con observaciones: versión 3 \(observado\), /);
  }, 60_000);

  it("the gestora sees the estado and the AOS's observation in status, and status ID lists the server's findings", async () => {
    as(gestoraToken);
    const mine = await status({ api: backend.server.url });
    expect(mine.output).toContain("1 cooperativa asignada. 1 observado.");
    expect(mine.output).toMatch(new RegExp(`«Grupo Pre-cooperativo Mariscadoras de Corral»: Observación del AOS \\(${AOS}, ${DATE_TIME.source}, versión 3\\): Falta la segunda cotización de la línea 1\\.`));
    const one = await status({ api: backend.server.url }, coop);
    expect(one.output).toContain("Estado: Observado · versión 3, devuelto con observaciones por aos.loop@ejemplo.cl el");
    expect(one.output).toContain("Hallazgos del servidor: 0 errores, 0 advertencias, 0 avisos.");
    expect(one.output).toContain("Observación del AOS (aos.loop@ejemplo.cl,");
  }, 60_000);

  it("after a resubmission, review show lists what changed since the last submission; approve, reopen; history lists every revision", async () => {
    const edited: Plan = JSON.parse(JSON.stringify(plan));
    const line = edited.investmentLines[0];
    line.sercotecAmount = (line.sercotecAmount ?? 0) - 50_000;
    line.ownAmount = (line.ownAmount ?? 0) + 50_000;
    line.quotes = 2;
    await gestora.putPlan(coop, { plan: edited, baseVersion: 3 }, "loop-save-0002");
    await gestora.transition(coop, { action: "submit" });
    as(aosToken);
    const shown = await reviewShow(coop, { api: backend.server.url });
    expect(shown.output).toMatch(new RegExp(`Cambios desde la versión 2 \\(enviado al AOS el ${DATE_TIME.source}\\):`));
    const lineTitle = `Línea N° ${line.number} (${line.item} — ${line.description})`;
    expect(shown.output).toContain(`Cambió: ${lineTitle}, Aporte Sercotec: $${(plan.investmentLines[0].sercotecAmount!).toLocaleString("es-CL")} → $${line.sercotecAmount.toLocaleString("es-CL")}.`);
    expect(shown.output).toContain(`Cambió: ${lineTitle}, N° de cotizaciones: ${plan.investmentLines[0].quotes ?? "(vacío)"} → 2.`);
    expect(shown.output).toContain("Aporte Sercotec: $4.040.000 → $3.990.000 (−$50.000).");
    expect(shown.output).toContain("Última observación del AOS");
    const [json] = JSON.parse((await reviewShow(coop, { api: backend.server.url, json: true })).output);
    expect(json.comparedWith).toBe(2);
    expect(json.changes.totals.find((t: { field: string }) => t.field === "ownAmount").delta).toBe(50_000);

    expect((await reviewDecide("approve", coop, { api: backend.server.url })).output).toMatch(/^Plan aprobado: versión 6 \(aprobado\)/);
    expect((await reviewDecide("approve", coop, { api: backend.server.url })).exitCode).toBe(1); // already approved: 409
    expect((await reviewDecide("reopen", coop, { api: backend.server.url, comment: "Corregir el RUT del proveedor." })).output).toMatch(/^Plan reabierto: versión 7 \(observado\)/);

    as(gestoraToken);
    const trail = await history(coop, { api: backend.server.url });
    expect(trail.exitCode).toBe(0);
    expect(trail.output).toContain(`Historial del plan de ${coop} (7 revisiones):`);
    const rows = trail.output.split("\n").filter((l) => /^\s+\d\s/.test(l));
    expect(rows.map((r) => r.trim().split(/\s{2,}/).slice(0, 4))).toEqual([
      ["1", "Borrador", "Guardado", GESTORA],
      ["2", "Enviado", "Enviado al AOS", GESTORA],
      ["3", "Observado", "Devuelto con observaciones", AOS],
      ["4", "Observado", "Guardado", GESTORA],
      ["5", "Enviado", "Enviado al AOS", GESTORA],
      ["6", "Aprobado", "Aprobado", AOS],
      ["7", "Observado", "Reabierto", AOS],
    ]);
    expect(rows[2]).toMatch(new RegExp(`${DATE_TIME.source}\\s+Falta la segunda cotización de la línea 1\\.$`));
    expect((await history("no-existe", { api: backend.server.url })).exitCode).toBe(2);
  }, 60_000);
});

describe("coop-plans cooperatives add|assign|list (the AOS's registry)", () => {
  it("registers (prints the id; --json the cooperative), refuses a duplicate naming the one registered, assigns and lists", async () => {
    as(aosToken);
    const added = await addCooperative({ api: backend.server.url, region: "14", name: "Cooperativa Lechera de Paillaco", modality: "creación", call: "2025", rut: "76.086.428-5" });
    expect(added.exitCode).toBe(0);
    const [line, id] = added.output.trimEnd().split("\n");
    expect(line).toBe("Registrada «Cooperativa Lechera de Paillaco» en la región 14 Los Ríos (Creación y Desarrollo, convocatoria 2025, sin gestor/a asignado (asígnelo con «coop-plans cooperatives assign»)).");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const json = await addCooperative({ api: backend.server.url, region: "14", name: "Apicultores de Lanco", modality: "fortalecimiento", call: "2025", gestor: "Otra.Gestora@Ejemplo.cl", json: true });
    expect(JSON.parse(json.output)).toMatchObject([{ id: expect.any(String), name: "Apicultores de Lanco", regionCode: "14", modality: "fortalecimiento", gestorEmail: "otra.gestora@ejemplo.cl" }]);
    const duplicate = await addCooperative({ api: backend.server.url, region: "14", name: "cooperativa lechera de PAILLACO", modality: "creacion", call: "2025" });
    expect(duplicate.exitCode).toBe(2);
    expect(duplicate.output).toContain(`Ya hay una cooperativa llamada «cooperativa lechera de PAILLACO» en la región 14 (identificador ${id})`);
    expect((await addCooperative({ api: backend.server.url, region: "14", name: "X", call: "2025" })).output).toContain("--modality creacion");
    expect(await addCooperative({ api: backend.server.url, region: "17", name: "X", modality: "creacion", call: "2025" })).toEqual({ exitCode: 2, output: expect.stringContaining("Región «17» no reconocida") });

    const assigned = await assignCooperative(id, { api: backend.server.url, gestor: GESTORA });
    expect(assigned).toEqual({ exitCode: 0, output: `«Cooperativa Lechera de Paillaco» (${id}) queda a cargo de ${GESTORA}.\n` });
    const list = await listCooperativesCommand({ api: backend.server.url });
    expect(list.output).toContain("Región 14 Los Ríos: 3 cooperativas registradas.");
    expect(list.output).toMatch(new RegExp(`Cooperativa Lechera de Paillaco\\s+${id}\\s+76086428-5\\s+Creación y Desarrollo\\s+2025\\s+${GESTORA}`));
    as(gestoraToken);
    expect((await addCooperative({ api: backend.server.url, region: "14", name: "Y", modality: "creacion", call: "2025" })).exitCode).toBe(2);
  }, 60_000);
});
