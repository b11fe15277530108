import { writeFile } from "node:fs/promises";
import path from "node:path";
import { Command } from "commander";
import { progressReport, progressReportSheet, type ProgressReport, type ProgressReportSheet } from "@coop-plans/shared/consolidate";
import { parseWorkbook } from "@coop-plans/shared/workbook";
import { todayInSantiago } from "@coop-plans/shared/rules";
import { WorkbookReadError, readWorkbookGrids, writeReportWorkbook, type ReportSheet } from "@coop-plans/shared/xlsx";
import type { CliCommand } from "../cliCommand";
import type { CommandResult } from "../commandResult";
import { formatClp as clp, formatDateEs, formatPercentOneDecimal as percent } from "@coop-plans/shared/format";
import { FileAccessError, readFileBytes } from "../readFileBytes";
import { isIsoDate } from "./validate";
import { outputXlsxProblem, writeFailureMessage } from "../cliOptions";

/** Options of `coop-plans report`: output path (default `informe.xlsx`) and `asOf` ISO date (default today, America/Santiago). */
export interface ReportCommandOptions {
  output?: string;
  asOf?: string;
  /** Replace the output file when it exists (refused otherwise, as `template`). */
  force?: boolean;
}

/**
 * The printable report as one sheet for shared/xlsx `writeReportWorkbook`: title, the summary
 * figures (label/value), the planned-vs-executed table by ítem with its total, the hitos table;
 * A4 landscape, fit to one page wide.
 */
export function progressReportWorkbookSheet(sheet: ProgressReportSheet): ReportSheet {
  return {
    name: sheet.name,
    title: sheet.title,
    facts: sheet.facts,
    tableTitle: sheet.investment.title,
    columns: sheet.investment.columns,
    rows: sheet.investment.rows,
    totalRow: sheet.investment.totalRow,
    tables: [sheet.milestones],
    print: { landscape: true, fitToWidth: true },
  };
}

/** The report's figures as a short Spanish text for the terminal. */
export function progressReportSummary(r: ProgressReport): string {
  const types = Object.entries(r.links.byType).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join(", ");
  const last = r.visits.last ? ` (última el ${formatDateEs(r.visits.last.date)})` : "";
  const line = (label: string, text: string) => `  ${`${label}:`.padEnd(20)}${text}`;
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [
    `Informe de avance: ${r.cooperative.name ?? "cooperativa sin nombre"} al ${formatDateEs(r.asOf)}`,
    line("Hitos realizados", `${r.milestonesDone} de 4`),
    line("Acciones", `${r.actions.done} de ${r.actions.total} realizadas; avance promedio ${percent(r.actions.progress)}`),
    line("Inversión", `ejecutado ${clp(r.investment.executed)} de ${clp(r.investment.planned)} (${percent(r.investment.executedShare)})`),
    line("Visitas a la fecha", `${r.visits.count}${last}`),
    line("Acuerdos", `${n(r.agreements.open, "abierto", "abiertos")}, ${n(r.agreements.overdue, "vencido", "vencidos")} (de ${r.agreements.total})`),
    line("Vinculaciones", `${r.links.total}${types ? ` (${types})` : ""}`),
    line("Apalancamiento", `solicitado ${clp(r.leverage.requested)}, adjudicado ${clp(r.leverage.awarded)} (${n(r.leverage.awardedCount, "fondo adjudicado", "fondos adjudicados")})`),
    "",
  ].join("\n");
}

/**
 * `coop-plans report <file.xlsx> -o informe.xlsx [--as-of YYYY-MM-DD] [--force]`: reads the plan, computes
 * its progress report at `asOf` and writes it as one printable sheet «Informe de avance». Exit 0
 * when written (findings of the rules do not stop a report); 1 when the workbook is not a plan
 * (missing sheets, empty); 2 when the file or the date cannot be read or the output cannot be
 * written, or exists and `force` is not given. Never throws.
 */
export async function reportToFile(file: string, options: ReportCommandOptions = {}): Promise<CommandResult> {
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) {
    return { exitCode: 2, output: `La fecha de --as-of «${options.asOf}» no es válida: escriba AAAA-MM-DD, por ejemplo 2025-12-15.\n` };
  }
  const out = path.resolve(options.output ?? "informe.xlsx");
  const badOutput = await outputXlsxProblem(out, "informe.xlsx", { mustBeNew: true, force: options.force, inputs: [file] });
  if (badOutput) return { exitCode: 2, output: `${badOutput}\n` };
  let report: ProgressReport;
  try {
    const grids = await readWorkbookGrids(await readFileBytes(file));
    const parsed = parseWorkbook(grids);
    const missing = parsed.findings.filter((f) => f.ruleId === "PARSE-001" || f.ruleId === "PARSE-002");
    if (missing.length > 0) {
      return { exitCode: 1, output: `«${file}» no es un plan del libro estándar: ${missing.map((f) => f.message).join(" ")}\n` };
    }
    report = progressReport(parsed.plan, { asOf: options.asOf ?? todayInSantiago() });
  } catch (error) {
    if (error instanceof FileAccessError || error instanceof WorkbookReadError) return { exitCode: 2, output: `${error.message}\n` };
    return { exitCode: 2, output: `No se pudo leer «${file}»: error interno de coop-plans.\n` };
  }
  try {
    await writeFile(out, await writeReportWorkbook([progressReportWorkbookSheet(progressReportSheet(report))]));
  } catch (error) {
    return { exitCode: 2, output: `${writeFailureMessage(out, error)}\n` };
  }
  return { exitCode: 0, output: `${progressReportSummary(report)}Escrito ${out}.\n` };
}

/** The `report` subcommand. */
export const reportCommand: CliCommand = (ctx) =>
  new Command("report")
    .description("escribe el informe de avance de un plan (.xlsx) en una hoja lista para imprimir")
    .usage("[opciones] <archivo.xlsx>")
    .argument("<archivo.xlsx>", "libro de Excel con el plan de la cooperativa")
    .option("-o, --output <archivo>", "archivo .xlsx de salida", "informe.xlsx")
    .option("--as-of <fecha>", "fecha de corte AAAA-MM-DD (por defecto: hoy)")
    .option("--force", "reemplaza el archivo de salida si ya existe")
    .action(async (file: string, opts: ReportCommandOptions) => {
      ctx.emit(await reportToFile(file, opts));
    });
