import type { Finding } from "@coop-plans/shared/domain";
import { formatNumber } from "@coop-plans/shared/format";
import type { MarkResult } from "../host/WorkbookHost";
import { HostError } from "../host/WorkbookHost";
import { MARK_FILLS, NOTE_PREFIX, cellKey, isMarkFill, marksFor, type CellMark } from "../host/markStyle";
import { SYNC_BUDGET_BYTES, packBatches } from "../host/requestBudget";
import { CommentWriter, syncWritesInBatches, type CellWrite } from "./cellWrites";
import type { SettingsStore } from "./excelDeps";

/** The document setting that remembers every marked cell's own fill. */
export const MARKS_SETTING = "coopPlans.marks";

/** At most this many cells of one sheet get a note per marking; the others only a fill (the pane lists all). */
export const NOTES_PER_SHEET = 200;

/**
 * Estimated request + response bytes of probing one cell (its fill colour and pattern, its note):
 * each load is an action of ~100–150 bytes of JSON in Office's request, plus its answer.
 */
export const PROBE_BYTES_PER_CELL = 320;

/** Estimated request bytes of one cell's writes (fill colour, note add/update/delete), note text apart. */
export const WRITE_BYTES_PER_CELL = 200;

/** A marked cell as remembered in the document: its own fill (null = no fill) and our note. */
export interface MarkRecord {
  sheet: string;
  /** The worksheet's id, stable across renames (absent in records written before it was kept). */
  sheetId?: string;
  cell: string;
  /** The cell's own fill colour before it was marked; null when it had no fill. */
  fill: string | null;
  /** What the add-in added: a note (ExcelApi 1.18), a threaded comment (older hosts), or nothing. */
  note: "note" | "comment" | null;
  commentId?: string;
}

/** Reads the remembered marks from the document settings. */
export function storedMarks(settings: SettingsStore): MarkRecord[] {
  const raw = settings.get(MARKS_SETTING);
  return Array.isArray(raw) ? (raw as MarkRecord[]) : [];
}

interface CellProbe {
  sheet: string;
  cell: string;
  fill: Excel.RangeFill;
  note?: Excel.Note;
}

interface SheetInfo {
  name: string;
  id: string;
  protected: boolean;
}

/**
 * Replaces the add-in's marks by marks for `findings` (none: just clears). Values are never written.
 *
 * 1. One sync: the sheets' names, ids and protection. Remembered marks follow their sheet by id, so
 *    a sheet renamed after Validar is still cleared; marks of a deleted sheet are forgotten.
 *    Protected sheets are left alone (a write there makes Excel reject the whole request): their
 *    findings stay in the pane and a Spanish warning says so; their remembered marks are kept
 *    until the sheet is unprotected.
 * 2. Probes (current fill, pattern, note) of every cell to unmark or mark, in batches within the
 *    request budget (`PROBE_BYTES_PER_CELL` each): thousands of findings never exceed Excel on the
 *    web's 5 MB. Then the cells' own fills are saved in the document settings, BEFORE anything is
 *    overwritten (if a later batch fails, clearing still restores every fill).
 * 3. Writes in batches within the budget: restore unmarked cells (only where our colour is still
 *    there, so a fill the user applied since wins), set mark fills, add or update notes. Only the
 *    first `NOTES_PER_SHEET` marked cells of a sheet get a note; the rest a fill only (a warning
 *    says how many). A cell with the user's own note keeps it.
 *
 * Syncs: 1 + ⌈probes / budget⌉ + ⌈writes / budget⌉ (3 for a usual workbook).
 */
export async function reconcileMarks(
  context: Excel.RequestContext,
  settings: SettingsStore,
  supports: { notes: boolean; pattern: boolean },
  findings: Finding[],
  budget = SYNC_BUDGET_BYTES,
): Promise<MarkResult> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id,items/protection/protected");
  await context.sync(); // sync 1: the sheets
  const sheets: SheetInfo[] = worksheets.items.map((w) => ({ name: w.name, id: w.id, protected: w.protection.protected }));
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const byId = new Map(sheets.map((s) => [s.id, s]));

  const remembered = storedMarks(settings).flatMap((m): MarkRecord[] => {
    const sheet = (m.sheetId !== undefined ? byId.get(m.sheetId) : undefined) ?? (m.sheetId === undefined ? byName.get(m.sheet) : undefined);
    return sheet ? [{ ...m, sheet: sheet.name, sheetId: sheet.id }] : [];
  });
  const warnings: string[] = [];
  const locked = (sheet: string) => byName.get(sheet)?.protected === true;
  const allTargets = marksFor(findings).filter((m) => byName.has(m.sheet));
  const lockedSheets = [...new Set([...allTargets, ...remembered].map((m) => m.sheet).filter(locked))];
  for (const sheet of lockedSheets) {
    const count = allTargets.filter((t) => t.sheet === sheet).length;
    warnings.push(count > 0
      ? `La hoja «${sheet}» está protegida: ${count === 1
        ? "su celda con hallazgos no se marcó (está en la lista). Desproteja la hoja (Revisar > Desproteger hoja) y vuelva a validar para verla marcada."
        : `sus ${formatNumber(count)} celdas con hallazgos no se marcaron (están en la lista). Desproteja la hoja (Revisar > Desproteger hoja) y vuelva a validar para verlas marcadas.`}`
      : `La hoja «${sheet}» está protegida: sus marcas anteriores no se pudieron quitar. Desproteja la hoja (Revisar > Desproteger hoja) y vuelva a validar.`);
  }
  const targets = allTargets.filter((t) => !locked(t.sheet));
  const kept = remembered.filter((m) => locked(m.sheet));
  const stored = remembered.filter((m) => !locked(m.sheet));
  const storedByKey = new Map(stored.map((m) => [cellKey(m.sheet, m.cell), m]));
  const targetByKey = new Map(targets.map((m) => [cellKey(m.sheet, m.cell), m]));

  // Which marked cells get a note: the first NOTES_PER_SHEET of each sheet, in the findings' order.
  const noted = new Set<string>();
  const perSheet = new Map<string, number>();
  for (const t of targets) {
    const n = perSheet.get(t.sheet) ?? 0;
    if (n < NOTES_PER_SHEET) noted.add(cellKey(t.sheet, t.cell));
    perSheet.set(t.sheet, n + 1);
  }
  for (const [sheet, n] of perSheet) {
    if (n > NOTES_PER_SHEET) warnings.push(`En la hoja «${sheet}» hay ${formatNumber(n)} celdas con hallazgos: las primeras ${formatNumber(NOTES_PER_SHEET)} llevan nota y las demás solo el color. La lista del panel tiene todos los hallazgos.`);
  }

  const cells = new Map<string, { sheet: string; cell: string }>();
  for (const { sheet, cell } of [...stored, ...targets]) cells.set(cellKey(sheet, cell), { sheet, cell });
  const comments = !supports.notes && stored.some((m) => m.note === "comment") ? context.workbook.comments : undefined;
  const done = (result: Omit<MarkResult, "warnings">): MarkResult => (warnings.length > 0 ? { ...result, warnings } : result);
  if (cells.size === 0) {
    if (kept.length > 0) settings.set(MARKS_SETTING, kept);
    else settings.remove(MARKS_SETTING);
    await settings.save();
    return done({ cells: 0, notes: 0 });
  }

  // Syncs 2…: what the cells look like now, in batches within the budget.
  const probes = new Map<string, CellProbe>();
  const probeBatches = packBatches([...cells.entries()], () => PROBE_BYTES_PER_CELL, budget);
  for (const [i, batch] of probeBatches.entries()) {
    for (const [key, { sheet, cell }] of batch) {
      const ws = worksheets.getItem(sheet);
      const fill = ws.getRange(cell).format.fill;
      fill.load(supports.pattern ? "color,pattern" : "color");
      let note: Excel.Note | undefined;
      if (supports.notes) {
        note = ws.notes.getItemOrNullObject(cell);
        note.load("content");
      }
      probes.set(key, { sheet, cell, fill, note });
    }
    if (i === probeBatches.length - 1) comments?.load("items/id");
    await context.sync();
  }

  const liveComments = new Set(comments?.items.map((c) => c.id) ?? []);
  const ownFill = (p: CellProbe): string | null => {
    if (supports.pattern && (p.fill.pattern as string) === "None") return null;
    const c = p.fill.color;
    return !c || c.toUpperCase() === "#FFFFFF" && !supports.pattern ? null : c;
  };
  const sheetIdOf = (sheet: string) => byName.get(sheet)?.id;

  const records: MarkRecord[] = targets.map((t) => {
    const key = cellKey(t.sheet, t.cell);
    const before = storedByKey.get(key);
    return { sheet: t.sheet, sheetId: sheetIdOf(t.sheet), cell: t.cell, fill: before ? before.fill : ownFill(probes.get(key)!), note: null };
  });
  // Remember own fills BEFORE anything is overwritten: if a write batch fails, clear still restores.
  const unmarked = stored.filter((m) => !targetByKey.has(cellKey(m.sheet, m.cell)));
  settings.set(MARKS_SETTING, [...records, ...unmarked, ...kept]);
  await settings.save();

  // The writes, one closure per cell, then packed into batches by their estimated size.
  const writes: CellWrite[] = [];
  for (const m of unmarked) {
    const p = probes.get(cellKey(m.sheet, m.cell))!;
    writes.push({ bytes: WRITE_BYTES_PER_CELL, apply: () => {
      if (isMarkFill(p.fill.color)) {
        if (m.fill === null) p.fill.clear();
        else p.fill.color = m.fill;
      }
      if (p.note && !p.note.isNullObject && p.note.content.startsWith(NOTE_PREFIX)) p.note.delete();
      if (m.note === "comment" && m.commentId && liveComments.has(m.commentId)) context.workbook.comments.getItem(m.commentId).delete();
    } });
  }
  let notes = 0;
  const commentWriter = new CommentWriter<MarkRecord>(context, liveComments);
  records.forEach((record, i) => {
    const t: CellMark = targets[i];
    const key = cellKey(t.sheet, t.cell);
    const p = probes.get(key)!;
    const withNote = noted.has(key);
    const ownNote = p.note !== undefined && !p.note.isNullObject && !p.note.content.startsWith(NOTE_PREFIX);
    if (withNote && !ownNote) {
      record.note = supports.notes ? "note" : "comment";
      notes++;
    }
    writes.push({ bytes: WRITE_BYTES_PER_CELL + (withNote ? Math.ceil(t.note.length * 1.1) : 0), apply: () => {
      p.fill.color = MARK_FILLS[t.severity];
      if (supports.notes) {
        if (ownNote) return; // the user's own note stays as is
        const ours = p.note && !p.note.isNullObject;
        if (!withNote) {
          if (ours) p.note!.delete(); // past the cap: no stale note of ours
        } else if (ours) {
          p.note!.content = t.note;
        } else {
          worksheets.getItem(t.sheet).notes.add(t.cell, t.note);
        }
        return;
      }
      if (!withNote) return;
      commentWriter.put(record, t.sheet, t.cell, t.note, storedByKey.get(key)?.commentId);
    } });
  });

  let written = false;
  try {
    await syncWritesInBatches(context, writes, budget);
    written = true;
  } catch {
    throw new HostError("No se pudieron poner todas las marcas en las celdas (quizá una celda ya tiene un comentario o una hoja se protegió). Los hallazgos siguen en la lista del panel.");
  } finally {
    commentWriter.settle((record) => {
      record.note = null;
    });
    settings.set(MARKS_SETTING, [...records, ...(written ? [] : unmarked), ...kept]);
    await settings.save();
  }
  return done({ cells: records.length, notes });
}
