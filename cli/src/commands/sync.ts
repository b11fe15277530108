import { createHash } from "node:crypto";
import { access, constants, open, writeFile } from "node:fs/promises";
import path from "node:path";
import { Command } from "commander";
import { normalizeLabel, type Finding, type Plan } from "@coop-plans/shared/domain";
import { cooperativeNameKey, isApiError, listAllCooperatives, PLAN_STATUS_LABELS, type ApiClient, type CooperativeSummary, type IdentityMismatch, type MeResponse, type PlanResponse } from "@coop-plans/shared/api";
import { formatCount, formatDateTime } from "@coop-plans/shared/format";
import { findingsAddedBy } from "@coop-plans/shared/findings";
import { bindingProperties, COOPERATIVE_SHEET, renderWorkbook, type WorkbookBinding } from "@coop-plans/shared/workbook";
import { writeCustomProperties, writeWorkbook } from "@coop-plans/shared/xlsx";
import type { CliCommand } from "../cliCommand";
import { type CommandResult, type ExitCode, worstExitCode } from "../commandResult";
import { apiClientFor, type BackendOptions } from "../config";
import { describeApiFailure } from "../backendErrors";
import { validateFile } from "./validate";
import { findingsTable } from "../findingsTable";
import { FileAccessError } from "../readFileBytes";
import { canBind, nodeBindingFs, readBindingOfFile, writeBindingToFile, type BindingFs } from "../workbookBindingFile";

/** The file operations of a sync: the binding write, and the check that the workbook can be written before anything is saved. */
export interface SyncFs extends BindingFs {
  /** Resolves when `file` can be rewritten in place (the file opens for writing and its folder takes the new copy); rejects with the errno error otherwise. */
  checkWritable(file: string): Promise<void>;
}

/** Node's file operations (tests inject failures: they run as root, where permissions never fail). */
export const nodeSyncFs: SyncFs = {
  ...nodeBindingFs,
  checkWritable: async (file) => {
    const handle = await open(file, "r+");
    await handle.close();
    await access(path.dirname(path.resolve(file)), constants.W_OK);
  },
};
import { batchProgress } from "../progress";
import { API_OPTION_DESCRIPTION, cooperativeIdArgument, outputXlsxProblem } from "../cliOptions";
import { jsonResult } from "../jsonOutput";
import type { FindingCounts } from "@coop-plans/shared/findings";

/** Options of `coop-plans sync`. */
export interface SyncOptions extends BackendOptions {
  /** Submit each plan saved without errors (gestor). */
  submit?: boolean;
  /** The cooperative's id as the AOS registered it; only with a single file. */
  cooperative?: string;
  /** Show a progress bar on stdout (default: when stdout is a terminal and there are several files, never with `json`). */
  progress?: boolean;
  /** Print the reports as JSON (one array, an entry per file: `SyncFileReport`). */
  json?: boolean;
  /** Save over the server's plan even when the workbook is older or not bound to it (says what it replaces). */
  replace?: boolean;
  /** On a conflict, write the server's version to this .xlsx (bound to that version); one file only. */
  serverCopy?: string;
  /** The plan is this cooperative's although its name, RUT, región, modalidad or convocatoria differ from the registered ones (the server refuses it otherwise, 422). */
  confirmIdentity?: boolean;
  /** File operations (tests inject write failures). */
  fs?: SyncFs;
}

/** Spanish reason of a failed write, from its errno code. */
function writeProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "EBUSY" || code === "ETXTBSY") return "está abierto en otro programa (ciérrelo en Excel)";
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return "es de solo lectura o no hay permiso para modificarlo";
  if (code === "ENOENT") return "no se encontró";
  return `error ${code ?? "de escritura"}`;
}

/** `versión 3 (enviado, guardada por ana@… el 03-11-2025 10:22)`: the server's plan as the user reads it. */
function serverVersionText(plan: Pick<PlanResponse, "version" | "status" | "by" | "at">): string {
  return `versión ${plan.version} (${PLAN_STATUS_LABELS[plan.status].toLowerCase()}, guardada por ${plan.by.email ?? plan.by.sub} el ${formatDateTime(plan.at)})`;
}

/**
 * Writes the server's version of a plan as a standard workbook at `out`, bound to that version
 * (so it can be edited and synced). Returns the Spanish line to report.
 */
async function writeServerCopy(out: string, cooperativeId: string, plan: PlanResponse): Promise<string> {
  const rendered = await writeWorkbook(renderWorkbook({ plan: plan.plan }));
  const bound = await writeCustomProperties(rendered, bindingProperties({ cooperativeId, version: plan.version, syncedAt: plan.at }));
  try {
    await writeFile(out, bound);
  } catch (error) {
    return `no se pudo escribir la copia del servidor en «${out}»: ${writeProblem(error)}.`;
  }
  return `se escribió la ${serverVersionText(plan)} en «${out}», vinculada a esa versión: revísela, incorpore sus cambios y sincronícela.`;
}

/** `«Tejedoras Hebras de Niebla» (--cooperative 0b6f…, versión 2)`: the cooperative a workbook is bound to, named when the caller knows it. */
function boundCooperativeText(binding: WorkbookBinding, me: MeResponse): string {
  const name = me.cooperatives.find((c) => c.id === binding.cooperativeId)?.name;
  return `${name ? `«${name}» ` : ""}(--cooperative ${binding.cooperativeId}, versión ${binding.version})`;
}

/** `3 errores, 1 advertencia`. */
function errorsAndWarnings(counts: { error: number; warning: number }): string {
  return `${formatCount(counts.error, "error", "errores")}, ${formatCount(counts.warning, "advertencia", "advertencias")}`;
}

/** What happened to one file. */
export interface SyncFileReport {
  file: string;
  exitCode: ExitCode;
  cooperativeId?: string;
  cooperativeName?: string;
  version?: number;
  status?: string;
  /** The server's findings of the saved plan by severity (`{ error, warning, info }`, the names of `validate --json`). */
  counts?: FindingCounts;
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
    candidates = await listAllCooperatives(client, region);
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

/**
 * The lines of a 422 IDENTITY_MISMATCH: one per field that differs, with its cell, and the way out
 * (`--cooperative ID --confirm-identity`); the server's detail alone when it lists no mismatches.
 */
export function identityRefusal(detail: string, mismatches: readonly IdentityMismatch[], coop: { id: string; name: string }): string {
  if (mismatches.length === 0) return `rechazado: ${detail}`;
  const lines = mismatches.map((m) => `      ${m.location.cell ? `${m.location.sheet ?? COOPERATIVE_SHEET.name}!${m.location.cell}: ` : ""}${m.message}`);
  return [
    `rechazado: el libro no coincide con la cooperativa registrada «${coop.name}» en ${formatCount(mismatches.length, "dato", "datos")}; no se guardó nada:`,
    ...lines,
    `    Si se equivocó de cooperativa, sincronice con la correcta; si el plan sí es de esta cooperativa, corrija la hoja Cooperativa o confirme con --cooperative ${coop.id} --confirm-identity.`,
  ].join("\n");
}

/** The latest revision of a cooperative's plan, or null when none was saved. */
async function latestPlan(client: ApiClient, id: string): Promise<PlanResponse | null> {
  try {
    return await client.getPlan(id);
  } catch (error) {
    if (isApiError(error) && error.code === "PLAN_NOT_FOUND") return null;
    throw error;
  }
}

/**
 * Syncs one file. Reads and validates it locally; only `.xlsx` files sync (they carry the binding).
 * The cooperative: the workbook's binding first (`--cooperative` must agree unless `--replace`),
 * else `--cooperative`, else name and región (`resolveCooperative`). The base version is the one
 * the workbook is bound to: a workbook bound to an older version is refused by the server (409),
 * and an unbound workbook aimed at a cooperative that already has a plan is refused here — both
 * exit 3, nothing saved, the server keeping its plan; `--server-copy out.xlsx` then writes the
 * server's version, `--replace` saves over it after saying what it replaces. Before saving, the
 * file must be writable (the new version is recorded in it): if not, it says so and saves nothing.
 * After a save (and a submit) the workbook is bound to the version it now matches. Never throws.
 */
export async function syncFile(client: ApiClient, base: string, me: MeResponse, file: string, options: SyncOptions): Promise<SyncFileReport> {
  const report: SyncFileReport = { file, exitCode: 0, messages: [] };
  const fs = options.fs ?? nodeSyncFs;
  const local = await validateFile(file);
  if (local.error || !local.plan) {
    return { ...report, exitCode: 2, messages: [local.error?.message ?? "No se pudo leer el archivo."] };
  }
  if (!canBind(file)) {
    return { ...report, exitCode: 2, messages: [`Solo un Libro de Excel (.xlsx) guarda la versión que sincronizó: guarde «${path.basename(file)}» como .xlsx (Archivo > Guardar como > Libro de Excel) y sincronice ese archivo.`] };
  }
  const plan = local.plan;
  let binding: WorkbookBinding | null = null;
  try {
    binding = await readBindingOfFile(file);
  } catch {
    binding = null; // validateFile read the workbook; a package we cannot inspect is treated as unbound
  }
  try {
    await fs.checkWritable(file);
  } catch (error) {
    return { ...report, exitCode: 2, messages: [`No se puede modificar «${file}»: ${writeProblem(error)}. La sincronización guarda en el libro la versión que envía, así que no se envió nada; ciérrelo o quite el modo de solo lectura y vuelva a intentarlo.`] };
  }
  try {
    if (binding && options.cooperative && options.cooperative !== binding.cooperativeId && !options.replace) {
      return {
        ...report,
        exitCode: 3,
        messages: [`conflicto: el libro está vinculado a ${boundCooperativeText(binding, me)}, no a ${options.cooperative}. No se guardó nada. Si este plan es de verdad de ${options.cooperative}, use --replace.`],
      };
    }
    if (binding && !options.cooperative && me.role === "gestor" && !me.cooperatives.some((c) => c.id === binding!.cooperativeId)) {
      return { ...report, exitCode: 2, messages: [`El libro está vinculado a la cooperativa ${binding.cooperativeId}, que no está entre las suyas: pida al AOS que se la asigne, o indique la suya con --cooperative <id> --replace.`] };
    }
    let coop: { id: string; name: string };
    if (options.cooperative || !binding) {
      const resolved = await resolveCooperative(client, me, plan, options.cooperative, local.findings ?? []);
      if (!resolved.ok) return { ...report, exitCode: 2, messages: [resolved.message] };
      coop = resolved.cooperative;
    } else {
      coop = { id: binding.cooperativeId, name: me.cooperatives.find((c) => c.id === binding!.cooperativeId)?.name ?? plan.cooperative.name ?? binding.cooperativeId };
    }
    report.cooperativeId = coop.id;
    report.cooperativeName = coop.name;
    const bound = binding && binding.cooperativeId === coop.id ? binding : null;
    const server = await latestPlan(client, coop.id);

    const conflict = async (text: string, current: PlanResponse | null): Promise<SyncFileReport> => {
      report.exitCode = 3;
      report.messages.push(text);
      if (current && options.serverCopy) report.messages.push(await writeServerCopy(path.resolve(options.serverCopy), coop.id, current));
      else report.messages.push("Para bajar la versión del servidor: --server-copy servidor.xlsx; para reemplazarla con este libro: --replace.");
      return report;
    };

    let baseVersion: number;
    // What a --replace overwrites: said only once the save went through (a refused one replaces nothing).
    let replacing: PlanResponse | null = null;
    if (options.replace) {
      baseVersion = server?.version ?? 0;
      if (server && bound?.version !== server.version) replacing = server;
    } else if (bound) {
      baseVersion = bound.version;
    } else if (server) {
      return conflict(`conflicto: este libro no está vinculado a ninguna versión (nunca se sincronizó, o es una copia) y la cooperativa ya tiene un plan: ${serverVersionText(server)}. No se guardó nada; el servidor conserva su versión.`, server);
    } else {
      baseVersion = 0;
    }

    let saved;
    try {
      saved = await client.putPlan(coop.id, { plan, baseVersion, ...(options.confirmIdentity ? { confirmIdentity: true } : {}) }, syncIdempotencyKey(coop.id, baseVersion, plan));
    } catch (error) {
      if (replacing) report.messages.push(`no se reemplazó nada: el servidor conserva su ${serverVersionText(replacing)}.`);
      if (isApiError(error) && error.code === "IDENTITY_MISMATCH") {
        report.exitCode = 1;
        report.messages.push(identityRefusal(error.problem.detail, error.problem.mismatches ?? [], coop));
        return report;
      }
      if (isApiError(error) && error.code === "VERSION_CONFLICT") {
        const current = await latestPlan(client, coop.id);
        const now = current ? serverVersionText(current) : `versión ${error.problem.currentVersion ?? "?"}`;
        return conflict(`conflicto: el libro se basa en la versión ${baseVersion}, pero el servidor tiene la ${now}. No se guardó nada; el servidor conserva su versión.`, current);
      }
      throw error;
    }
    if (replacing && !saved.unchanged) {
      const before = bound
        ? `el libro se basaba en la versión ${bound.version}`
        : binding
          ? `el libro estaba vinculado a otra cooperativa: ${boundCooperativeText(binding, me)}`
          : "el libro no estaba vinculado a ninguna versión";
      report.messages.push(`reemplazó la ${serverVersionText(replacing)}; ${before}.`);
    }
    report.version = saved.version;
    report.status = saved.status;
    report.counts = saved.counts;
    report.messages.push(saved.unchanged
      ? `sin cambios: versión ${saved.version} (${PLAN_STATUS_LABELS[saved.status].toLowerCase()}): ${errorsAndWarnings(saved.counts)}.`
      : `guardado como versión ${saved.version} (${PLAN_STATUS_LABELS[saved.status].toLowerCase()}): ${errorsAndWarnings(saved.counts)}.`);
    const added = findingsAddedBy(saved.findings, local.findings ?? []);
    if (added.length > 0) {
      report.messages.push(`El servidor agregó ${formatCount(added.length, "hallazgo", "hallazgos")} (compara el plan con la cooperativa registrada):\n${findingsTable(added, "      ").trimEnd()}`);
    }
    if (saved.counts.error > 0) report.exitCode = 1;
    let boundTo = { version: saved.version, at: saved.at };
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
        boundTo = { version: sent.version, at: sent.at };
      }
    }
    if (!bound || bound.version !== boundTo.version) {
      try {
        await writeBindingToFile(file, { cooperativeId: coop.id, version: boundTo.version, syncedAt: boundTo.at }, fs);
      } catch (error) {
        report.exitCode = 2;
        report.messages.push(`${error instanceof FileAccessError ? error.message : "No se pudo guardar la vinculación en el libro."} El servidor ya tiene la versión ${boundTo.version}: para seguir editando, baje esa versión con --server-copy o sincronice este libro con --replace.`);
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
  const mark = r.exitCode === 0 ? "✔" : r.exitCode === 1 ? "✖" : r.exitCode === 3 ? "≠" : "!";
  const target = r.cooperativeName ? ` → ${r.cooperativeName}${r.cooperativeId ? ` (${r.cooperativeId})` : ""}` : "";
  return `${mark} ${r.file}${target}\n${r.messages.map((m) => `    ${m}`).join("\n")}\n`;
}

/**
 * `coop-plans sync <files...> [--submit] [--cooperative <id>]`: saves each workbook's plan in its
 * cooperative (see `syncFile`). A conflict, a locked plan or errors are reported per file and
 * never stop the batch; the exit code is the highest: 0 saved clean, 1 saved with errors / refused
 * by the plan's state (locked 409, 422), 2 not saved (unreadable or unwritable file, no match, no
 * session or connection), 3 refused as a conflict (the workbook is older than the server's plan,
 * or not bound to it).
 */
export async function syncFiles(files: string[], options: SyncOptions = {}): Promise<CommandResult> {
  if (files.length === 0) return { exitCode: 2, output: "Indique al menos un archivo .xlsx para sincronizar.\n" };
  if (options.cooperative && files.length > 1) {
    return { exitCode: 2, output: "--cooperative sirve para un solo archivo: sincronice los demás por separado o sin esa opción.\n" };
  }
  if (options.serverCopy && files.length > 1) {
    return { exitCode: 2, output: "--server-copy sirve para un solo archivo: sincronice los demás por separado o sin esa opción.\n" };
  }
  if (options.serverCopy) {
    // The server's copy goes to a new file: never over the workbook being synced, nor over any existing file.
    const badCopy = await outputXlsxProblem(options.serverCopy, "servidor.xlsx", { mustBeNew: true, inputs: files, forceOption: false });
    if (badCopy) return { exitCode: 2, output: `--server-copy: ${badCopy}\n` };
  }
  const { client, base, signedIn } = apiClientFor(options);
  if (!signedIn) return { exitCode: 2, output: "No hay sesión iniciada: use «coop-plans login» (o defina COOP_PLANS_TOKEN).\n" };
  let me: MeResponse;
  try {
    me = await client.me();
  } catch (error) {
    return { exitCode: 2, output: describeApiFailure(error, base).message + "\n" };
  }
  const bar = batchProgress("Sincronizando", files.length, { show: options.progress, json: options.json });
  const reports: SyncFileReport[] = [];
  for (const file of files) {
    bar.starting(file);
    reports.push(await syncFile(client, base, me, file, options));
    bar.finished();
  }
  bar.stop();
  const exitCode = worstExitCode(reports.map((r) => r.exitCode));
  if (options.json) return jsonResult(reports, exitCode);
  let output = reports.map(formatReport).join("");
  if (reports.length > 1) {
    const ok = reports.filter((r) => r.exitCode === 0).length;
    output += `\n${reports.length} archivos: ${formatCount(ok, "sincronizado", "sincronizados")} sin errores, ${reports.filter((r) => r.exitCode === 1).length} con errores o rechazados, ${reports.filter((r) => r.exitCode === 3).length} en conflicto, ${reports.filter((r) => r.exitCode === 2).length} sin sincronizar (código ${exitCode}).\n`;
  }
  return { exitCode, output };
}

/** The `sync` subcommand. */
export const syncCommand: CliCommand = (ctx) =>
  new Command("sync")
    .description("envía el plan de uno o más libros (.xlsx) a la API y guarda en cada libro la versión sincronizada; la cooperativa es la del libro, o se reconoce por nombre y región")
    .usage("[opciones] <archivos...>")
    .argument("<archivos...>", "libros de Excel (.xlsx) con el plan de la cooperativa")
    .option("--submit", "envía al AOS cada plan guardado sin errores")
    .option("--cooperative <id>", "identificador de la cooperativa (entregado por el AOS), para un solo archivo", cooperativeIdArgument("--cooperative"))
    .option("--replace", "guarda aunque el libro sea más antiguo que el plan del servidor o no esté vinculado a él (indica qué reemplaza)")
    .option("--server-copy <archivo>", "ante un conflicto, escribe la versión del servidor en este .xlsx (para un solo archivo)")
    .option("--confirm-identity", "guarda aunque el nombre, el RUT, la región, la modalidad o la convocatoria del plan no coincidan con los de la cooperativa registrada (confirma que el plan es suyo)")
    .option("--json", "entrega, por archivo, la cooperativa, la versión, el estado y los hallazgos (counts) en JSON")
    .option("--api <url>", API_OPTION_DESCRIPTION)
    .action(async (files: string[], opts: SyncOptions) => {
      ctx.emit(await syncFiles(files, opts));
    });
