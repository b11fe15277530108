import { Command } from "commander";
import type { Finding, Plan } from "@coop-plans/shared/domain";
import { countFindings, type FindingCounts } from "@coop-plans/shared/findings";
import type { PackId, PlanTotals, RulePack } from "@coop-plans/shared/rules";
import { checkWorkbook } from "@coop-plans/shared/workbook";
import { WorkbookReadError, readWorkbookGrids } from "@coop-plans/shared/xlsx";
import type { CliCommand } from "../cliCommand";
import { type CommandResult, type ExitCode, worstExitCode } from "../commandResult";
import { countsText, findingsTable } from "../findingsTable";
import { FileAccessError, readFileBytes } from "../readFileBytes";
import { PackFileError, localPacks, readPackFile } from "../rulePacks";
import { FileWorkerPool, fileWorkerSpec, jobOf } from "../fileWorkers";
import { NO_PROGRESS } from "../progress";
import { jsonResult } from "../jsonOutput";

/** Options of `coop-plans validate`: `asOf` ISO date for time-dependent rules (default today, America/Santiago). */
export interface ValidateCommandOptions {
  json?: boolean;
  asOf?: string;
  /** A rule pack file (`--rules pack.json`, a draft) in force for its year instead of the published one. */
  rules?: string;
  /** The API whose last fetched packs apply (`--api`; default as the other commands). */
  api?: string;
}

/** The outcome for one file: a plan with findings (exit 0/1), or why it could not be read (exit 2). */
export interface FileReport {
  file: string;
  exitCode: ExitCode;
  plan?: Plan;
  findings?: Finding[];
  /** Findings by severity. */
  counts?: FindingCounts;
  /** The plan's totals (shared/rules `planTotals`, the names the API and the consolidation use). */
  totals?: PlanTotals;
  /** The rule pack the plan was checked under (`{ year, version }`; null when the plan names no year). */
  rulePack?: PackId | null;
  /** When the file could not be read: a stable code and the Spanish message. */
  error?: { code: string; message: string };
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/**
 * Reads, parses and validates one workbook. Never throws: an unreadable file is exit 2 with a
 * Spanish reason; a plan with any error-severity finding is exit 1; otherwise 0.
 */
export async function validateFile(file: string, options: Pick<ValidateCommandOptions, "asOf"> & { packs?: readonly RulePack[] } = {}): Promise<FileReport> {
  let bytes: Uint8Array;
  try {
    bytes = await readFileBytes(file);
  } catch (error) {
    const message = error instanceof FileAccessError ? error.message : `No se pudo leer «${file}».`;
    return { file, exitCode: 2, error: { code: "file-access", message } };
  }
  try {
    const grids = await readWorkbookGrids(bytes);
    const { plan, findings, counts, totals, pack } = checkWorkbook(grids, { ...(options.asOf ? { asOf: options.asOf } : {}), ...(options.packs ? { packs: options.packs } : {}) });
    const exitCode: ExitCode = counts.error > 0 ? 1 : 0;
    return { file, exitCode, plan, findings, counts, totals, rulePack: pack };
  } catch (error) {
    if (error instanceof WorkbookReadError) return { file, exitCode: 2, error: { code: error.code, message: error.message } };
    const detail = process.env.COOP_PLANS_DEBUG ? ` [${String((error as Error)?.message ?? error)}]` : "";
    return {
      file,
      exitCode: 2,
      error: {
        code: "internal",
        message: `No se pudo validar el archivo: error interno de coop-plans. Informe el problema adjuntando el archivo si puede.${detail}`,
      },
    };
  }
}

/** The human-readable report of one file: name, findings table and a summary line. */
export function formatFileReport(report: FileReport): string {
  const name = report.file;
  if (report.error) return `${name}\n  ${report.error.message}\n  Resumen: archivo no leído (código 2).\n`;
  const findings = report.findings ?? [];
  const counts = report.counts ?? countFindings(findings);
  const verdict =
    counts.error > 0
      ? "tiene errores que impiden enviar el plan (código 1)"
      : counts.warning > 0
        ? "sin errores; revise las advertencias (código 0)"
        : "sin errores ni advertencias (código 0)";
  const lines = report.totals?.investmentLines ?? 0;
  const table = findingsTable(findings);
  return `${name}\n${table}  Resumen: ${countsText(counts)}; ${lines} ${lines === 1 ? "línea" : "líneas"} de inversión; ${verdict}.\n`;
}

/** How `validateFiles` runs and reports each file (the CLI's per-file execution). */
export interface ValidateRun {
  /** Validates one file under the packs in force (default: `validateFile` in this process; the CLI uses a worker with a time budget, see fileWorkers.ts). */
  runFile?: (file: string, packs: readonly RulePack[]) => Promise<FileReport>;
  /**
   * Receives each file's text report as soon as the file is done (text mode only); the result's
   * output then holds only the batch summary.
   */
  onFileText?: (text: string, exitCode: ExitCode) => void;
}

/**
 * `coop-plans validate <files...> [--json] [--as-of YYYY-MM-DD] [--rules pack.json]`: validates
 * each workbook, in order, under the rule packs in force (built-in and last fetched, or the
 * `--rules` draft for its year) and returns the report (a table per file, or JSON: one array of
 * `{file, exitCode, plan, findings, counts, totals}` / `{file, exitCode, error}`, always complete)
 * with the batch's highest exit code; an invalid `--rules` file is exit 2 before any workbook is
 * read. Never throws.
 */
export async function validateFiles(files: string[], options: ValidateCommandOptions = {}, run: ValidateRun = {}): Promise<CommandResult> {
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) {
    return { exitCode: 2, output: `La fecha de --as-of «${options.asOf}» no es válida: escriba AAAA-MM-DD, por ejemplo 2025-10-15.\n` };
  }
  if (files.length === 0) return { exitCode: 2, output: "Indique al menos un archivo .xlsx para validar.\n" };
  let packs: RulePack[];
  try {
    packs = localPacks({ api: options.api }, options.rules ? readPackFile(options.rules) : undefined);
  } catch (error) {
    if (error instanceof PackFileError) return { exitCode: 2, output: error.lines.join("\n") + "\n" };
    throw error;
  }
  const runFile = run.runFile ?? ((file: string) => validateFile(file, { asOf: options.asOf, packs }));
  const reports: FileReport[] = [];
  const texts: string[] = [];
  // One file ahead: the next file is handed to `runFile` before this one's report is formatted and
  // printed, so a worker never waits on the printing (see FileWorkerPool's queue).
  let next: Promise<FileReport> | null = files.length > 0 ? runFile(files[0], packs) : null;
  for (let i = 0; i < files.length; i++) {
    const report = await next!;
    next = i + 1 < files.length ? runFile(files[i + 1], packs) : null;
    reports.push(report);
    if (options.json) continue;
    const text = `${reports.length > 1 ? "\n" : ""}${formatFileReport(report)}`;
    if (run.onFileText) run.onFileText(text, report.exitCode);
    else texts.push(text);
  }
  const exitCode = worstExitCode(reports.map((r) => r.exitCode));
  if (options.json) return jsonResult(reports, exitCode);
  let output = texts.join("");
  if (reports.length > 1) {
    const ok = reports.filter((r) => r.exitCode === 0).length;
    const withErrors = reports.filter((r) => r.exitCode === 1).length;
    const unread = reports.filter((r) => r.exitCode === 2).length;
    output += `\n${reports.length} archivos: ${ok} sin errores, ${withErrors} con errores, ${unread} sin leer (código ${exitCode}).\n`;
  }
  return { exitCode, output };
}

/** The `validate` subcommand. */
export const validateCommand: CliCommand = (ctx) =>
  new Command("validate")
    .description("valida uno o más libros del plan (.xlsx) y muestra los hallazgos por archivo")
    .usage("[opciones] <archivos...>")
    .argument("<archivos...>", "libros de Excel (.xlsx) con el plan de la cooperativa")
    .option("--json", "entrega, por archivo, el plan leído, los hallazgos y los totales en JSON")
    .option("--as-of <fecha>", "fecha de referencia AAAA-MM-DD para las reglas que dependen de la fecha (por defecto: hoy)")
    .option("--rules <paquete.json>", "valida con un paquete de reglas (borrador) en vez del publicado para su convocatoria")
    .option("--api <url>", "API cuyos paquetes de reglas descargados se usan")
    .action(async (files: string[], opts: { json?: boolean; asOf?: string; rules?: string; api?: string }) => {
      // Under the bin, each file runs in a worker with a time and memory budget; its text report is printed as it finishes.
      // On a terminal, a progress bar counts the files under their reports (none with --json or when stdout is not a terminal).
      const spec = fileWorkerSpec();
      const pool = spec ? new FileWorkerPool<FileReport>(spec) : undefined;
      const progress = ctx.progress?.("Validando", files.length, { json: opts.json }) ?? NO_PROGRESS;
      try {
        const runFile = pool
          ? (file: string, packs: readonly RulePack[]) => pool.run(jobOf(file, { asOf: opts.asOf, packs, withPlan: opts.json === true }))
          : (file: string, packs: readonly RulePack[]) => validateFile(file, { asOf: opts.asOf, packs });
        const result = await validateFiles(
          files,
          { json: opts.json, asOf: opts.asOf, rules: opts.rules, api: opts.api },
          {
            runFile: progress.track(runFile),
            onFileText: opts.json ? undefined : (text, exitCode) => ctx.emit({ exitCode, output: text }),
          },
        );
        progress.stop();
        ctx.emit(result);
      } finally {
        progress.stop();
        await pool?.close();
      }
    });
