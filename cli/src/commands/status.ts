import { Command } from "commander";
import { listAllCooperatives, PLAN_STATUS_LABELS, ROLE_LABELS, planStatusCount, type CooperativeSummary } from "@coop-plans/shared/api";
import type { CliCommand } from "../cliCommand";
import type { CommandResult } from "../commandResult";
import { apiClientFor, type BackendOptions } from "../config";
import { describeApiFailure } from "../backendErrors";
import { formatClp as clp, formatCount } from "@coop-plans/shared/format";
import { textTable } from "../textTable";
import { jsonResult } from "../jsonOutput";
import { API_OPTION_DESCRIPTION, REGION_OPTION_HINT, parseRegionOption, regionLabel } from "../cliOptions";

/** Options of `coop-plans status`. */
export interface StatusOptions extends BackendOptions {
  /** Region code (AOS and Sercotec); default: the caller's only region. */
  region?: string;
  json?: boolean;
}

/** The table of cooperatives: name, id (for `sync --cooperative <id>`), region, status, version, money (CLP), findings, last save. */
export function statusTable(items: CooperativeSummary[]): string {
  const rows = items.map((c) => [
    c.name, c.id, c.regionCode, PLAN_STATUS_LABELS[c.status], String(c.version),
    c.totals ? clp(c.totals.total) : "—", c.totals ? clp(c.totals.sercotecAmount) : "—", c.totals ? clp(c.totals.ownAmount) : "—",
    c.counts ? String(c.counts.error) : "—", c.counts ? String(c.counts.warning) : "—", c.updatedAt ? c.updatedAt.slice(0, 10) : "—",
  ]);
  const sum = (pick: (c: CooperativeSummary) => number) => items.reduce((a, c) => a + pick(c), 0);
  rows.push(["Total", "", "", "", "", clp(sum((c) => c.totals?.total ?? 0)), clp(sum((c) => c.totals?.sercotecAmount ?? 0)), clp(sum((c) => c.totals?.ownAmount ?? 0)), "", "", ""]);
  return textTable(["Cooperativa", "Id", "Región", "Estado", "Versión", "Total", "Sercotec", "Aporte", "Errores", "Advert.", "Guardado"], rows, [4, 5, 6, 7, 8, 9]);
}

/**
 * `coop-plans status [--region 14] [--json]`: a gestor/a sees the cooperatives assigned to them
 * (`/v1/me`); the AOS and Sercotec see every cooperative of the region (all pages). Never throws.
 */
export async function status(options: StatusOptions = {}): Promise<CommandResult> {
  const { client, base, signedIn } = apiClientFor(options);
  if (!signedIn) return { exitCode: 2, output: "No hay sesión iniciada: use «coop-plans login» (o defina COOP_PLANS_TOKEN).\n" };
  const regionOption = options.region === undefined ? undefined : parseRegionOption(options.region);
  if (regionOption && !regionOption.ok) return { exitCode: 2, output: `${regionOption.message}\n` };
  try {
    const me = await client.me();
    let items: CooperativeSummary[];
    let heading: string;
    if (me.role === "gestor" && options.region === undefined) {
      items = me.cooperatives;
      heading = `${ROLE_LABELS[me.role]} ${me.email ?? ""}: ${formatCount(items.length, "cooperativa asignada", "cooperativas asignadas")}.`;
    } else {
      const region = (regionOption?.ok ? regionOption.code : undefined) ?? (me.regions !== "*" && me.regions.length === 1 ? me.regions[0] : undefined);
      if (!region) return { exitCode: 2, output: "Indique la región con --region (por ejemplo --region 14).\n" };
      items = await listAllCooperatives(client, region);
      heading = `Región ${regionLabel(region)}: ${formatCount(items.length, "cooperativa", "cooperativas")}.`;
    }
    if (options.json) return jsonResult(items);
    // Only the statuses present: «1 en borrador, 2 enviados».
    const byStatus = (["borrador", "enviado", "observado", "aprobado"] as const)
      .map((s) => ({ s, n: items.filter((c) => c.status === s).length }))
      .filter(({ n }) => n > 0)
      .map(({ s, n }) => planStatusCount(n, s)).join(", ");
    return { exitCode: 0, output: `${heading}${byStatus ? ` ${byStatus}.` : ""}\n${items.length > 0 ? statusTable(items) : ""}` };
  } catch (error) {
    const failure = describeApiFailure(error, base);
    return { exitCode: 2, output: failure.message + "\n" };
  }
}

/** The `status` subcommand. */
export const statusCommand: CliCommand = (ctx) =>
  new Command("status")
    .usage("[opciones]")
    .description("muestra el estado de los planes: los asignados (gestor/a) o los de una región (AOS, Sercotec)")
    .option("--region <región>", `región: ${REGION_OPTION_HINT}`)
    .option("--json", "entrega la lista en JSON")
    .option("--api <url>", API_OPTION_DESCRIPTION)
    .action(async (opts: StatusOptions) => {
      ctx.emit(await status(opts));
    });
