import { Command } from "commander";
import { writeFile } from "node:fs/promises";
import { formatDateTime } from "@coop-plans/shared/format";
import { packLabel, type RulePack } from "@coop-plans/shared/rules";
import type { CliCommand } from "../cliCommand";
import type { CommandResult } from "../commandResult";
import { PackFileError, localPacks, readPackFile } from "../rulePacks";

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
  return `${packLabel(pack)}, ${when}: ${flags.length} cifras, ${confirmed} confirmadas y ${flags.length - confirmed} referenciales.`;
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

/** `coop-plans rules list`: the packs in force this CLI uses (built-in and last fetched), one line each. */
export function listRules(options: { api?: string } = {}): CommandResult {
  const lines = localPacks({ api: options.api }).map((p) => `  ${packLine(p, "incorporado en coop-plans")}`);
  return { exitCode: 0, output: `Reglas vigentes:\n${lines.join("\n")}\n` };
}

/** The `rules` subcommand and its subcommands. */
export const rulesCommand: CliCommand = (ctx) => {
  const rules = new Command("rules")
    .description("paquetes de reglas del programa: exportar, revisar, publicar, listar y medir su impacto")
    .usage("<comando> [opciones]");
  rules.command("export")
    .description("escribe el paquete de reglas vigente de una convocatoria como JSON")
    .option("--year <año>", "convocatoria (por defecto la más reciente)")
    .option("-o, --out <archivo.json>", "archivo de salida (por defecto la pantalla)")
    .option("--api <url>", "API cuyos paquetes descargados se usan")
    .action(async (opts: { year?: string; out?: string; api?: string }) => ctx.emit(await exportRules(opts)));
  rules.command("check")
    .description("revisa un paquete de reglas (borrador) contra su esquema")
    .argument("<paquete.json>", "archivo del paquete")
    .action((file: string) => ctx.emit(checkRules(file)));
  rules.command("list")
    .description("lista los paquetes de reglas vigentes")
    .option("--api <url>", "API cuyos paquetes descargados se listan")
    .action((opts: { api?: string }) => ctx.emit(listRules(opts)));
  return rules;
};
