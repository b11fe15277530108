import { Command } from "commander";
import { writeFile } from "node:fs/promises";
import { MODALITY_LABELS, type Modality } from "@coop-plans/shared/domain";
import { renderWorkbook } from "@coop-plans/shared/workbook";
import { writeWorkbook } from "@coop-plans/shared/xlsx";
import type { CliCommand } from "../cliCommand";
import type { CommandResult } from "../commandResult";
import { localPacks } from "../rulePacks";
import { outputXlsxProblem, writeFailureMessage } from "../cliOptions";

/** Options of `coop-plans template`. `modality` as typed (`creacion`, `fortalecimiento`, accents tolerated). */
export interface TemplateCommandOptions {
  modality?: string;
  force?: boolean;
}

/** `creacion` / `creación` / `fortalecimiento` → Modality; null for anything else. */
export function parseModalityOption(text: string): Modality | null {
  const key = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim().toLowerCase();
  return key === "creacion" || key === "fortalecimiento" ? key : null;
}

/**
 * `coop-plans template <out.xlsx> [--modality creacion|fortalecimiento] [--force]`: writes a
 * fresh standard workbook (dropdown lists from the newest rule pack in force — open lists only
 * suggest —, CLP and date formats, frozen headers). Exit 0 when
 * written; 2 with a Spanish message when the name, modality or destination is wrong, or the file
 * exists and `--force` is not given. Never throws.
 */
export async function writeTemplate(out: string, options: TemplateCommandOptions = {}): Promise<CommandResult> {
  const badName = await outputXlsxProblem(out, "plan-cooperativa.xlsx");
  if (badName) return { exitCode: 2, output: `${badName}\n` };
  let modality: Modality | undefined;
  if (options.modality !== undefined) {
    const parsed = parseModalityOption(options.modality);
    if (!parsed) {
      return { exitCode: 2, output: `Modalidad «${options.modality}» desconocida: use creacion (Creación y Desarrollo) o fortalecimiento.\n` };
    }
    modality = parsed;
  }
  const exists = await outputXlsxProblem(out, "plan-cooperativa.xlsx", { mustBeNew: true, force: options.force });
  if (exists) return { exitCode: 2, output: `${exists}\n` };
  let bytes: Uint8Array;
  try {
    // The dropdowns follow the newest pack in force (built-in or last fetched).
    const pack = localPacks().at(-1);
    bytes = await writeWorkbook(renderWorkbook({ ...(modality ? { modality } : {}), ...(pack ? { pack } : {}) }));
  } catch {
    return { exitCode: 2, output: "No se pudo generar la plantilla: error interno de coop-plans.\n" };
  }
  try {
    await writeFile(out, bytes);
  } catch (error) {
    return { exitCode: 2, output: `${writeFailureMessage(out, error)}\n` };
  }
  const label = modality ? ` para la modalidad ${MODALITY_LABELS[modality]}` : "";
  return { exitCode: 0, output: `Plantilla escrita en «${out}»${label}. Ábrala en Excel, complétela y valídela con: coop-plans validate ${out}\n` };
}

/** The `template` subcommand. */
export const templateCommand: CliCommand = (ctx) =>
  new Command("template")
    .description("escribe un libro estándar en blanco (plantilla) con listas desplegables y formatos")
    .usage("[opciones] <salida.xlsx>")
    .argument("<salida.xlsx>", "archivo .xlsx que se creará")
    .option("--modality <modalidad>", "creacion (Creación y Desarrollo) o fortalecimiento")
    .option("--force", "reemplaza el archivo de salida si ya existe")
    .action(async (out: string, opts: { modality?: string; force?: boolean }) => {
      ctx.emit(await writeTemplate(out, { modality: opts.modality, force: opts.force }));
    });
