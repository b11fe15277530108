import type { Finding } from "@coop-plans/shared/domain";
import type { MarkResult } from "../host/WorkbookHost";
import { HostError } from "../host/WorkbookHost";
import { MARK_FILLS, NOTE_PREFIX, cellKey, isMarkFill, marksFor } from "../host/markStyle";
import type { SettingsStore } from "./excelDeps";

/** The document setting that remembers every marked cell's own fill. */
export const MARKS_SETTING = "coopPlans.marks";

/** A marked cell as remembered in the document: its own fill (null = no fill) and our note. */
export interface MarkRecord {
  sheet: string;
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

/**
 * Replaces the add-in's marks by marks for `findings` (none: just clears), in two syncs whatever
 * the rows or the number of findings: (1) load the current fill (and pattern) and note of every
 * cell to unmark or mark; then the cells' own fills are saved in the document settings; (2)
 * restore unmarked cells (only where our colour is still there, so a fill the user applied since
 * wins), set mark fills, add or update notes. A cell with the user's own note keeps it (the
 * finding stays in the pane). Values are never written.
 *
 * Why two syncs and not one: a fill must be read before it is overwritten, and a note added where
 * the user already has one makes Excel reject the whole batch.
 * Cells on sheets not in `sheetNames` (deleted or renamed since) are forgotten.
 */
export async function reconcileMarks(
  context: Excel.RequestContext,
  settings: SettingsStore,
  supports: { notes: boolean; pattern: boolean },
  sheetNames: string[],
  findings: Finding[],
): Promise<MarkResult> {
  const existing = new Set(sheetNames);
  const stored = storedMarks(settings).filter((m) => existing.has(m.sheet));
  const targets = marksFor(findings).filter((m) => existing.has(m.sheet));
  const storedByKey = new Map(stored.map((m) => [cellKey(m.sheet, m.cell), m]));
  const targetByKey = new Map(targets.map((m) => [cellKey(m.sheet, m.cell), m]));

  const probes = new Map<string, CellProbe>();
  for (const { sheet, cell } of [...stored, ...targets]) {
    const key = cellKey(sheet, cell);
    if (probes.has(key)) continue;
    const ws = context.workbook.worksheets.getItem(sheet);
    const fill = ws.getRange(cell).format.fill;
    fill.load(supports.pattern ? "color,pattern" : "color");
    let note: Excel.Note | undefined;
    if (supports.notes) {
      note = ws.notes.getItemOrNullObject(cell);
      note.load("content");
    }
    probes.set(key, { sheet, cell, fill, note });
  }
  const comments = !supports.notes && stored.some((m) => m.note === "comment") ? context.workbook.comments : undefined;
  comments?.load("items/id");
  if (probes.size === 0) {
    settings.remove(MARKS_SETTING);
    await settings.save();
    return { cells: 0, notes: 0 };
  }
  await context.sync(); // sync 1: what the cells look like now

  const liveComments = new Set(comments?.items.map((c) => c.id) ?? []);
  const ownFill = (p: CellProbe): string | null => {
    if (supports.pattern && (p.fill.pattern as string) === "None") return null;
    const c = p.fill.color;
    return !c || c.toUpperCase() === "#FFFFFF" && !supports.pattern ? null : c;
  };

  const records: MarkRecord[] = targets.map((t) => {
    const key = cellKey(t.sheet, t.cell);
    const before = storedByKey.get(key);
    const probe = probes.get(key)!;
    return { sheet: t.sheet, cell: t.cell, fill: before ? before.fill : ownFill(probe), note: null };
  });
  // Remember own fills BEFORE anything is overwritten: if sync 2 fails half-way, clear still restores.
  settings.set(MARKS_SETTING, [...records, ...stored.filter((m) => !targetByKey.has(cellKey(m.sheet, m.cell)))]);
  await settings.save();

  // Unmark cells no longer in the findings.
  for (const m of stored) {
    const key = cellKey(m.sheet, m.cell);
    if (targetByKey.has(key)) continue;
    const p = probes.get(key)!;
    if (isMarkFill(p.fill.color)) {
      if (m.fill === null) p.fill.clear();
      else p.fill.color = m.fill;
    }
    if (p.note && !p.note.isNullObject && p.note.content.startsWith(NOTE_PREFIX)) p.note.delete();
    if (m.note === "comment" && m.commentId && liveComments.has(m.commentId)) context.workbook.comments.getItem(m.commentId).delete();
  }
  // Mark the findings' cells: fills first, then notes.
  for (const t of targets) probes.get(cellKey(t.sheet, t.cell))!.fill.color = MARK_FILLS[t.severity];
  let notes = 0;
  const added: { record: MarkRecord; comment: Excel.Comment }[] = [];
  records.forEach((record, i) => {
    const t = targets[i];
    const key = cellKey(t.sheet, t.cell);
    const p = probes.get(key)!;
    if (supports.notes) {
      if (p.note && !p.note.isNullObject) {
        if (!p.note.content.startsWith(NOTE_PREFIX)) return; // the user's own note stays as is
        p.note.content = t.note;
      } else {
        context.workbook.worksheets.getItem(t.sheet).notes.add(t.cell, t.note);
      }
      record.note = "note";
      notes++;
    } else {
      const before = storedByKey.get(key);
      if (before?.commentId && liveComments.has(before.commentId)) {
        context.workbook.comments.getItem(before.commentId).content = t.note;
        record.note = "comment";
        record.commentId = before.commentId;
      } else {
        const comment = context.workbook.comments.add(`'${t.sheet.replace(/'/g, "''")}'!${t.cell}`, t.note);
        comment.load("id");
        added.push({ record, comment });
        record.note = "comment";
      }
      notes++;
    }
  });
  let written = false;
  try {
    await context.sync(); // sync 2: the writes
    written = true;
  } catch {
    throw new HostError("No se pudieron poner todas las marcas en las celdas (quizá una celda ya tiene un comentario). Los hallazgos siguen en la lista del panel.");
  } finally {
    for (const { record, comment } of added) {
      try { record.commentId = comment.id; } catch { record.note = null; }
    }
    const pending = written ? [] : stored.filter((m) => !targetByKey.has(cellKey(m.sheet, m.cell)));
    settings.set(MARKS_SETTING, [...records, ...pending]);
    await settings.save();
  }
  return { cells: records.length, notes };
}
