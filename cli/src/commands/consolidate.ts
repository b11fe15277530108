import { writeFile } from "node:fs/promises";
import path from "node:path";
import { Command } from "commander";
import { consolidationSheets, consolidationTitle, type Consolidation } from "@coop-plans/shared/consolidate";
import { writeReportWorkbook } from "@coop-plans/shared/xlsx";
import type { CliCommand } from "../cliCommand";
import type { CommandResult } from "../commandResult";
import { apiClientFor, type BackendOptions } from "../config";
import { describeApiFailure } from "../backendErrors";
import { API_OPTION_DESCRIPTION, REGION_OPTION_HINT, outputXlsxProblem, parseRegionOption, writeFailureMessage } from "../cliOptions";
import { formatClp as clp, formatCount, formatPercentOneDecimal as percent } from "@coop-plans/shared/format";
import { planStatusCount } from "@coop-plans/shared/api";
import { consolidateWorkbookFiles } from "./consolidateFiles";
import { isIsoDate, validateFile, type FileReport } from "./validate";
import { NO_PROGRESS } from "../progress";
import { FileWorkerPool, fileWorkerSpec, jobOf } from "../fileWorkers";
import type { RulePack } from "@coop-plans/shared/rules";

/** Options of `coop-plans consolidate`. */
export interface ConsolidateOptions extends BackendOptions {
  region?: string;
  national?: boolean;
  /** Output .xlsx path (default `consolidado.xlsx`); never one of the files read. */
  output?: string;
  /** Replace the output file when it exists (never an input file). */
  force?: boolean;
  /** ISO date of the follow-up figures (file mode; default today). */
  asOf?: string;
}

/** A readable Spanish summary of a consolidation: counts, money (CLP) and compliance. */
export function consolidationSummary(c: Consolidation): string {
  // Only the statuses present: «3 cooperativas (1 en borrador, 2 enviados)», «1 cooperativa (1 desde archivo)».
  const status = c.byStatus
    .filter((s) => s.cooperatives > 0)
    .map((s) => (s.status === "archivo" ? formatCount(s.cooperatives, "desde archivo", "desde archivos") : s.status === "sinPlan" ? formatCount(s.cooperatives, "sin plan", "sin plan") : planStatusCount(s.cooperatives, s.status)))
    .join(", ");
  return [
    `${consolidationTitle(c)}: ${formatCount(c.cooperativeCount, "cooperativa", "cooperativas")}${status ? ` (${status})` : ""}.`,
    `  Inversión total:     ${clp(c.totals.total)}`,
    `  Aporte Sercotec:     ${clp(c.funding.sercotecAmount)} (${percent(c.funding.sercotecShare)})`,
    `  Aporte empresarial:  ${clp(c.funding.ownAmount)} (${percent(c.funding.ownShare)}; ${percent(c.funding.ownShareOfSercotec)} del aporte Sercotec)`,
    `  Ejecutado:           ${clp(c.totals.executedAmount)} (${percent(c.funding.executedShare)})`,
    `  Cumplimiento: ${c.compliance.withErrors} con errores, ${c.compliance.withWarnings} con advertencias, ${c.compliance.clean} sin observaciones.`,
    "",
  ].join("\n");
}

/**
 * `coop-plans consolidate --region 14 -o consolidado.xlsx` (or `--national`): asks the API for
 * the consolidation and writes it as .xlsx, one sheet per view (Resumen, Por cooperativa, Por
 * ítem, Por estado, Por hito, Cumplimiento, and Por región nationally) with CLP formats; the
 * figures are the API's, to the peso. Never throws.
 */
export async function consolidateToFile(options: ConsolidateOptions = {}): Promise<CommandResult> {
  const regionOption = options.region === undefined ? undefined : parseRegionOption(options.region);
  if (regionOption && !regionOption.ok) return { exitCode: 2, output: `${regionOption.message}\n` };
  const badOutput = await outputXlsxProblem(options.output ?? "consolidado.xlsx", "consolidado.xlsx", { mustBeNew: true, force: options.force });
  if (badOutput) return { exitCode: 2, output: `${badOutput}\n` };
  const { client, base, signedIn } = apiClientFor(options);
  if (!signedIn) return { exitCode: 2, output: "No hay sesión iniciada: use «coop-plans login» (o defina COOP_PLANS_TOKEN).\n" };
  const out = path.resolve(options.output ?? "consolidado.xlsx");
  try {
    let region = regionOption?.ok ? regionOption.code : undefined;
    if (!region && !options.national) {
      const me = await client.me();
      if (me.regions !== "*" && me.regions.length === 1) region = me.regions[0];
      else return { exitCode: 2, output: "Indique la región con --region (por ejemplo --region 14) o --national.\n" };
    }
    // The client parses the answer strictly with the Consolidation schema (INVALID_RESPONSE otherwise).
    const consolidation = options.national ? await client.nationalConsolidation() : await client.regionConsolidation(region!);
    const bytes = await writeReportWorkbook(consolidationSheets(consolidation));
    try {
      await writeFile(out, bytes);
    } catch (error) {
      return { exitCode: 2, output: `${writeFailureMessage(out, error)}\n` };
    }
    return { exitCode: 0, output: `${consolidationSummary(consolidation)}Escrito ${out}.\n` };
  } catch (error) {
    return { exitCode: 2, output: describeApiFailure(error, base).message + "\n" };
  }
}

/**
 * `coop-plans consolidate [FILE…]`: with files, consolidates those workbooks with no backend
 * (`consolidateWorkbookFiles`); without, asks the API (`consolidateToFile`). Never throws.
 */
export async function consolidateCommandResult(
  files: string[],
  options: ConsolidateOptions = {},
  runFile?: (file: string, packs: readonly RulePack[]) => Promise<FileReport>,
): Promise<CommandResult> {
  if (files.length === 0) return consolidateToFile(options);
  if (options.region !== undefined || options.national) {
    return { exitCode: 2, output: "Con archivos no se usa --region ni --national: el consolidado agrupa los archivos por la región que indica cada libro.\n" };
  }
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) {
    return { exitCode: 2, output: `La fecha de --as-of «${options.asOf}» no es válida: escriba AAAA-MM-DD, por ejemplo 2025-10-15.\n` };
  }
  const badOutput = await outputXlsxProblem(options.output ?? "consolidado.xlsx", "consolidado.xlsx", { mustBeNew: true, force: options.force, inputs: files });
  if (badOutput) return { exitCode: 2, output: `${badOutput}\n` };
  return consolidateWorkbookFiles(files, { output: options.output, asOf: options.asOf, api: options.api, runFile }, consolidationSummary);
}

/** The `consolidate` subcommand. */
export const consolidateCommand: CliCommand = (ctx) =>
  new Command("consolidate")
    .usage("[opciones] [archivos...]")
    .description("escribe el consolidado en un libro .xlsx, una hoja por vista: de los libros indicados (sin servidor) o de una región (o nacional) desde la API")
    .argument("[archivos...]", "libros del plan (.xlsx) recibidos por correo: se validan y consolidan sin conexión al servidor")
    .option("--region <región>", `región: ${REGION_OPTION_HINT} (por defecto: su única región)`)
    .option("--national", "consolidado nacional (rol sercotec con todas las regiones)")
    .option("-o, --output <archivo>", "archivo .xlsx de salida", "consolidado.xlsx")
    .option("--force", "reemplaza el archivo de salida si ya existe (nunca uno de los libros leídos)")
    .option("--as-of <fecha>", "con archivos: fecha de referencia AAAA-MM-DD de las reglas y del avance (por defecto: hoy)")
    .option("--api <url>", API_OPTION_DESCRIPTION)
    .action(async (files: string[], opts: ConsolidateOptions) => {
      // Under the bin, each file is validated in validate's worker, with its time and memory budget.
      // On a terminal, a progress bar counts the files read (none when stdout is not a terminal).
      const spec = files.length > 0 ? fileWorkerSpec() : undefined;
      const pool = spec ? new FileWorkerPool<FileReport>(spec) : undefined;
      const progress = ctx.progress?.("Consolidando", files.length) ?? NO_PROGRESS;
      try {
        const runFile = pool
          ? (file: string, packs: readonly RulePack[]) => pool.run(jobOf(file, { asOf: opts.asOf, packs }))
          : (file: string, packs: readonly RulePack[]) => validateFile(file, { asOf: opts.asOf, packs });
        const result = await consolidateCommandResult(files, opts, progress.track(runFile));
        progress.stop();
        ctx.emit(result);
      } finally {
        progress.stop();
        await pool?.close();
      }
    });
