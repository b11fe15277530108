import { writeFile } from "node:fs/promises";
import path from "node:path";
import { Command } from "commander";
import { RegionCode } from "@coop-plans/shared/domain";
import { consolidationSheets, type Consolidation } from "@coop-plans/shared/consolidate";
import { writeReportWorkbook } from "@coop-plans/shared/xlsx";
import type { CliCommand } from "../cliCommand";
import type { CommandResult } from "../commandResult";
import { apiClientFor, type BackendOptions } from "../config";
import { describeApiFailure } from "../backendErrors";
import { formatClp as clp, formatPercentOneDecimal as percent } from "@coop-plans/shared/format";

/** Options of `coop-plans consolidate`. */
export interface ConsolidateOptions extends BackendOptions {
  region?: string;
  national?: boolean;
  /** Output .xlsx path (default `consolidado.xlsx`). */
  output?: string;
}

/** A readable Spanish summary of a consolidation: counts, money (CLP) and compliance. */
export function consolidationSummary(c: Consolidation): string {
  const scope = c.scope.kind === "region" ? `Región ${c.scope.regionCode} ${c.scope.regionName}` : "Nacional";
  const status = c.byStatus.map((s) => `${s.cooperatives} ${s.status}`).join(", ");
  return [
    `Consolidado ${scope}: ${c.cooperativeCount} cooperativas (${status}).`,
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
  if (options.region !== undefined && !RegionCode.safeParse(options.region).success) {
    return { exitCode: 2, output: `Región inválida «${options.region}»: use un código entre 01 y 16, por ejemplo 14.\n` };
  }
  const { client, base, signedIn } = apiClientFor(options);
  if (!signedIn) return { exitCode: 2, output: "No hay sesión iniciada: use «coop-plans login» (o defina COOP_PLANS_TOKEN).\n" };
  const out = path.resolve(options.output ?? "consolidado.xlsx");
  try {
    let region = options.region;
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
      const code = (error as NodeJS.ErrnoException).code;
      return { exitCode: 2, output: `No se pudo escribir «${out}» (${code === "EACCES" ? "sin permiso" : code === "EBUSY" ? "el archivo está abierto en Excel" : code ?? "error"}).\n` };
    }
    return { exitCode: 0, output: `${consolidationSummary(consolidation)}Escrito ${out}.\n` };
  } catch (error) {
    return { exitCode: 2, output: describeApiFailure(error, base).message + "\n" };
  }
}

/** The `consolidate` subcommand. */
export const consolidateCommand: CliCommand = (ctx) =>
  new Command("consolidate")
    .usage("[opciones]")
    .description("escribe el consolidado de una región (o nacional) en un libro .xlsx, una hoja por vista")
    .option("--region <código>", "región, por ejemplo 14 (por omisión, su única región)")
    .option("--national", "consolidado nacional (rol sercotec con todas las regiones)")
    .option("-o, --output <archivo>", "archivo .xlsx de salida", "consolidado.xlsx")
    .option("--api <url>", "URL de la API (por omisión COOP_PLANS_API o http://127.0.0.1:4000)")
    .action(async (opts: ConsolidateOptions) => {
      ctx.emit(await consolidateToFile(opts));
    });
