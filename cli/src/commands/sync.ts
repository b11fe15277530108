import { createHash } from "node:crypto";
import path from "node:path";
import { Command } from "commander";
import { SingleBar } from "cli-progress";
import { normalizeLabel, type Finding, type Plan } from "@coop-plans/shared/domain";
import { cooperativeNameKey, isApiError, PLAN_STATUS_LABELS, type ApiClient, type CooperativeSummary, type MeResponse } from "@coop-plans/shared/api";
import { COOPERATIVE_SHEET } from "@coop-plans/shared/workbook";
import type { CliCommand } from "../cliCommand";
import { type CommandResult, type ExitCode, worstExitCode } from "../commandResult";
import { apiClientFor, type BackendOptions } from "../config";
import { describeApiFailure } from "../backendErrors";
import { validateFile } from "./validate";

/** Options of `coop-plans sync`. */
export interface SyncOptions extends BackendOptions {
  /** Submit each plan saved without errors (gestor). */
  submit?: boolean;
  /** The cooperative's id as the AOS registered it; only with a single file. */
  cooperative?: string;
  /** Show a progress bar on stderr (default: when stderr is a terminal and there are several files). */
  progress?: boolean;
}

/** What happened to one file. */
export interface SyncFileReport {
  file: string;
  exitCode: ExitCode;
  cooperativeId?: string;
  cooperativeName?: string;
  version?: number;
  status?: string;
  errors?: number;
  warnings?: number;
  submitted?: boolean;
  /** Spanish lines explaining the outcome. */
  messages: string[];
}

/**
 * The idempotency key of a save: the same file synced again against the same version sends the
 * same key, so a retried request returns the first result instead of a second revision.
 */
export function syncIdempotencyKey(cooperativeId: string, baseVersion: number, plan: Plan): string {
  return "sync-" + createHash("sha256").update(`${cooperativeId}:${baseVersion}:${JSON.stringify(plan)}`).digest("hex").slice(0, 40);
}

/** `«Nombre» (14, id 0b6f…)`: a cooperative as the user reads it in a message, with the id to pass to --cooperative. */
function candidateText(c: Pick<CooperativeSummary, "id" | "name" | "regionCode">): string {
  return `«${c.name}» (región ${c.regionCode}, --cooperative ${c.id})`;
}

/** `Cooperativa!B5: …` of the findings about the Cooperativa sheet's name or región (parse or PLAN-001/002), for a message. */
function identityProblems(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => f.ruleId === "PARSE-016" || f.location.field === "cooperative.regionCode" || f.location.field === "cooperative.name")
    .map((f) => `${f.location.sheet ?? COOPERATIVE_SHEET.name}${f.location.cell ? `!${f.location.cell}` : ""}: ${f.message}`);
}

/**
 * Which cooperative a workbook belongs to. With `--cooperative <id>`, that one. Otherwise the
 * Cooperativa sheet's name and región are matched against the cooperatives the caller may write:
 * a gestor/a's assigned ones (`/v1/me`); for the AOS, the cooperatives of the plan's region.
 * Names are compared with `cooperativeNameKey` (accents, case and spacing ignored; text in
 * parentheses KEPT: "X (Valdivia)" is not "X"). Exactly one must match; otherwise the message
 * lists the candidates with their ids. When the name or región cannot be read, the message says
 * which cell is wrong, from the `findings` of reading the workbook.
 */
export async function resolveCooperative(
  client: ApiClient, me: MeResponse, plan: Plan, explicitId: string | undefined, findings: readonly Finding[] = [],
): Promise<{ ok: true; cooperative: Pick<CooperativeSummary, "id" | "name" | "version"> | { id: string; name: string; version: null } } | { ok: false; message: string }> {
  if (explicitId) {
    const known = me.cooperatives.find((c) => c.id === explicitId);
    return { ok: true, cooperative: known ?? { id: explicitId, name: plan.cooperative.name ?? explicitId, version: null } };
  }
  const name = plan.cooperative.name?.trim();
  const region = plan.cooperative.regionCode;
  if (!name || !region) {
    const problems = identityProblems(findings);
    const missing = !name && !region ? "el nombre ni la región" : !name ? "el nombre" : "la región";
    const where = problems.length > 0 ? ` ${problems.join(" ")}` : "";
    return { ok: false, message: `No se pudo leer ${missing} de la cooperativa en la hoja Cooperativa.${where} Corríjalo en la planilla o indique --cooperative <id> (el identificador que entregó el AOS; véalo con «coop-plans status»).` };
  }
  let candidates: CooperativeSummary[] = me.cooperatives;
  if (me.role !== "gestor" && (me.regions === "*" || me.regions.includes(region))) {
    candidates = [];
    let nextToken: string | null = null;
    do {
      const page = await client.listCooperatives(region, { limit: 100, nextToken });
      candidates.push(...page.items);
      nextToken = page.nextToken;
    } while (nextToken);
  }
  const key = cooperativeNameKey(name);
  const matches = candidates.filter((c) => c.regionCode === region && cooperativeNameKey(c.name) === key);
  if (matches.length === 1) return { ok: true, cooperative: matches[0] };
  if (matches.length > 1) {
    return { ok: false, message: `Hay ${matches.length} cooperativas «${name}» en la región ${region}: ${matches.map(candidateText).join("; ")}. Indique cuál con --cooperative <id>.` };
  }
  // Near matches (same name but for punctuation or a parenthetical) first, then the rest.
  const near = candidates.filter((c) => c.regionCode === region && normalizeLabel(c.name) === normalizeLabel(name));
  if (near.length > 0) {
    return { ok: false, message: `La cooperativa «${name}» de la región ${region} no está entre las suyas con ese nombre exacto. ¿Es una de estas? ${near.map(candidateText).join("; ")}. Indique cuál con --cooperative <id>.` };
  }
  const list = candidates.length > 0
    ? ` Cooperativas a su cargo: ${candidates.map(candidateText).join("; ")}.`
    : " No tiene cooperativas asignadas: pida al AOS que le asigne la cooperativa.";
  return { ok: false, message: `La cooperativa «${name}» de la región ${region} no está entre las suyas.${list} O indique --cooperative <id>.` };
}

/** The latest version of a cooperative's plan (0 when none was saved). */
async function latestVersion(client: ApiClient, id: string): Promise<number> {
  try {
    return (await client.getPlan(id)).version;
  } catch (error) {
    if (isApiError(error) && error.code === "PLAN_NOT_FOUND") return 0;
    throw error;
  }
}

/**
 * Syncs one file: reads and validates it locally, finds its cooperative, saves it on top of the
 * latest version (a concurrent save gives 409, reported, never retried over; an unchanged plan
 * writes no revision and prints «sin cambios: versión N»), and with `submit` sends it when the
 * server found no errors and it is still editable. Never throws.
 */
export async function syncFile(client: ApiClient, base: string, me: MeResponse, file: string, options: SyncOptions): Promise<SyncFileReport> {
  const report: SyncFileReport = { file, exitCode: 0, messages: [] };
  const local = await validateFile(file);
  if (local.error || !local.plan) {
    return { ...report, exitCode: 2, messages: [local.error?.message ?? "No se pudo leer el archivo."] };
  }
  const plan = local.plan;
  try {
    const resolved = await resolveCooperative(client, me, plan, options.cooperative, local.findings ?? []);
    if (!resolved.ok) return { ...report, exitCode: 2, messages: [resolved.message] };
    const coop = resolved.cooperative;
    report.cooperativeId = coop.id;
    report.cooperativeName = coop.name;
    const baseVersion = coop.version ?? (await latestVersion(client, coop.id));
    const saved = await client.putPlan(coop.id, { plan, baseVersion }, syncIdempotencyKey(coop.id, baseVersion, plan));
    report.version = saved.version;
    report.status = saved.status;
    report.errors = saved.counts.error;
    report.warnings = saved.counts.warning;
    report.messages.push(saved.unchanged
      ? `sin cambios: versión ${saved.version} (${PLAN_STATUS_LABELS[saved.status].toLowerCase()}): ${saved.counts.error} errores, ${saved.counts.warning} advertencias.`
      : `guardado como versión ${saved.version} (${PLAN_STATUS_LABELS[saved.status].toLowerCase()}): ${saved.counts.error} errores, ${saved.counts.warning} advertencias.`);
    if (saved.counts.error > 0) report.exitCode = 1;
    const submittable = saved.status === "borrador" || saved.status === "observado";
    if (options.submit && !submittable) {
      report.messages.push(`no se envió: el plan ya está ${PLAN_STATUS_LABELS[saved.status].toLowerCase()}.`);
    } else if (options.submit) {
      if (saved.counts.error > 0) {
        report.messages.push("no se envió: corrija los errores y vuelva a sincronizar.");
      } else {
        const sent = await client.transition(coop.id, { action: "submit" });
        report.version = sent.version;
        report.status = sent.status;
        report.submitted = true;
        report.messages.push(`enviado al AOS (versión ${sent.version}).`);
      }
    }
  } catch (error) {
    const failure = describeApiFailure(error, base);
    report.exitCode = failure.exitCode > report.exitCode ? failure.exitCode : report.exitCode;
    report.messages.push(failure.message);
  }
  return report;
}

function formatReport(r: SyncFileReport): string {
  const mark = r.exitCode === 0 ? "✔" : r.exitCode === 1 ? "✖" : "!";
  const target = r.cooperativeName ? ` → ${r.cooperativeName}${r.cooperativeId ? ` (${r.cooperativeId})` : ""}` : "";
  return `${mark} ${r.file}${target}\n${r.messages.map((m) => `    ${m}`).join("\n")}\n`;
}

/**
 * `coop-plans sync <files...> [--submit] [--cooperative <id>]`: saves each workbook's plan in its
 * cooperative (see `resolveCooperative`). A conflict, a locked plan or errors are reported per file
 * and never stop the batch; the exit code is the highest: 0 saved clean, 1 saved with errors /
 * refused by the plan's state (409, 422), 2 not saved (unreadable file, no match, no session or
 * connection).
 */
export async function syncFiles(files: string[], options: SyncOptions = {}): Promise<CommandResult> {
  if (files.length === 0) return { exitCode: 2, output: "Indique al menos un archivo .xlsx para sincronizar.\n" };
  if (options.cooperative && files.length > 1) {
    return { exitCode: 2, output: "--cooperative sirve para un solo archivo: sincronice los demás por separado o sin esa opción.\n" };
  }
  const { client, base, signedIn } = apiClientFor(options);
  if (!signedIn) return { exitCode: 2, output: "No hay sesión iniciada: use «coop-plans login» (o defina COOP_PLANS_TOKEN).\n" };
  let me: MeResponse;
  try {
    me = await client.me();
  } catch (error) {
    return { exitCode: 2, output: describeApiFailure(error, base).message + "\n" };
  }
  const showBar = options.progress ?? (files.length > 1 && Boolean(process.stderr.isTTY));
  const bar = showBar ? new SingleBar({ format: "Sincronizando [{bar}] {value}/{total} {file}", stream: process.stderr, hideCursor: true, clearOnComplete: true }) : null;
  bar?.start(files.length, 0, { file: "" });
  const reports: SyncFileReport[] = [];
  for (const file of files) {
    bar?.update(reports.length, { file: path.basename(file) });
    reports.push(await syncFile(client, base, me, file, options));
  }
  bar?.update(files.length, { file: "" });
  bar?.stop();
  const exitCode = worstExitCode(reports.map((r) => r.exitCode));
  let output = reports.map(formatReport).join("");
  if (reports.length > 1) {
    const ok = reports.filter((r) => r.exitCode === 0).length;
    output += `\n${reports.length} archivos: ${ok} sincronizados sin errores, ${reports.filter((r) => r.exitCode === 1).length} con errores o rechazados, ${reports.filter((r) => r.exitCode === 2).length} sin sincronizar (código ${exitCode}).\n`;
  }
  return { exitCode, output };
}

/** The `sync` subcommand. */
export const syncCommand: CliCommand = (ctx) =>
  new Command("sync")
    .description("envía el plan de uno o más libros (.xlsx) a la API; la cooperativa se reconoce por nombre y región de la hoja Cooperativa")
    .usage("[opciones] <archivos...>")
    .argument("<archivos...>", "libros de Excel (.xlsx) con el plan de la cooperativa")
    .option("--submit", "envía al AOS cada plan guardado sin errores")
    .option("--cooperative <id>", "identificador de la cooperativa (entregado por el AOS), para un solo archivo")
    .option("--api <url>", "URL de la API (por omisión COOP_PLANS_API o http://127.0.0.1:4000)")
    .action(async (files: string[], opts: SyncOptions) => {
      ctx.emit(await syncFiles(files, opts));
    });
