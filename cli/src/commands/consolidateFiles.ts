import { stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { consolidateFiles, consolidationSheets, sameCooperativeText, type Consolidation, type FileConsolidation, type UnreadableFile, type WorkbookFileEntry } from "@coop-plans/shared/consolidate";
import { REGIONS } from "@coop-plans/shared/domain";
import { bindingFromProperties } from "@coop-plans/shared/workbook";
import { readPackageProperties, writeReportWorkbook } from "@coop-plans/shared/xlsx";
import type { CommandResult, ExitCode } from "../commandResult";
import { formatClp } from "@coop-plans/shared/format";
import { textTable } from "../textTable";
import { readFileBytes } from "../readFileBytes";
import type { RulePack } from "@coop-plans/shared/rules";
import { localPacks } from "../rulePacks";
import { validateFile, type FileReport } from "./validate";
import { writeFailureMessage } from "../cliOptions";

/** Options of `coop-plans consolidate FILE…`: output path and the date of the follow-up figures. */
export interface ConsolidateFilesOptions {
  output?: string;
  asOf?: string;
  /** ISO timestamp written as the consolidation's date (tests); default now. */
  generatedAt?: string;
  /** The API whose last fetched rule packs apply (as `validate --api`). */
  api?: string;
  /**
   * Validates one file under the packs in force (default: `validateFile` in this process; the
   * `consolidate` command uses validate's worker pool, so a slow or huge file is listed as
   * unreadable instead of stalling the batch; see fileWorkers.ts).
   */
  runFile?: (file: string, packs: readonly RulePack[]) => Promise<FileReport>;
}

/** When a workbook was last saved: its own `dcterms:modified`, else the file's time; and its binding. */
async function fileFacts(file: string): Promise<{ modifiedAt: string | null; binding: WorkbookFileEntry["binding"] }> {
  let modifiedAt: string | null = null;
  let binding: WorkbookFileEntry["binding"] = null;
  try {
    const props = await readPackageProperties(await readFileBytes(file));
    modifiedAt = props.modified && !Number.isNaN(Date.parse(props.modified)) ? new Date(props.modified).toISOString() : null;
    binding = bindingFromProperties(props.custom);
  } catch {
    // validateFile already read the workbook; its package properties are optional facts.
  }
  if (!modifiedAt) modifiedAt = (await stat(file).catch(() => null))?.mtime.toISOString() ?? null;
  return { modifiedAt, binding };
}

/** `2025-11-03 10:22` in America/Santiago from an ISO timestamp. */
function localTime(iso: string | null): string {
  if (!iso) return "sin fecha";
  const parts = new Intl.DateTimeFormat("es-CL", { timeZone: "America/Santiago", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/** The Spanish account of a file consolidation: files counted, duplicates, files left out. */
export function fileConsolidationReport(result: FileConsolidation, modifiedAt: Map<string, string | null>): string {
  const c = result.consolidation;
  const out: string[] = [];
  const rows = c.cooperatives.map((r) => [r.id, r.name, `${r.regionCode} ${REGIONS[r.regionCode].name}`, formatClp(r.total), String(r.errors), String(r.warnings)]);
  out.push(`Archivos consolidados (${rows.length}):`);
  out.push(textTable(["Archivo", "Cooperativa", "Región", "Inversión total", "Errores", "Advertencias"], rows, [3, 4, 5]).trimEnd());
  for (const d of result.duplicates) {
    const others = d.dropped.map((f) => `«${f}»`).join(", ");
    out.push(`Misma cooperativa «${d.cooperative}» (${sameCooperativeText(d.reason)}) en «${d.kept}» y ${others}: se cuenta una vez, con «${d.kept}» (guardado ${localTime(modifiedAt.get(d.kept) ?? null)}, el más reciente).`);
  }
  if (result.skipped.length > 0) {
    out.push(`No consolidados (${result.skipped.length}):`);
    for (const s of result.skipped) out.push(`  ${s.file}: ${s.message}`);
  }
  if (result.unreadable.length > 0) {
    out.push(`No se pudieron leer (${result.unreadable.length}; no se cuentan):`);
    for (const u of result.unreadable) out.push(`  ${u.file}: ${u.message}`);
  }
  return out.join("\n") + "\n";
}

/**
 * `coop-plans consolidate FILE… -o consolidado.xlsx`: no backend. Validates each workbook as
 * `validate` does (same rule packs in force, same per-file worker under the bin), consolidates them with shared/consolidate `consolidateFiles` (the figures and
 * sheets of a region's consolidation; status «archivo»; several regions grouped by región; the
 * same cooperative twice counted once, the newer file kept) and writes the .xlsx. Exit 0 when the
 * workbook was written from every file; 2 when some file could not be read (the workbook is still
 * written from the others, which are listed); 1 when a file was read but could not be placed (not
 * a plan, no valid Región). `summarize` writes the consolidation's summary (the API mode's). Never throws.
 */
export async function consolidateWorkbookFiles(
  files: string[],
  options: ConsolidateFilesOptions,
  summarize: (c: Consolidation) => string,
): Promise<CommandResult> {
  const entries: WorkbookFileEntry[] = [];
  const unreadable: UnreadableFile[] = [];
  const modifiedAt = new Map<string, string | null>();
  const packs = localPacks({ api: options.api });
  const runFile = options.runFile ?? ((file: string) => validateFile(file, { asOf: options.asOf, packs }));
  for (const file of files) {
    const report = await runFile(file, packs);
    if (report.error || !report.plan) {
      unreadable.push({ file, message: report.error?.message ?? "No se pudo leer el archivo." });
      continue;
    }
    const facts = await fileFacts(file);
    modifiedAt.set(file, facts.modifiedAt);
    entries.push({ file, plan: report.plan, findings: report.findings ?? [], modifiedAt: facts.modifiedAt, binding: facts.binding, rulePack: report.rulePack ?? null });
  }
  const result = consolidateFiles(entries, unreadable, { asOf: options.asOf, generatedAt: options.generatedAt });
  const exitCode: ExitCode = result.unreadable.length > 0 ? 2 : result.skipped.length > 0 ? 1 : 0;
  const report = fileConsolidationReport(result, modifiedAt);
  if (result.included.length === 0) {
    return { exitCode: exitCode === 0 ? 2 : exitCode, output: `${report}Ningún archivo se pudo consolidar: no se escribió el consolidado.\n` };
  }
  const out = path.resolve(options.output ?? "consolidado.xlsx");
  const bytes = await writeReportWorkbook(consolidationSheets(result.consolidation));
  try {
    await writeFile(out, bytes);
  } catch (error) {
    return { exitCode: 2, output: `${report}${writeFailureMessage(out, error)}\n` };
  }
  return { exitCode, output: `${report}${summarize(result.consolidation)}Escrito ${out}.\n` };
}
