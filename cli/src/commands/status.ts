import { Command } from "commander";
import {
  PLAN_STATUS_LABELS, REVISION_ACTION_LABELS, REVISION_ACTION_PHRASES, ROLE_LABELS, actorText, cooperativeStatusLabel, isApiError, lastAosObservation, listAllCooperatives, observationLine, planStatusCount,
  type ApiClient, type CooperativeSummary, type MeResponse, type RevisionSummary,
} from "@coop-plans/shared/api";
import type { CliCommand } from "../cliCommand";
import type { CommandResult } from "../commandResult";
import { apiClientFor, type BackendOptions } from "../config";
import { describeApiFailure } from "../backendErrors";
import { formatClp as clp, formatCount, formatDateTime } from "@coop-plans/shared/format";
import { countsText, findingsTable } from "../findingsTable";
import { textTable } from "../textTable";
import { jsonResult } from "../jsonOutput";
import { API_OPTION_DESCRIPTION, REGION_OPTION_HINT, cooperativeIdArgument, parseRegionOption, regionLabel } from "../cliOptions";

/** Options of `coop-plans status`. */
export interface StatusOptions extends BackendOptions {
  /** Region code (AOS and Sercotec); default: the caller's only region. */
  region?: string;
  json?: boolean;
}

/**
 * The AOS's observations of a decision as the gestor/a reads them: `Observación del AOS (aos@…,
 * 03-11-2025, 10:22, versión 3): comentario`, then one line per observation pinned to a line or
 * field: `  · Línea 3 del Plan de inversiones: texto`.
 */
export function observationLines(r: RevisionSummary): string[] {
  const head = `Observación del AOS (${actorText(r.by)}, ${formatDateTime(r.at)}, versión ${r.version}):`;
  const comment = r.comment?.trim();
  return [comment ? `${head} ${comment}` : head, ...(r.observations ?? []).map((o) => `  · ${observationLine(o)}`)];
}

/** `observationLines` as one text (lines joined by line feeds). */
export function observationText(r: RevisionSummary): string {
  return observationLines(r).join("\n");
}

/**
 * `coop-plans status ID`: one cooperative's plan as the gestor/a follows it: estado, versión, who
 * and when; totals (CLP); the findings the server stored with the latest revision (its own
 * PLAN-003/004 included); the AOS's last observation. Its ApiErrors propagate.
 */
async function cooperativeStatus(client: ApiClient, me: MeResponse, id: string, json: boolean): Promise<CommandResult> {
  const revisions = (await client.listRevisions(id)).items;
  const known = me.cooperatives.find((c) => c.id === id);
  if (revisions.length === 0) {
    return json ? jsonResult([{ cooperativeId: id, version: 0, observation: null }]) : { exitCode: 0, output: `${known ? `«${known.name}» ` : ""}(${id}): aún no tiene un plan guardado.\n` };
  }
  const latest = await client.getPlan(id);
  const observation = lastAosObservation(revisions);
  if (json) {
    const { plan: _plan, ...summary } = latest;
    return jsonResult([{ ...summary, observation }]);
  }
  const name = known?.name ?? latest.plan.cooperative.name ?? id;
  const t = latest.totals;
  const out = [
    `«${name}» (${id})`,
    `  Estado: ${PLAN_STATUS_LABELS[latest.status]} · versión ${latest.version}, ${REVISION_ACTION_PHRASES[latest.action]} por ${actorText(latest.by)} el ${formatDateTime(latest.at)}.`,
    `  Totales: inversión ${clp(t.total)}, aporte Sercotec ${clp(t.sercotecAmount)}, aporte empresarial ${clp(t.ownAmount)}; ${formatCount(t.investmentLines, "línea", "líneas")} de inversión.`,
    `  Hallazgos del servidor: ${countsText(latest.counts)}.`,
  ];
  const table = findingsTable(latest.findings, "    ");
  if (table) out.push(table.trimEnd());
  out.push(...(observation ? observationLines(observation).map((l) => `  ${l}`) : ["  Sin observaciones del AOS."]));
  return { exitCode: 0, output: out.join("\n") + "\n" };
}

/** The table of cooperatives: name, id (for `sync --cooperative <id>`), region, status, version, money (CLP), findings, last save. */
export function statusTable(items: CooperativeSummary[]): string {
  const rows = items.map((c) => [
    c.name, c.id, c.regionCode, cooperativeStatusLabel(c), String(c.version),
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
export async function status(options: StatusOptions = {}, cooperativeId?: string): Promise<CommandResult> {
  const { client, base, signedIn } = apiClientFor(options);
  if (!signedIn) return { exitCode: 2, output: "No hay sesión iniciada: use «coop-plans login» (o defina COOP_PLANS_TOKEN).\n" };
  const regionOption = options.region === undefined ? undefined : parseRegionOption(options.region);
  if (regionOption && !regionOption.ok) return { exitCode: 2, output: `${regionOption.message}\n` };
  try {
    const me = await client.me();
    if (cooperativeId) return await cooperativeStatus(client, me, cooperativeId, Boolean(options.json));
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
    // Only the statuses present: «1 sin plan, 1 en borrador, 2 enviados» (no plan yet is not a borrador).
    const withoutPlan = items.filter((c) => c.version === 0).length;
    const byStatus = [
      ...(withoutPlan > 0 ? [formatCount(withoutPlan, "sin plan", "sin plan")] : []),
      ...(["borrador", "enviado", "observado", "aprobado"] as const)
        .map((s) => ({ s, n: items.filter((c) => c.version > 0 && c.status === s).length }))
        .filter(({ n }) => n > 0)
        .map(({ s, n }) => planStatusCount(n, s)),
    ].join(", ");
    // The gestor/a sees why a plan came back: the AOS's observation of each returned plan.
    const observations: string[] = [];
    if (me.role === "gestor") {
      for (const c of items.filter((i) => i.status === "observado")) {
        const observation = lastAosObservation((await client.listRevisions(c.id)).items);
        if (observation) observations.push(`«${c.name}»: ${observationText(observation).replace(/\n/g, "\n  ")}`);
      }
    }
    return { exitCode: 0, output: `${heading}${byStatus ? ` ${byStatus}.` : ""}\n${items.length > 0 ? statusTable(items) : ""}${observations.map((o) => `${o}\n`).join("")}` };
  } catch (error) {
    const failure = describeApiFailure(error, base);
    return { exitCode: 2, output: failure.message + "\n" };
  }
}

/** The `status` subcommand. */
export const statusCommand: CliCommand = (ctx) =>
  new Command("status")
    .usage("[opciones] [cooperativa]")
    .description("muestra el estado de los planes: los asignados (gestor/a) o los de una región (AOS, Sercotec); con el id de una cooperativa, su estado, hallazgos del servidor y la observación del AOS")
    .argument("[cooperativa]", "id de la cooperativa (véalo en la columna Id)", cooperativeIdArgument("[cooperativa]"))
    .option("--region <región>", `región: ${REGION_OPTION_HINT}`)
    .option("--json", "entrega la lista en JSON")
    .option("--api <url>", API_OPTION_DESCRIPTION)
    .action(async (id: string | undefined, opts: StatusOptions) => {
      ctx.emit(await status(opts, id));
    });

/**
 * `coop-plans history ID [--json]`: every revision of the cooperative's plan, oldest first:
 * versión, estado, acción, quién, cuándo (dd-mm-yyyy, HH:MM in America/Santiago) and the comment.
 * Never throws.
 */
export async function history(id: string, options: BackendOptions & { json?: boolean } = {}): Promise<CommandResult> {
  const { client, base, signedIn } = apiClientFor(options);
  if (!signedIn) return { exitCode: 2, output: "No hay sesión iniciada: use «coop-plans login» (o defina COOP_PLANS_TOKEN).\n" };
  try {
    const { items } = await client.listRevisions(id);
    if (options.json) return jsonResult(items);
    if (items.length === 0) return { exitCode: 0, output: `La cooperativa ${id} aún no tiene un plan guardado.\n` };
    const rows = items.map((r) => [String(r.version), PLAN_STATUS_LABELS[r.status], REVISION_ACTION_LABELS[r.action], actorText(r.by), formatDateTime(r.at), r.comment?.trim() || "—"]);
    // Observations pinned to lines or fields, below the table: one block per revision that has them.
    const pinned = items.filter((r) => (r.observations ?? []).length > 0)
      .map((r) => `Observaciones de la versión ${r.version}:\n${r.observations!.map((o) => `  · ${observationLine(o)}\n`).join("")}`);
    return { exitCode: 0, output: `Historial del plan de ${id} (${formatCount(items.length, "revisión", "revisiones")}):\n${textTable(["Versión", "Estado", "Acción", "Quién", "Cuándo", "Comentario"], rows, [0])}${pinned.join("")}` };
  } catch (error) {
    if (isApiError(error) && error.code === "COOPERATIVE_NOT_FOUND") return { exitCode: 2, output: `${error.problem.detail} Vea los ids con «coop-plans status».\n` };
    return { exitCode: 2, output: describeApiFailure(error, base).message + "\n" };
  }
}

/** The `history` subcommand. */
export const historyCommand: CliCommand = (ctx) =>
  new Command("history")
    .usage("[opciones] <cooperativa>")
    .description("lista las revisiones del plan de una cooperativa: versión, estado, quién, cuándo y comentario")
    .argument("<cooperativa>", "id de la cooperativa (véalo con «coop-plans status»)", cooperativeIdArgument("<cooperativa>"))
    .option("--json", "entrega las revisiones en JSON")
    .option("--api <url>", API_OPTION_DESCRIPTION)
    .action(async (id: string, opts: BackendOptions & { json?: boolean }) => {
      ctx.emit(await history(id, opts));
    });
