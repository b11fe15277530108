import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ApiClient } from "@coop-plans/shared/api";
import type { Plan } from "@coop-plans/shared/domain";
import { parseWorkbook } from "@coop-plans/shared/workbook";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import { runCli } from "../../../cli/src/program";
import { COMMANDS } from "../../../cli/src/main";
import { isolateCliEnvironment } from "./isolatedEnv";
import { startCliBackend, type CliBackend } from "./cliBackend";
import { REPO } from "../../functions/local/harness/spawnTsx";

// The AOS's observations pinned to lines and fields from the CLI (issue 12, items 4 and 5):
// `review return ID --comment … --line inversiones:2="…" --field rut="…"`, then `review show`,
// `status ID` and `history ID` print them with their target. Local API over DynamoDB Local.

const corral = path.join(REPO, "tests/fixtures/emailed/mariscadoras_corral.xlsx");
const GESTORA = "gestora.obs@ejemplo.cl";
const AOS = "aos.obs@ejemplo.cl";
const isolated = isolateCliEnvironment();
let backend: CliBackend;
let gestora: ApiClient;
let coop: string;
let plan: Plan;
let aosToken: string;
let gestoraToken: string;

async function run(token: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  process.env.COOP_PLANS_TOKEN = token;
  const out = { stdout: "", stderr: "" };
  const code = await runCli(COMMANDS, ["node", "coop-plans", ...args, "--api", backend.server.url], {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
  });
  return { code, ...out };
}

beforeAll(async () => {
  backend = await startCliBackend("review-observations", isolated.dataDir, randomBytes(32));
  aosToken = await backend.token(AOS, "aos", "14");
  gestoraToken = await backend.token(GESTORA, "gestor", "14");
  gestora = await backend.clientAs(GESTORA, "gestor", "14");
  plan = parseWorkbook(await readWorkbookGrids(new Uint8Array(readFileSync(corral)))).plan;
  coop = (await (await backend.clientAs(AOS, "aos", "14")).registerCooperative("14", { name: plan.cooperative.name!, modality: "creacion", callYear: 2025, gestorEmail: GESTORA })).id;
  await gestora.putPlan(coop, { plan, baseVersion: 0 }, "obs-save-0001");
  await gestora.transition(coop, { action: "submit" });
}, 120_000);

afterAll(async () => {
  await backend?.stop();
  isolated.restore();
});

describe("coop-plans review return --line/--field (DynamoDB Local)", () => {
  it("refuses unclear options before calling the API, in Spanish, naming the option", async () => {
    const badPlan = await run(aosToken, "review", "return", coop, "--line", "presupuesto:2=Falta");
    expect(badPlan.code).toBe(2);
    expect(badPlan.stdout).toBe("--line «presupuesto:2=Falta» no se entiende: escriba PLAN:N°=\"texto\", con PLAN inversiones o accion (por ejemplo --line inversiones:3=\"Falta la segunda cotización\").\n");
    const noText = await run(aosToken, "review", "return", coop, "--line", "inversiones:2=  ");
    expect(noText.stdout).toBe("--line inversiones:2: escriba el texto de la observación después de «=»\n");
    const badField = await run(aosToken, "review", "return", coop, "--field", "color=rojo");
    expect(badField.code).toBe(2);
    expect(badField.stdout).toContain("--field «color=rojo» no se entiende: escriba CAMPO=\"texto\", con CAMPO uno de callYear, regionCode,");
    const missingLine = await run(aosToken, "review", "return", coop, "--line", "inversiones:99=No existe");
    expect(missingLine.code).toBe(1); // the API's 400, as every refused input of a backend command
    expect(missingLine.stdout).toContain("La observación 1 apunta a la línea N° 99 del Plan de inversiones, que no está en la versión 2 del plan");
    expect((await gestora.listRevisions(coop)).items).toHaveLength(2);
  }, 60_000);

  it("returns with a comment, a line and a field; show, status and history print each with its target", async () => {
    const n = plan.investmentLines[1].number!;
    const returned = await run(aosToken, "review", "return", coop,
      "--comment", "Revise el plan con la directiva.",
      "--line", `Inversiones:${n}=Falta la segunda cotización.`,
      "--field", "RUT=Escriba el RUT de la escritura de constitución.",
      "--line", "accion:1=La fecha de término es anterior al inicio.");
    expect(returned.stderr).toBe("");
    expect(returned.code).toBe(0);
    expect(returned.stdout).toMatch(/^Plan devuelto con observaciones: versión 3 \(observado\), .*\. 3 observaciones en líneas o campos\.\n$/);

    const revisions = (await gestora.listRevisions(coop)).items;
    expect(revisions[2]).toMatchObject({
      comment: "Revise el plan con la directiva.",
      observations: [
        { target: { kind: "line", plan: "investment", lineNumber: n }, text: "Falta la segunda cotización." },
        { target: { kind: "line", plan: "action", lineNumber: 1 }, text: "La fecha de término es anterior al inicio." },
        { target: { kind: "field", field: "rut" }, text: "Escriba el RUT de la escritura de constitución." },
      ],
    });

    const pinned = [
      `  · Línea ${n} del Plan de inversiones: Falta la segunda cotización.`,
      "  · Actividad 1 del Plan de acción: La fecha de término es anterior al inicio.",
      "  · Campo «RUT» de la hoja Cooperativa: Escriba el RUT de la escritura de constitución.",
    ];
    const status = await run(gestoraToken, "status", coop);
    expect(status.code).toBe(0);
    const lines = status.stdout.split("\n");
    const at = lines.findIndex((l) => l.startsWith(`  Observación del AOS (${AOS}, `));
    expect(lines[at]).toMatch(/, versión 3\): Revise el plan con la directiva\.$/);
    expect(lines.slice(at + 1, at + 4)).toEqual(pinned.map((l) => `  ${l}`));

    const history = await run(gestoraToken, "history", coop);
    expect(history.stdout).toContain(`Observaciones de la versión 3:\n${pinned.join("\n")}\n`);

    const show = await run(aosToken, "review", "show", coop);
    expect(show.stdout).toContain(`${pinned.map((l) => `  ${l}`).join("\n")}\n`);
    expect(show.stdout).toMatch(/Última observación del AOS \(.*versión 3\): Revise el plan con la directiva\./);
  }, 60_000);

  it("reopen and approve take a comment and pinned observations too", async () => {
    await gestora.transition(coop, { action: "submit" });
    const approved = await run(aosToken, "review", "approve", coop, "--comment", "Conforme.");
    expect(approved.stdout).toMatch(/^Plan aprobado: versión 5 \(aprobado\), [^.]*\.\n$/);
    const reopened = await run(aosToken, "review", "reopen", coop, "--comment", "Ajuste de montos.", "--field", "Convocatoria=Es la convocatoria 2025.");
    expect(reopened.code).toBe(0);
    expect((await gestora.getPlan(coop))).toMatchObject({
      version: 6, action: "reopen", comment: "Ajuste de montos.", observations: [{ target: { kind: "field", field: "callYear" }, text: "Es la convocatoria 2025." }],
    });
  }, 60_000);

  it("the help of review return explains --line and --field in Spanish", async () => {
    const help = await run(aosToken, "review", "return", "--help");
    expect(help.stdout).toContain("--line <PLAN:N°=texto>");
    expect(help.stdout).toContain("(PLAN es inversiones o accion)");
    expect(help.stdout).toContain("--field <CAMPO=texto>");
  });
});
