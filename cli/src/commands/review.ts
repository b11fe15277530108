import { Command } from "commander";
import {
  PLAN_STATUS_LABELS, REVISION_ACTION_LABELS, REVISION_ACTION_PHRASES, actorText, lastAosObservation, reviewBaseRevision,
  type ApiClient, type TransitionAction,
} from "@coop-plans/shared/api";
import { planChanges, planChangesText, type PlanChanges } from "@coop-plans/shared/consolidate";
import { formatClp as clp, formatCount, formatDateTime } from "@coop-plans/shared/format";
import type { CliCommand } from "../cliCommand";
import type { CommandResult } from "../commandResult";
import { apiClientFor, type BackendOptions } from "../config";
import { describeApiFailure } from "../backendErrors";
import { countsText, findingsTable } from "../findingsTable";
import { observationLines } from "./status";
import { FIELD_OPTION_DESCRIPTION, LINE_OPTION_DESCRIPTION, parseObservationOptions } from "../observationOptions";
import { API_OPTION_DESCRIPTION, cooperativeIdArgument } from "../cliOptions";
import { jsonResult } from "../jsonOutput";

/** Options of `coop-plans review`. */
export interface ReviewOptions extends BackendOptions {
  comment?: string;
  /** `--line PLAN:N°="texto"`, repeated: observations on lines by their N°. */
  line?: string[];
  /** `--field CAMPO="texto"`, repeated: observations on fields of the Cooperativa sheet. */
  field?: string[];
  json?: boolean;
}

/** The plan under review and what it is compared with (shared/consolidate `planChanges`). */
async function reviewOf(client: ApiClient, id: string) {
  const revisions = (await client.listRevisions(id)).items;
  const latest = await client.getPlan(id);
  const base = reviewBaseRevision(revisions);
  const older = base ? await client.getRevision(id, base.version) : null;
  const changes: PlanChanges | null = older ? planChanges(older.plan, latest.plan) : null;
  return { revisions, latest, base, changes, observation: lastAosObservation(revisions) };
}

/**
 * `coop-plans review show ID [--json]`: what the AOS needs before deciding: the plan's estado and
 * versión, totals (CLP), the findings the server stored with it, what changed since the last
 * submitted or approved revision (lines paired by N°, then ítem and description; totals) and the
 * last observation. Never throws.
 */
export async function reviewShow(id: string, options: ReviewOptions = {}): Promise<CommandResult> {
  const { client, base: apiBase, signedIn } = apiClientFor(options);
  if (!signedIn) return { exitCode: 2, output: "No hay sesión iniciada: use «coop-plans login» (o defina COOP_PLANS_TOKEN).\n" };
  try {
    const { latest, base, changes, observation } = await reviewOf(client, id);
    if (options.json) {
      const { plan: _plan, ...summary } = latest;
      return jsonResult([{ ...summary, comparedWith: base?.version ?? null, changes, observation }]);
    }
    const t = latest.totals;
    const out = [
      `Plan de «${latest.plan.cooperative.name ?? id}» (${id})`,
      `  Estado: ${PLAN_STATUS_LABELS[latest.status]} · versión ${latest.version}, ${REVISION_ACTION_PHRASES[latest.action]} por ${actorText(latest.by)} el ${formatDateTime(latest.at)}.`,
      `  Totales: inversión ${clp(t.total)}, aporte Sercotec ${clp(t.sercotecAmount)}, aporte empresarial ${clp(t.ownAmount)}; ${formatCount(t.investmentLines, "línea", "líneas")} de inversión.`,
      `  Hallazgos: ${countsText(latest.counts)}.`,
    ];
    const table = findingsTable(latest.findings, "    ");
    if (table) out.push(table.trimEnd());
    if (base && changes) {
      out.push(`  Cambios desde la versión ${base.version} (${REVISION_ACTION_PHRASES[base.action]} el ${formatDateTime(base.at)}):`);
      out.push(...planChangesText(changes).map((l) => `    ${l}`));
    } else {
      out.push("  Primer envío: no hay una versión enviada o aprobada anterior con qué compararlo.");
    }
    if (observation) out.push(...observationLines(observation).map((l, i) => (i === 0 ? `  Última ${l.replace(/^Observación/, "observación")}` : `  ${l}`)));
    return { exitCode: 0, output: out.join("\n") + "\n" };
  } catch (error) {
    return { exitCode: 2, output: describeApiFailure(error, apiBase).message + "\n" };
  }
}

const DONE: Record<Exclude<TransitionAction, "submit">, string> = {
  approve: "aprobado",
  return: "devuelto con observaciones",
  reopen: "reabierto",
};

/**
 * `coop-plans review approve|return|reopen ID [--comment "…"] [--line inversiones:3="…"]… [--field rut="…"]…`:
 * the AOS's decision on a plan with its observations: the general comment and observations pinned
 * to lines (by N°) or fields (observationOptions.ts); the gestor/a reads them as «Observación del
 * AOS» and places them on the cells. A return needs at least one. Exit 0 done; 1 the plan's state
 * does not allow it (409) or the API refused the observations (400: a line N° the plan does not
 * have); 2 bad options, no session, no permission, not found. Never throws.
 */
export async function reviewDecide(action: Exclude<TransitionAction, "submit">, id: string, options: ReviewOptions = {}): Promise<CommandResult> {
  const comment = options.comment?.trim() || null;
  const pinned = parseObservationOptions(options.line, options.field);
  if (!pinned.ok) return { exitCode: 2, output: `${pinned.message}\n` };
  const { observations } = pinned;
  if (action === "return" && !comment && observations.length === 0) {
    return { exitCode: 2, output: "Para devolver un plan escriba las observaciones para el gestor/a: --comment \"…\" (general), --line inversiones:3=\"…\" (en una línea) o --field rut=\"…\" (en un campo).\n" };
  }
  const { client, base, signedIn } = apiClientFor(options);
  if (!signedIn) return { exitCode: 2, output: "No hay sesión iniciada: use «coop-plans login» (o defina COOP_PLANS_TOKEN).\n" };
  try {
    const done = await client.transition(id, { action, comment, ...(observations.length > 0 ? { observations } : {}) });
    const count = observations.length > 0 ? ` ${formatCount(observations.length, "observación en una línea o campo", "observaciones en líneas o campos")}.` : "";
    return { exitCode: 0, output: `Plan ${DONE[action]}: versión ${done.version} (${PLAN_STATUS_LABELS[done.status].toLowerCase()}), ${formatDateTime(done.at)}.${count}\n` };
  } catch (error) {
    const failure = describeApiFailure(error, base);
    return { exitCode: failure.exitCode, output: failure.message + "\n" };
  }
}

/** Commander's accumulator of a repeated option. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The `review` subcommand: show, approve, return, reopen (AOS). */
export const reviewCommand: CliCommand = (ctx) => {
  const review = new Command("review").description("revisión del AOS: ver un plan (hallazgos, totales y cambios desde el último envío), aprobarlo, devolverlo o reabrirlo");
  review
    .command("show")
    .description("muestra el plan, sus hallazgos, totales y qué cambió desde la última versión enviada o aprobada")
    .argument("<cooperativa>", "id de la cooperativa (véalo con «coop-plans status»)", cooperativeIdArgument("<cooperativa>"))
    .option("--json", "entrega la revisión en JSON")
    .option("--api <url>", API_OPTION_DESCRIPTION)
    .action(async (id: string, opts: ReviewOptions) => ctx.emit(await reviewShow(id, opts)));
  const decisions: [Exclude<TransitionAction, "submit">, string][] = [
    ["approve", "aprueba el plan enviado"],
    ["return", "devuelve el plan enviado con observaciones (--comment, --line o --field: al menos una)"],
    ["reopen", "reabre un plan aprobado para que el gestor/a lo corrija"],
  ];
  for (const [action, description] of decisions) {
    review
      .command(action)
      .description(description)
      .argument("<cooperativa>", "id de la cooperativa", cooperativeIdArgument("<cooperativa>"))
      .option("--comment <texto>", action === "return" ? "observación general para el gestor/a" : "comentario para el gestor/a")
      .option("--line <PLAN:N°=texto>", LINE_OPTION_DESCRIPTION, collect, [])
      .option("--field <CAMPO=texto>", FIELD_OPTION_DESCRIPTION, collect, [])
      .option("--api <url>", API_OPTION_DESCRIPTION)
      .action(async (id: string, opts: ReviewOptions) => ctx.emit(await reviewDecide(action, id, opts)));
  }
  return review;
};
