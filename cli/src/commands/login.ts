import { Command } from "commander";
import { regionCodeFromText, type RegionCode } from "@coop-plans/shared/domain";
import { Role, ROLE_LABELS } from "@coop-plans/shared/api";
import type { CliCommand } from "../cliCommand";
import type { CommandResult } from "../commandResult";
import { apiBase, isLocalApi, saveToken, type BackendOptions } from "../config";
import { API_OPTION_DESCRIPTION, REGION_OPTION_HINT } from "../cliOptions";
import { dataDir, devKeyPath } from "@coop-plans/functions/local";

/** Options of `coop-plans login`. */
export interface LoginOptions extends BackendOptions {
  dev?: boolean;
  role?: string;
  /** One code (`08`), several (`08,16`) or `*` (Sercotec's central level). */
  region?: string;
  email?: string;
  /** Also print the token (for scripts: `export COOP_PLANS_TOKEN=$(…)`). */
  printToken?: boolean;
}

/**
 * Parses `08`, `8,16`, `XIV`, `Los Ríos,Ñuble` (each as the workbook's Región cell accepts it,
 * shared/domain `regionCodeFromText`) or `*` into region codes; null when one names no region.
 */
export function parseRegions(text: string): RegionCode[] | "*" | null {
  const parts = text.split(",").map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return null;
  if (parts.length === 1 && parts[0] === "*") return "*";
  const codes = parts.map((p) => regionCodeFromText(p));
  if (codes.some((c) => c === null)) return null;
  return [...new Set(codes as RegionCode[])];
}

/**
 * `coop-plans login --dev --role gestor --region 08 --email x@y`: local mode only. Signs a dev
 * token with the key `npm start` created under `.data/` and stores it (`.data/cli-token`, mode
 * 0600). Refuses a non-local API (in AWS the identity provider issues tokens: set
 * `COOP_PLANS_TOKEN`). Never throws; exit 2 on a usage problem.
 */
export async function login(options: LoginOptions): Promise<CommandResult> {
  const base = apiBase(options);
  const fail = (text: string): CommandResult => ({ exitCode: 2, output: text + "\n" });
  if (!options.dev) {
    return fail("Por ahora solo existe el inicio de sesión de desarrollo: use «coop-plans login --dev …» con el modo local (npm start). Con la API en AWS, entregue su token en la variable COOP_PLANS_TOKEN.");
  }
  if (!isLocalApi(base)) return fail(`El inicio de sesión de desarrollo solo sirve con la API local (127.0.0.1), no con ${base}.`);
  const role = Role.safeParse(options.role ?? "");
  if (!role.success) return fail("Indique el rol con --role: gestor, aos o sercotec.");
  const regions = parseRegions(options.region ?? (role.data === "sercotec" ? "*" : ""));
  if (!regions) return fail(`Indique la región con --region: su ${REGION_OPTION_HINT}, varias separadas por coma, o * para el nivel central.`);
  const email = (options.email ?? "").trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return fail("Indique un correo válido con --email (nombre@dominio.cl).");

  // jose is loaded only here (the other commands run without it).
  const tokens = await import("@coop-plans/functions/local/dev-tokens");
  const keyFile = devKeyPath();
  const key = tokens.readDevKey(keyFile);
  if (!key) {
    return fail(`No se encontró la clave de desarrollo: se buscó ${keyFile} (la carpeta de datos ${dataDir()}${process.env.COOP_PLANS_DATA_DIR ? ", de COOP_PLANS_DATA_DIR" : ""}). Ejecute «npm start» una vez, o indique con COOP_PLANS_DATA_DIR la carpeta de datos del modo local que está en uso (la que muestra npm start al iniciar).`);
  }
  const expiresInSeconds = 12 * 3600;
  const token = await tokens.signDevToken(key, { email, role: role.data, regions, expiresInSeconds });
  const file = saveToken(base, token);
  const until = new Date(Date.now() + expiresInSeconds * 1000).toISOString().slice(0, 16).replace("T", " ");
  const scope = regions === "*" ? "todas las regiones" : `región ${regions.join(", ")}`;
  let output = `Sesión de desarrollo iniciada: ${ROLE_LABELS[role.data]}, ${scope}, ${email}.\nFirmada con la clave de desarrollo ${keyFile}.\nToken guardado en ${file} (vence ${until} UTC).\n`;
  if (options.printToken) output += `${token}\n`;
  return { exitCode: 0, output };
}

/** The `login` subcommand. */
export const loginCommand: CliCommand = (ctx) =>
  new Command("login")
    .usage("[opciones]")
    .description("inicia sesión; en modo local, con --dev firma un token de desarrollo con la clave de la carpeta de datos (por defecto: .data/; COOP_PLANS_DATA_DIR la cambia)")
    .option("--dev", "token de desarrollo (solo con la API local de npm start)")
    .option("--role <rol>", "gestor, aos o sercotec")
    .option("--region <regiones>", "región (14, XIV o Los Ríos), varias (08,16) o * (nivel central)")
    .option("--email <correo>", "correo de la persona (identifica a la gestora o gestor)")
    .option("--print-token", "muestra además el token")
    .option("--api <url>", API_OPTION_DESCRIPTION)
    .action(async (opts: LoginOptions) => {
      ctx.emit(await login(opts));
    });
