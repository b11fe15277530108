import { Command } from "commander";
import { writeFile } from "node:fs/promises";
import { isApiError, listAllCooperatives, type ApiClient, type CooperativeSummary } from "@coop-plans/shared/api";
import { REGIONS, type Finding, type RegionCode } from "@coop-plans/shared/domain";
import { formatCount, formatDateTime } from "@coop-plans/shared/format";
import { packLabel, packsInForce, planPackImpact, todayInSantiago, withDraftPack, type PlanPackImpact, type RulePack } from "@coop-plans/shared/rules";
import { describeApiFailure } from "../backendErrors";
import type { CliCommand } from "../cliCommand";
import type { CommandResult } from "../commandResult";
import { apiClientFor, type BackendOptions } from "../config";
import { PackFileError, cachedPacks, localPacks, readPackFile, saveCachedPacks } from "../rulePacks";
import { jsonResult } from "../jsonOutput";
import { API_OPTION_DESCRIPTION, REGION_OPTION_HINT, parseRegionOption } from "../cliOptions";

/** Every `{ value, source, confirmed }` figure of a pack (region overrides apart), with whether it is confirmed for both modalities. */
function figureFlags(pack: RulePack): boolean[] {
  const flags: boolean[] = [];
  const walk = (o: unknown) => {
    if (!o || typeof o !== "object" || Array.isArray(o)) return;
    const r = o as Record<string, unknown>;
    if ("value" in r && "confirmed" in r) {
      const c = r.confirmed;
      flags.push(typeof c === "boolean" ? c : Boolean((c as Record<string, boolean>).creacion && (c as Record<string, boolean>).fortalecimiento));
      return;
    }
    Object.values(r).forEach(walk);
  };
  walk(pack.figures);
  return flags;
}

/** «convocatoria 2026 (versión 1), publicado el …» or «(borrador / incorporado)». */
function packLine(pack: RulePack, origin: string): string {
  const flags = figureFlags(pack);
  const confirmed = flags.filter(Boolean).length;
  const when = pack.publishedAt ? `publicado el ${formatDateTime(pack.publishedAt)}` : origin;
  return `${packLabel(pack)}, ${when}: ${formatCount(flags.length, "cifra", "cifras")}, ${formatCount(confirmed, "confirmada", "confirmadas")} y ${formatCount(flags.length - confirmed, "referencial", "referenciales")}.`;
}

/**
 * `coop-plans rules export [--year 2025] [-o pack.json]`: writes the pack in force for a year
 * (default the newest) as JSON, to a file or to stdout. Exit 2 when no pack exists for the year
 * or the file cannot be written.
 */
export async function exportRules(options: { year?: string; out?: string; api?: string } = {}): Promise<CommandResult> {
  const packs = localPacks({ api: options.api });
  let pack: RulePack | undefined = packs[packs.length - 1];
  if (options.year !== undefined) {
    const year = Number(options.year);
    pack = Number.isInteger(year) ? packs.find((p) => p.year === year) : undefined;
    if (!pack) {
      return { exitCode: 2, output: `No hay reglas de la convocatoria «${options.year}». Convocatorias disponibles: ${packs.map((p) => p.year).join(", ")}.\n` };
    }
  }
  if (!pack) return { exitCode: 2, output: "No hay paquetes de reglas.\n" };
  const json = JSON.stringify(pack, null, 2) + "\n";
  if (!options.out) return { exitCode: 0, output: json };
  try {
    await writeFile(options.out, json);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "la carpeta no existe" : code === "EACCES" || code === "EPERM" ? "no hay permiso de escritura" : "error de escritura";
    return { exitCode: 2, output: `No se pudo escribir «${options.out}»: ${why}.\n` };
  }
  return {
    exitCode: 0,
    output: `Reglas de la ${packLabel(pack)} escritas en «${options.out}». Edítelo, revíselo con: coop-plans rules check ${options.out}\n`,
  };
}

/** `coop-plans rules check pack.json`: validates a draft pack by its schema. Exit 0 when valid, 2 with each field's problem otherwise. */
export function checkRules(file: string): CommandResult {
  try {
    const pack = readPackFile(file);
    return { exitCode: 0, output: `El paquete de reglas «${file}» es válido: ${packLine(pack, "borrador")}\n` };
  } catch (error) {
    if (error instanceof PackFileError) return { exitCode: 2, output: error.lines.join("\n") + "\n" };
    throw error;
  }
}

/**
 * `coop-plans rules list`: the packs in force this CLI uses, one line each. Signed in, it first
 * fetches the API's packs in force and keeps them beside the token; without a session or a
 * connection it lists the built-in packs and the last fetched ones (and says so when the API
 * could not be reached).
 */
export async function listRules(options: { api?: string } = {}): Promise<CommandResult> {
  const { client, base, signedIn } = apiClientFor(options);
  let note = "";
  if (signedIn) {
    try {
      saveCachedPacks(base, (await client.listRulePacks()).items);
    } catch (error) {
      note = `No se pudo consultar la API en ${base} (${describeApiFailure(error, base).message}): se muestran las últimas reglas descargadas.\n`;
    }
  }
  const lines = localPacks({ api: options.api }).map((p) => `  ${packLine(p, "incorporado en coop-plans")}`);
  return { exitCode: 0, output: `${note}Reglas vigentes:\n${lines.join("\n")}\n` };
}

/** Options of `coop-plans rules publish`. */
export interface PublishOptions extends BackendOptions {
  /** The version the pack was edited from (`--base`); default: the pack's own `version` when its year has a pack on the server, else 0. */
  base?: string;
}

/**
 * `coop-plans rules publish pack.json [--base N]`: publishes the pack as the next version of its
 * year (Sercotec's central level). The file is checked first (exit 2 naming each field, nothing
 * sent). The version it was edited from is `--base`, else the pack's own `version` when the server
 * has a pack for its year (an exported pack keeps the version it came from), else 0. On success
 * the packs in force are fetched again and kept beside the token. Exit 0 when published; 2 on an
 * invalid pack, no session, a refusal (403, a stale base: 409, the server's 400) or no connection.
 */
export async function publishRules(file: string, options: PublishOptions = {}): Promise<CommandResult> {
  let draft: RulePack;
  try {
    draft = readPackFile(file);
  } catch (error) {
    if (error instanceof PackFileError) return { exitCode: 2, output: error.lines.join("\n") + "\n" };
    throw error;
  }
  let base: number | undefined;
  if (options.base !== undefined) {
    base = /^\d{1,6}$/.test(options.base.trim()) ? Number(options.base) : NaN;
    if (!Number.isInteger(base)) return { exitCode: 2, output: `--base debe ser un número de versión (0, 1, 2…), no «${options.base}».\n` };
  }
  const { client, base: api, signedIn } = apiClientFor(options);
  if (!signedIn) return { exitCode: 2, output: "No hay sesión iniciada: use «coop-plans login» (o defina COOP_PLANS_TOKEN).\n" };
  try {
    if (base === undefined) {
      try {
        await client.getRulePack(draft.year);
        base = draft.version;
      } catch (error) {
        if (!isApiError(error) || error.problem.code !== "RULE_PACK_NOT_FOUND") throw error;
        base = 0;
      }
    }
    const { version: _v, publishedAt: _p, ...pack } = draft;
    const published = await client.publishRulePack(draft.year, { baseVersion: base, pack });
    const cache = await refreshPackCache(client, api, published);
    return {
      exitCode: 0,
      output: `Publicadas las reglas de la ${packLabel(published)} el ${formatDateTime(published.publishedAt!)} (editadas desde la versión ${base}).\n` +
        `Desde ahora el servidor revisa con ellas cada plan de la convocatoria ${published.year} en su próxima sincronización; los planes guardados no cambian.\n` +
        (cache ? `Copia local de las reglas vigentes: ${cache}\n` : ""),
    };
  } catch (error) {
    const failure = describeApiFailure(error, api);
    return { exitCode: 2, output: `No se publicó «${file}»: ${failure.message}\n` };
  }
}

/** Fetches the packs in force and keeps them beside the token; with `published` added if the list could not be read. Returns the file, or null. */
async function refreshPackCache(client: ApiClient, api: string, published: RulePack): Promise<string | null> {
  let packs: RulePack[];
  try {
    packs = (await client.listRulePacks()).items;
  } catch {
    packs = packsInForce([...cachedPacks(api), published]);
  }
  try {
    return saveCachedPacks(api, packs);
  } catch {
    return null;
  }
}


/** Options of `coop-plans rules impact`. */
export interface ImpactOptions extends BackendOptions {
  region?: string;
  /** The new pack (a draft or the version about to be published); without it the server compares a published version with the one before it. */
  rules?: string;
  /** Without --rules: the published pack's convocatoria (default the newest) and version (default the one in force). */
  year?: string;
  /** `--pack-version` (`--version` is the program's own). */
  packVersion?: string;
  /** ISO date for the time-dependent rules (default today, America/Santiago). */
  asOf?: string;
  json?: boolean;
}

/** One cooperative whose findings change. */
export interface CooperativeImpact extends PlanPackImpact {
  cooperativeId: string;
  name: string;
  /** The plan revision compared (the latest). */
  version: number;
}

const count = formatCount;
const findingLine = (sign: string, f: Finding) => `    ${sign} ${f.ruleId} ${f.location.sheet ?? ""}${f.location.cell ? `!${f.location.cell}` : ""}: ${f.message}`;

/**
 * `coop-plans rules impact --region 14 --rules pack.json`: the cooperatives of a region whose
 * findings change when `pack.json` is in force for its year instead of the packs in force now,
 * computed from their latest revisions under their registered convocatoria, región and modalidad
 * (new errors, resolved errors, and warnings). Stored revisions never change. Exit 0 when
 * computed; 2 without a session, a valid pack file or a reachable API.
 */
export async function ruleImpact(options: ImpactOptions = {}): Promise<CommandResult> {
  if (!options.region) return { exitCode: 2, output: `Indique la región con --region: ${REGION_OPTION_HINT}.\n` };
  const regionOption = parseRegionOption(options.region);
  if (!regionOption.ok) return { exitCode: 2, output: `${regionOption.message}\n` };
  if (!options.rules) return publishedImpact({ ...options, region: regionOption.code });
  let draft: RulePack;
  try {
    draft = readPackFile(options.rules);
  } catch (error) {
    if (error instanceof PackFileError) return { exitCode: 2, output: error.lines.join("\n") + "\n" };
    throw error;
  }
  const { client, base, signedIn } = apiClientFor(options);
  if (!signedIn) return { exitCode: 2, output: "No hay sesión iniciada: use «coop-plans login» (o defina COOP_PLANS_TOKEN).\n" };
  const before = localPacks(options);
  const after = withDraftPack(before, draft);
  const asOf = options.asOf ?? todayInSantiago();
  const region = regionOption.code;
  const impacts: CooperativeImpact[] = [];
  let cooperatives: CooperativeSummary[] = [];
  try {
    cooperatives = (await listAllCooperatives(client, region)).filter((c) => c.version > 0);
    for (const c of cooperatives) {
      const latest = await client.getPlan(c.id);
      const impact = planPackImpact(latest.plan, before, after, {
        asOf, registered: { callYear: c.callYear, regionCode: c.regionCode, modality: c.modality },
      });
      if (impact.changed) impacts.push({ cooperativeId: c.id, name: c.name, version: latest.version, ...impact });
    }
  } catch (error) {
    const failure = describeApiFailure(error, base);
    return { exitCode: 2, output: failure.message + "\n" };
  }
  if (options.json) return jsonResult(impacts);
  return { exitCode: 0, output: impactReport(`Impacto de la ${packLabel(draft)}`, region, impacts, cooperatives.length) };
}

/**
 * `coop-plans rules impact --region 14 [--year 2025] [--pack-version 2]` (no --rules): asks the server
 * (`GET /v1/regions/{code}/rule-pack-impact`) which plans of the region a published version changes
 * against the version before it. Year default: the newest pack this CLI knows.
 */
async function publishedImpact(options: ImpactOptions): Promise<CommandResult> {
  const year = options.year !== undefined ? Number(options.year) : localPacks(options).at(-1)?.year;
  const version = options.packVersion !== undefined ? Number(options.packVersion) : undefined;
  if (year === undefined || !Number.isInteger(year) || (version !== undefined && !(Number.isInteger(version) && version > 0))) {
    return { exitCode: 2, output: "Indique --year (por ejemplo 2025) y, si quiere, --pack-version (1, 2, …), o un paquete con --rules paquete.json.\n" };
  }
  const { client, base, signedIn } = apiClientFor(options);
  if (!signedIn) return { exitCode: 2, output: "No hay sesión iniciada: use «coop-plans login» (o defina COOP_PLANS_TOKEN).\n" };
  try {
    const answer = await client.rulePackImpact(options.region!, { year, ...(version ? { version } : {}), ...(options.asOf ? { asOf: options.asOf } : {}) });
    if (options.json) return jsonResult(answer.items); // one array, as with --rules and every other --json
    const title = `Impacto de la ${packLabel(answer.pack)}${answer.comparedWith ? ` frente a la versión ${answer.comparedWith.version}` : ""}`;
    return { exitCode: 0, output: impactReport(title, answer.regionCode, answer.items, answer.plans) };
  } catch (error) {
    return { exitCode: 2, output: describeApiFailure(error, base).message + "\n" };
  }
}

/** The text report of an impact: one line per cooperative that changes, then its findings. */
function impactReport(title: string, region: RegionCode, impacts: ReadonlyArray<Omit<CooperativeImpact, "changed" | "before" | "after">>, plans: number): string {
  const regionName = REGIONS[region].name;
  const lines = [
    `${title} en la región ${region} ${regionName}: ` +
    `${count(impacts.length, "cooperativa cambia", "cooperativas cambian")} de ${count(plans, "con plan", "con plan")}.`,
  ];
  for (const i of impacts) {
    const parts = [
      i.newErrors.length ? count(i.newErrors.length, "error nuevo", "errores nuevos") : "",
      i.resolvedErrors.length ? count(i.resolvedErrors.length, "error resuelto", "errores resueltos") : "",
      i.newWarnings.length ? count(i.newWarnings.length, "advertencia nueva", "advertencias nuevas") : "",
      i.resolvedWarnings.length ? count(i.resolvedWarnings.length, "advertencia resuelta", "advertencias resueltas") : "",
    ].filter(Boolean);
    lines.push(`  ${i.name} (${i.cooperativeId}, versión ${i.version} del plan): ${parts.join(", ")}.`);
    for (const f of i.newErrors) lines.push(findingLine("+ error", f));
    for (const f of i.resolvedErrors) lines.push(findingLine("- error", f));
    for (const f of i.newWarnings) lines.push(findingLine("+ advertencia", f));
    for (const f of i.resolvedWarnings) lines.push(findingLine("- advertencia", f));
  }
  lines.push("Los planes guardados no cambian: cada uno se revisa con el paquete nuevo en su próxima sincronización.");
  return lines.join("\n") + "\n";
}

/** The `rules` subcommand and its subcommands. */
export const rulesCommand: CliCommand = (ctx) => {
  const rules = new Command("rules")
    .description("paquetes de reglas del programa: exportar, revisar, publicar, listar y medir su impacto")
    .usage("<comando> [opciones]");
  rules.command("export")
    .description("escribe el paquete de reglas vigente de una convocatoria como JSON")
    .option("--year <año>", "convocatoria (por defecto: la más reciente)")
    .option("-o, --out <archivo.json>", "archivo de salida (por defecto: la pantalla)")
    .option("--api <url>", "API cuyos paquetes descargados se usan")
    .action(async (opts: { year?: string; out?: string; api?: string }) => ctx.emit(await exportRules(opts)));
  rules.command("check")
    .description("revisa un paquete de reglas (borrador) contra su esquema")
    .argument("<paquete.json>", "archivo del paquete")
    .action((file: string) => ctx.emit(checkRules(file)));
  rules.command("list")
    .description("lista los paquetes de reglas vigentes")
    .option("--api <url>", "API cuyos paquetes descargados se listan")
    .action(async (opts: { api?: string }) => ctx.emit(await listRules(opts)));
  rules.command("publish")
    .description("publica un paquete de reglas como la versión siguiente de su convocatoria (Sercotec nivel central)")
    .argument("<paquete.json>", "archivo del paquete (revíselo antes con rules check)")
    .option("--base <versión>", "versión vigente de la que partió (por defecto: la del archivo; 0 si la convocatoria no tiene reglas)")
    .option("--api <url>", API_OPTION_DESCRIPTION)
    .action(async (file: string, opts: PublishOptions) => ctx.emit(await publishRules(file, opts)));
  rules.command("impact")
    .description("lista las cooperativas de una región cuyos hallazgos cambian con un paquete nuevo")
    .requiredOption("--region <región>", `región: ${REGION_OPTION_HINT}`)
    .option("--rules <paquete.json>", "paquete nuevo (borrador o versión por publicar); sin él, el servidor compara una versión publicada con la anterior")
    .option("--year <año>", "sin --rules: convocatoria del paquete publicado (por defecto: la más reciente)")
    .option("--pack-version <n>", "sin --rules: versión publicada (por defecto: la vigente)")
    .option("--as-of <fecha>", "fecha de referencia AAAA-MM-DD (por defecto: hoy)")
    .option("--json", "entrega el resultado en JSON")
    .option("--api <url>", API_OPTION_DESCRIPTION)
    .action(async (opts: ImpactOptions) => ctx.emit(await ruleImpact(opts)));
  return rules;
};
