import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  BUILTIN_PACKS, RulePack, checkRulePack, formatPackProblems, packsInForce, withDraftPack,
} from "@coop-plans/shared/rules";
import { apiBase, tokenFile, type BackendOptions } from "./config";

/**
 * Where the CLI keeps the rule packs it last fetched: `rule-packs.json` beside its token (the
 * CLI's configuration folder: `<HOME>/.coop-plans/`, or the local data folder for the local API).
 */
export function packCacheFile(base: string): string {
  return path.join(path.dirname(tokenFile(base)), "rule-packs.json");
}

/** The packs cached for an API (each checked by the schema; a damaged cache counts as empty). */
export function cachedPacks(base: string): RulePack[] {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(packCacheFile(base), "utf8"));
  } catch {
    return [];
  }
  if (!Array.isArray(document)) return [];
  return document.flatMap((d) => {
    const check = RulePack.safeParse(d);
    return check.success ? [check.data] : [];
  });
}

/** Stores the packs in force fetched from an API (written to a temporary file, then renamed); returns the file. */
export function saveCachedPacks(base: string, packs: readonly RulePack[]): string {
  const file = packCacheFile(base);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(packs) + "\n", { mode: 0o600 });
  renameSync(temp, file);
  return file;
}

/**
 * The packs in force for the CLI: the built-in packs with the cached ones over them (the newest
 * version of each year), plus `draft` (from `--rules`) in force for its year.
 */
export function localPacks(options: BackendOptions = {}, draft?: RulePack): RulePack[] {
  const inForce = packsInForce([...BUILTIN_PACKS, ...cachedPacks(apiBase(options))]);
  return draft ? withDraftPack(inForce, draft) : inForce;
}

/** A pack file that could not be used: the Spanish lines that say why. */
export class PackFileError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
    this.name = "PackFileError";
  }
}

/**
 * Reads and checks a rule pack file (JSON). Throws PackFileError with Spanish lines naming the
 * file and, for an invalid pack, each field and its problem.
 */
export function readPackFile(file: string): RulePack {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "el archivo no existe" : code === "EACCES" || code === "EPERM" ? "no hay permiso de lectura" : code === "EISDIR" ? "es una carpeta" : "no se pudo leer";
    throw new PackFileError([`No se pudo leer el paquete de reglas «${file}»: ${why}.`]);
  }
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const detail = /position (\d+)/.exec(String((error as Error).message))?.[1];
    throw new PackFileError([`«${file}» no es un JSON válido${detail ? ` (cerca del carácter ${detail})` : ""}: revise comas, comillas y llaves.`]);
  }
  const check = checkRulePack(document);
  if (!check.ok) {
    throw new PackFileError([
      `El paquete de reglas «${file}» no es válido (${check.problems.length} ${check.problems.length === 1 ? "problema" : "problemas"}):`,
      ...formatPackProblems(check.problems).map((line) => `  ${line}`),
    ]);
  }
  return check.pack;
}
