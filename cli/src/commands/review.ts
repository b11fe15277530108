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
import { observationText } from "./status";
import { API_OPTION_DESCRIPTION } from "../cliOptions";
import { jsonResult } from "../jsonOutput";

/** Options of `coop-plans review`. */
export interface ReviewOptions extends BackendOptions {
  comment?: string;
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
    if (observation) out.push(`  Última ${observationText(observation).replace(/^Observación/, "observación")}`);
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
 * `coop-plans review approve|return|reopen ID [--comment "…"]`: the AOS's decision on a plan
 * (return requires a comment: the gestor/a reads it as «Observación del AOS»). Exit 0 done; 1 the
 * plan's state does not allow it (409); 2 no session, no permission, not found. Never throws.
 */
export async function reviewDecide(action: Exclude<TransitionAction, "submit">, id: string, options: ReviewOptions = {}): Promise<CommandResult> {
  const comment = options.comment?.trim() || null;
  if (action === "return" && !comment) {
    return { exitCode: 2, output: "Para devolver un plan escriba las observaciones para el gestor/a con --comment \"…\".\n" };
  }
  const { client, base, signedIn } = apiClientFor(options);
  if (!signedIn) return { exitCode: 2, output: "No hay sesión iniciada: use «coop-plans login» (o defina COOP_PLANS_TOKEN).\n" };
  try {
    const done = await client.transition(id, { action, comment });
    return { exitCode: 0, output: `Plan ${DONE[action]}: versión ${done.version} (${PLAN_STATUS_LABELS[done.status].toLowerCase()}), ${formatDateTime(done.at)}.\n` };
  } catch (error) {
    const failure = describeApiFailure(error, base);
    return { exitCode: failure.exitCode, output: failure.message + "\n" };
  }
}

/** The `review` subcommand: show, approve, return, reopen (AOS). */
export const reviewCommand: CliCommand = (ctx) => {
  const review = new Command("review").description("revisión del AOS: ver un plan (hallazgos, totales y cambios desde el último envío), aprobarlo, devolverlo o reabrirlo");
  review
    .command("show")
    .description("muestra el plan, sus hallazgos, totales y qué cambió desde la última versión enviada o aprobada")
    .argument("<cooperativa>", "id de la cooperativa (véalo con «coop-plans status»)")
    .option("--json", "entrega la revisión en JSON")
    .option("--api <url>", API_OPTION_DESCRIPTION)
    .action(async (id: string, opts: ReviewOptions) => ctx.emit(await reviewShow(id, opts)));
  const decisions: [Exclude<TransitionAction, "submit">, string][] = [
    ["approve", "aprueba el plan enviado"],
    ["return", "devuelve el plan enviado con observaciones (--comment obligatorio)"],
    ["reopen", "reabre un plan aprobado para que el gestor/a lo corrija"],
  ];
  for (const [action, description] of decisions) {
    review
      .command(action)
      .description(description)
      .argument("<cooperativa>", "id de la cooperativa")
      .option("--comment <texto>", action === "return" ? "observaciones para el gestor/a" : "comentario para el gestor/a")
      .option("--api <url>", API_OPTION_DESCRIPTION)
      .action(async (id: string, opts: ReviewOptions) => ctx.emit(await reviewDecide(action, id, opts)));
  }
  return review;
};
