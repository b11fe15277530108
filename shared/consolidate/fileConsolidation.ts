import type { Finding, Plan, RegionCode } from "../domain";
import { consolidate } from "./consolidate";
import type { Consolidation } from "./consolidation";
import type { ConsolidationInput } from "./consolidationInput";

/**
 * One workbook file read for consolidation: its name as given, the plan and findings of the
 * standard checks (parser + rules), when it was last saved (ISO timestamp: the workbook's own
 * `dcterms:modified`, else the file's time; null when unknown), and the cooperative it is bound
 * to by a sync, if any.
 */
export interface WorkbookFileEntry {
  file: string;
  plan: Plan;
  findings: Finding[];
  modifiedAt: string | null;
  binding?: { cooperativeId: string; version: number } | null;
  /** The rule pack the file was checked under (its «Reglas» cell), if known. */
  rulePack?: { year: number; version: number } | null;
}

/** A file that could not be read at all (exit 2), with the Spanish reason. */
export interface UnreadableFile {
  file: string;
  message: string;
}

/** Why two files were taken as the same cooperative. */
export type SameCooperativeReason = "rut" | "name-region" | "binding";

/** Two (or more) files of one cooperative: the one counted and the ones left out. */
export interface DuplicateFiles {
  cooperative: string;
  kept: string;
  dropped: string[];
  reason: SameCooperativeReason;
}

/** A file that was read but cannot be placed in a region (not a plan, or no valid Región). */
export interface SkippedFile {
  file: string;
  message: string;
}

/** What `consolidateFiles` returns: the consolidation and the account of every file given. */
export interface FileConsolidation {
  consolidation: Consolidation;
  /** The files counted, in the order of the consolidation's cooperative rows. */
  included: { file: string; cooperative: string; regionCode: RegionCode }[];
  duplicates: DuplicateFiles[];
  skipped: SkippedFile[];
  unreadable: UnreadableFile[];
}

/** Options: the consolidation's `generatedAt` (ISO timestamp) and `asOf` (ISO date). */
export interface ConsolidateFilesOptions {
  generatedAt?: string;
  asOf?: string;
}

/** A name compared without accents, case, punctuation or repeated spaces. */
function nameKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9ñ]+/g, " ")
    .trim();
}

/** Why `a` and `b` are the same cooperative, or null: same binding, same RUT, or same name and región. */
function sameCooperative(a: WorkbookFileEntry, b: WorkbookFileEntry): SameCooperativeReason | null {
  if (a.binding && b.binding && a.binding.cooperativeId === b.binding.cooperativeId) return "binding";
  const ca = a.plan.cooperative;
  const cb = b.plan.cooperative;
  if (ca.rut && cb.rut && ca.rut === cb.rut) return "rut";
  if (ca.name && cb.name && ca.regionCode === cb.regionCode && nameKey(ca.name) === nameKey(cb.name)) return "name-region";
  return null;
}

const SAME_REASON_TEXT: Record<SameCooperativeReason, string> = {
  binding: "vinculados a la misma cooperativa",
  rut: "mismo RUT",
  "name-region": "mismo nombre y región",
};

/** The Spanish words of a reason (for messages). */
export function sameCooperativeText(reason: SameCooperativeReason): string {
  return SAME_REASON_TEXT[reason];
}

/**
 * Consolidates workbooks received as files (no backend): the same `consolidate()` and so the same
 * figures and sheets as a region's consolidation, each plan with status «archivo». Files of one
 * region make a regional consolidation; files of several regions are grouped by región (a
 * «Por región» sheet) under a `files` scope. The same cooperative in two files (same binding, same
 * RUT, or same name and región) is counted once, keeping the newer file (`modifiedAt`; on a tie or
 * without times, the one given later), and reported in `duplicates`. A plan without a valid Región
 * cannot be placed and is reported in `skipped`; unreadable files are carried into `unreadable`.
 * Nothing is dropped silently. Pure; never throws.
 */
export function consolidateFiles(entries: WorkbookFileEntry[], unreadable: UnreadableFile[], options: ConsolidateFilesOptions = {}): FileConsolidation {
  const skipped: SkippedFile[] = [];
  const placed: (WorkbookFileEntry & { index: number })[] = [];
  entries.forEach((entry, index) => {
    if (!entry.plan.cooperative.regionCode) {
      skipped.push({
        file: entry.file,
        message: "no se puede consolidar: el libro no indica una región válida en la hoja Cooperativa (o no es un plan). Corrija la región y vuelva a consolidar.",
      });
    } else placed.push({ ...entry, index });
  });

  // Newest first (then the file given later), so the first of each cooperative is the one kept.
  const newestFirst = [...placed].sort((a, b) => (b.modifiedAt ?? "").localeCompare(a.modifiedAt ?? "") || b.index - a.index);
  const kept: (WorkbookFileEntry & { index: number })[] = [];
  const duplicates = new Map<string, DuplicateFiles>();
  for (const entry of newestFirst) {
    let reason: SameCooperativeReason | null = null;
    const match = kept.find((k) => (reason = sameCooperative(k, entry)) !== null);
    if (match && reason) {
      const dup = duplicates.get(match.file) ?? { cooperative: match.plan.cooperative.name ?? match.file, kept: match.file, dropped: [], reason };
      dup.dropped.push(entry.file);
      duplicates.set(match.file, dup);
    } else kept.push(entry);
  }
  kept.sort((a, b) => a.index - b.index);

  const inputs: ConsolidationInput[] = kept.map((entry) => ({
    cooperative: {
      id: entry.file,
      name: entry.plan.cooperative.name ?? `(sin nombre: ${entry.file})`,
      regionCode: entry.plan.cooperative.regionCode!,
      modality: entry.plan.cooperative.modality,
      status: "archivo",
      version: entry.binding?.version ?? 0,
      updatedAt: entry.modifiedAt,
      rulePack: entry.rulePack ?? null,
    },
    plan: entry.plan,
    findings: entry.findings,
  }));
  const regionCodes = [...new Set(inputs.map((i) => i.cooperative.regionCode))].sort();
  const consolidateOptions = { generatedAt: options.generatedAt, asOf: options.asOf };
  const consolidation: Consolidation =
    regionCodes.length === 1
      ? consolidate(inputs, { target: { regionCode: regionCodes[0] }, ...consolidateOptions })
      : { ...consolidate(inputs, { target: { national: true }, ...consolidateOptions }), scope: { kind: "files", regionCodes } };
  const byId = new Map(inputs.map((i) => [i.cooperative.id, i]));
  return {
    consolidation,
    included: consolidation.cooperatives.map((row) => ({ file: row.id, cooperative: row.name, regionCode: byId.get(row.id)!.cooperative.regionCode })),
    duplicates: [...duplicates.values()],
    skipped,
    unreadable,
  };
}
