import { access, realpath } from "node:fs/promises";
import path from "node:path";
import { InvalidArgumentError } from "commander";
import { CooperativeId } from "@coop-plans/shared/api";
import { REGIONS, regionCodeFromText, type RegionCode } from "@coop-plans/shared/domain";

/** The `--api <url>` description every backend command shows in its help. */
export const API_OPTION_DESCRIPTION = "URL de la API (por defecto: COOP_PLANS_API o http://127.0.0.1:4000)";

/** What `--region` accepts, for help texts and messages. */
export const REGION_OPTION_HINT = "código (14), número romano (XIV) o nombre (Los Ríos)";

/**
 * A `--region` value as the workbook's Región cell accepts it (shared/domain `regionCodeFromText`):
 * a code (`14`, `8`, `08`), a roman numeral (`XIV`), an abbreviation (`RM`) or a name with or
 * without accents or «Región de» («Los Ríos», «los rios», «Región del Biobío»).
 * @returns the two-digit code, or the Spanish message naming what was written and what is accepted.
 */
export function parseRegionOption(text: string): { ok: true; code: RegionCode } | { ok: false; message: string } {
  const code = regionCodeFromText(text);
  if (code) return { ok: true, code };
  return { ok: false, message: `Región «${text}» no reconocida: escriba su ${REGION_OPTION_HINT}.` };
}

/**
 * The parser of a cooperative id given on the command line (`<cooperativa>`, `--cooperative`):
 * a UUID as the API hands it out, trimmed. Anything else is a usage error (commander's
 * invalidArgument: Spanish message naming the argument, exit 2), never sent to the server.
 */
export function cooperativeIdArgument(name: string): (value: string) => string {
  return (value) => {
    const id = value.trim();
    if (CooperativeId.safeParse(id).success) return id;
    throw new InvalidArgumentError(
      `${name}: «${value}» no es el identificador de una cooperativa. Es un código como 3f2b8c1e-6a4d-4e9b-9c1a-2d7e5f0a1b3c: ` +
      "cópielo de la columna Id de «coop-plans status» o de «coop-plans cooperatives list».",
    );
  };
}

/** `14 Los Ríos`: a region as messages name it. */
export function regionLabel(code: RegionCode): string {
  return `${code} ${REGIONS[code].name}`;
}

/**
 * Checks an output workbook's name before anything is computed: it must end in .xlsx (`example`
 * is the name suggested); it is never one of the command's `inputs` (not even with `force`: a
 * workbook being read is never replaced by a report of it); and with `mustBeNew`, unless `force`,
 * it must not exist yet (`forceOption` false: the command has no --force, the message says so).
 * @returns null when the file may be written, else the Spanish message (exit 2).
 */
export async function outputXlsxProblem(
  out: string,
  example: string,
  options: { force?: boolean; mustBeNew?: boolean; inputs?: readonly string[]; forceOption?: boolean } = {},
): Promise<string | null> {
  if (!/\.xlsx$/i.test(out)) return `El archivo de salida «${out}» debe terminar en .xlsx (por ejemplo ${example}).`;
  const target = await canonicalPath(out);
  for (const input of options.inputs ?? []) {
    if ((await canonicalPath(input)) === target) {
      return `La salida «${out}» es uno de los libros que se leen: elija otro nombre (un libro de entrada nunca se reemplaza).`;
    }
  }
  if (options.mustBeNew && !options.force && (await exists(out))) {
    return options.forceOption === false
      ? `«${out}» ya existe: elija otro nombre (este comando nunca reemplaza un archivo).`
      : `«${out}» ya existe: elija otro nombre o use --force para reemplazarlo.`;
  }
  return null;
}

/** A file's absolute path with its links resolved (as given, absolute, when it does not exist yet). */
async function canonicalPath(file: string): Promise<string> {
  try {
    return await realpath(path.resolve(file));
  } catch {
    return path.resolve(file);
  }
}

/** «No se pudo escribir «out»: la carpeta no existe.» — a failed write of an output file, from its errno code. */
export function writeFailureMessage(out: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const why = code === "ENOENT" ? "la carpeta no existe"
    : code === "EACCES" || code === "EPERM" || code === "EROFS" ? "no hay permiso de escritura"
      : code === "EBUSY" ? "el archivo está abierto en Excel"
        : "error de escritura";
  return `No se pudo escribir «${out}»: ${why}.`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(path.resolve(file));
    return true;
  } catch {
    return false;
  }
}
