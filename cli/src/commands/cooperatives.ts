import { randomUUID } from "node:crypto";
import { Command } from "commander";
import { callYearProblem, listAllCooperatives, type CooperativeAssigned, type RegisterCooperativeRequest } from "@coop-plans/shared/api";
import { MODALITY_LABELS, REGIONS, type Modality, type RegionCode } from "@coop-plans/shared/domain";
import { formatCount } from "@coop-plans/shared/format";
import type { CliCommand } from "../cliCommand";
import type { CommandResult } from "../commandResult";
import { apiClientFor, type BackendOptions } from "../config";
import { describeApiFailure } from "../backendErrors";
import { textTable } from "../textTable";
import { API_OPTION_DESCRIPTION, REGION_OPTION_HINT, cooperativeIdArgument, parseRegionOption } from "../cliOptions";
import { jsonResult } from "../jsonOutput";

/** Options of `coop-plans cooperatives add`. */
export interface AddCooperativeOptions extends BackendOptions {
  region?: string;
  name?: string;
  modality?: string;
  /** The call year (`--call 2025`). */
  call?: string;
  rut?: string;
  gestor?: string;
  json?: boolean;
}

const NO_SESSION: CommandResult = { exitCode: 2, output: "No hay sesión iniciada: use «coop-plans login» (o defina COOP_PLANS_TOKEN).\n" };

/** A `--region` as the workbook's Región cell accepts it (14, XIV, «Los Ríos») → its code; null when unreadable. */
function regionOf(text: string | undefined): RegionCode | null {
  if (!text) return null;
  const parsed = parseRegionOption(text);
  return parsed.ok ? parsed.code : null;
}

/** What the user directory did with the gestor/a's e-mail (AWS: invited, region added; Entra ID: must exist), as a line; empty in local mode. */
function accountLine(c: CooperativeAssigned): string {
  return c.gestorAccount ? `${c.gestorAccount.message}\n` : "";
}

/** `14 Los Ríos`. */
function regionText(code: RegionCode): string {
  return `${code} ${REGIONS[code].name}`;
}

/**
 * `coop-plans cooperatives add --region 14 --name "…" --modality creacion --call 2025 [--rut …]
 * [--gestor email] [--json]` (AOS): registers a cooperative (`registerCooperative`) and prints its
 * id (with `--json`, the cooperative with its `id`). The options are checked here first (Spanish
 * message naming the option, exit 2); the server's refusals (invalid RUT or e-mail, a name or RUT
 * already registered in the region: 409 with the id of the one registered) are printed as it says
 * them. Never throws.
 */
export async function addCooperative(options: AddCooperativeOptions): Promise<CommandResult> {
  const region = regionOf(options.region);
  if (!region) return { exitCode: 2, output: options.region ? `Región «${options.region}» no reconocida: escriba su ${REGION_OPTION_HINT}.\n` : `Indique la región con --region: su ${REGION_OPTION_HINT}.\n` };
  if (!options.name?.trim()) return { exitCode: 2, output: "Indique el nombre de la cooperativa con --name \"…\".\n" };
  const modality = options.modality?.trim().toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  if (modality !== "creacion" && modality !== "fortalecimiento") {
    return { exitCode: 2, output: "Indique la modalidad con --modality creacion (Creación y Desarrollo) o --modality fortalecimiento.\n" };
  }
  if (!options.call?.trim()) return { exitCode: 2, output: "Indique la convocatoria (año) con --call, por ejemplo --call 2025.\n" };
  const callYear = /^\d+$/.test(options.call.trim()) ? Number(options.call.trim()) : Number.NaN;
  const callProblem = callYearProblem(Number.isNaN(callYear) ? options.call : callYear);
  if (callProblem) return { exitCode: 2, output: `--call: ${callProblem}\n` };
  const { client, base, signedIn } = apiClientFor(options);
  if (!signedIn) return NO_SESSION;
  const body: RegisterCooperativeRequest = {
    name: options.name.trim(), modality: modality as Modality, callYear, rut: options.rut ?? null, gestorEmail: options.gestor ?? null,
  };
  try {
    const created = await client.registerCooperative(region, body, `cli-register-${randomUUID()}`);
    if (options.json) return jsonResult([created]);
    const gestor = created.gestorEmail ? `, gestor/a ${created.gestorEmail}` : ", sin gestor/a asignado (asígnelo con «coop-plans cooperatives assign»)";
    return {
      exitCode: 0,
      output: `Registrada «${created.name}» en la región ${regionText(created.regionCode)} (${MODALITY_LABELS[created.modality]}, convocatoria ${created.callYear}${gestor}).\n${accountLine(created)}${created.id}\n`,
    };
  } catch (error) {
    const failure = describeApiFailure(error, base);
    return { exitCode: 2, output: failure.message + "\n" };
  }
}

/**
 * `coop-plans cooperatives assign ID --gestor email` (AOS): assigns or reassigns the cooperative's
 * gestor/a (`assignGestor`). Never throws.
 */
export async function assignCooperative(id: string, options: BackendOptions & { gestor?: string }): Promise<CommandResult> {
  if (!options.gestor?.trim()) return { exitCode: 2, output: "Indique el correo del gestor/a con --gestor nombre@dominio.cl.\n" };
  const { client, base, signedIn } = apiClientFor(options);
  if (!signedIn) return NO_SESSION;
  try {
    const c = await client.assignGestor(id, { gestorEmail: options.gestor });
    return { exitCode: 0, output: `«${c.name}» (${c.id}) queda a cargo de ${c.gestorEmail}.\n${accountLine(c)}` };
  } catch (error) {
    return { exitCode: 2, output: describeApiFailure(error, base).message + "\n" };
  }
}

/**
 * `coop-plans cooperatives list --region 14 [--json]`: the region's registered cooperatives (all
 * pages): name, id, RUT, modalidad, convocatoria, gestor/a. The region defaults to the caller's
 * only one. Never throws.
 */
export async function listCooperativesCommand(options: BackendOptions & { region?: string; json?: boolean }): Promise<CommandResult> {
  const { client, base, signedIn } = apiClientFor(options);
  if (!signedIn) return NO_SESSION;
  if (options.region !== undefined && !regionOf(options.region)) {
    return { exitCode: 2, output: `Región «${options.region}» no reconocida: escriba su ${REGION_OPTION_HINT}.\n` };
  }
  try {
    let region = regionOf(options.region);
    if (!region) {
      const me = await client.me();
      if (me.regions !== "*" && me.regions.length === 1) region = me.regions[0];
      else return { exitCode: 2, output: "Indique la región con --region (por ejemplo --region 14).\n" };
    }
    const items = await listAllCooperatives(client, region);
    if (options.json) return jsonResult(items);
    const rows = items.map((c) => [c.name, c.id, c.rut ?? "—", MODALITY_LABELS[c.modality], String(c.callYear), c.gestorEmail ?? "sin asignar"]);
    return {
      exitCode: 0,
      output: `Región ${regionText(region)}: ${formatCount(items.length, "cooperativa registrada", "cooperativas registradas")}.\n${items.length ? textTable(["Cooperativa", "Id", "RUT", "Modalidad", "Convocatoria", "Gestor/a"], rows) : ""}`,
    };
  } catch (error) {
    return { exitCode: 2, output: describeApiFailure(error, base).message + "\n" };
  }
}

const API_OPTION = ["--api <url>", API_OPTION_DESCRIPTION] as const;

/** The `cooperatives` subcommand: add, assign, list (the AOS's registry). */
export const cooperativesCommand: CliCommand = (ctx) => {
  const cmd = new Command("cooperatives").description("registro de cooperativas del AOS: registrar, asignar gestor/a, listar");
  cmd
    .command("add")
    .description("registra una cooperativa en la región y muestra su id")
    .option("--region <región>", `región: ${REGION_OPTION_HINT}`)
    .option("--name <nombre>", "nombre de la cooperativa o grupo")
    .option("--modality <modalidad>", "creacion o fortalecimiento")
    .option("--call <año>", "convocatoria (año entre 2000 y 2100), por ejemplo 2025")
    .option("--rut <rut>", "RUT de la cooperativa (obligatorio si está constituida)")
    .option("--gestor <correo>", "correo del gestor/a a cargo")
    .option("--json", "entrega la cooperativa registrada, con su id, en JSON")
    .option(...API_OPTION)
    .action(async (opts: AddCooperativeOptions) => ctx.emit(await addCooperative(opts)));
  cmd
    .command("assign")
    .description("asigna o cambia el gestor/a de una cooperativa")
    .argument("<cooperativa>", "id de la cooperativa", cooperativeIdArgument("<cooperativa>"))
    .option("--gestor <correo>", "correo del gestor/a")
    .option(...API_OPTION)
    .action(async (id: string, opts: BackendOptions & { gestor?: string }) => ctx.emit(await assignCooperative(id, opts)));
  cmd
    .command("list")
    .description("lista las cooperativas registradas de una región")
    .option("--region <región>", `región: ${REGION_OPTION_HINT} (por defecto: su única región)`)
    .option("--json", "entrega la lista en JSON")
    .option(...API_OPTION)
    .action(async (opts: BackendOptions & { region?: string; json?: boolean }) => ctx.emit(await listCooperativesCommand(opts)));
  return cmd;
};
