import type { ObservationNote } from "../host/observationNotes";
import { isObservationNote } from "../host/observationNotes";
import type { ObservationNotesResult } from "../host/WorkbookHost";
import { HostError } from "../host/WorkbookHost";
import { NOTE_PREFIX, cellKey } from "../host/markStyle";
import { SYNC_BUDGET_BYTES, packBatches } from "../host/requestBudget";
import { CommentWriter, syncWritesInBatches, type CellWrite } from "./cellWrites";
import type { SettingsStore } from "./excelDeps";
import { PROBE_BYTES_PER_CELL, WRITE_BYTES_PER_CELL } from "./markCells";

/** The document setting that remembers the cells holding the add-in's observation notes (apart from the validation marks'). */
export const OBSERVATION_NOTES_SETTING = "coopPlans.observationNotes";

/** A cell holding an observation note, as remembered in the document. */
export interface ObservationNoteRecord {
  sheet: string;
  /** The worksheet's id, stable across renames. */
  sheetId: string;
  cell: string;
  /** A note (ExcelApi 1.18) or, on older hosts, a threaded comment (its id). */
  note: "note" | "comment";
  commentId?: string;
}

/** Reads the remembered observation notes from the document settings. */
export function storedObservationNotes(settings: SettingsStore): ObservationNoteRecord[] {
  const raw = settings.get(OBSERVATION_NOTES_SETTING);
  return Array.isArray(raw) ? (raw as ObservationNoteRecord[]) : [];
}

/**
 * Replaces the add-in's observation notes by `notes` (none: removes them). They are kept apart
 * from the validation marks (own setting, own title «Observación del AOS»): «Quitar marcas» and
 * Validar leave them, and placing again replaces ours instead of adding duplicates. A cell with a
 * validation note gets the observation instead (its fill stays; the finding is in the pane's list);
 * a cell with the user's own note keeps it (a warning names the cell). Protected sheets are left
 * alone with a warning. The text goes in as a note's content, never as a value: it stays text.
 *
 * Syncs: 1 (sheets) + ⌈probes / budget⌉ + ⌈writes / budget⌉ — 3 for a usual plan.
 */
export async function placeObservationNotes(
  context: Excel.RequestContext,
  settings: SettingsStore,
  supports: { notes: boolean },
  notes: readonly ObservationNote[],
  budget = SYNC_BUDGET_BYTES,
): Promise<ObservationNotesResult> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/id,items/protection/protected");
  await context.sync(); // sync 1: the sheets
  const byName = new Map(worksheets.items.map((w) => [w.name, { id: w.id, protected: w.protection.protected }]));
  const nameById = new Map(worksheets.items.map((w) => [w.id, w.name]));
  const warnings: string[] = [];
  const locked = (sheet: string) => byName.get(sheet)?.protected === true;

  // Remembered notes follow their sheet by id; those of a deleted sheet are forgotten.
  const remembered = storedObservationNotes(settings).flatMap((r) => {
    const name = nameById.get(r.sheetId);
    return name ? [{ ...r, sheet: name }] : [];
  });
  const targets = notes.filter((n) => byName.has(n.sheet));
  for (const sheet of new Set(targets.map((t) => t.sheet).filter(locked))) {
    warnings.push(`La hoja «${sheet}» está protegida: sus observaciones no se pusieron en las celdas (están en el panel). Desproteja la hoja (Revisar > Desproteger hoja) y vuelva a pulsar «Poner observaciones en las celdas».`);
  }
  const kept = remembered.filter((r) => locked(r.sheet));
  const stored = remembered.filter((r) => !locked(r.sheet));
  const writable = targets.filter((t) => !locked(t.sheet));
  const targetKeys = new Set(writable.map((t) => cellKey(t.sheet, t.cell)));
  const storedByKey = new Map(stored.map((r) => [cellKey(r.sheet, r.cell), r]));

  // Syncs 2…: the notes now on every cell to clear or write (notes), or which of our comments still exist.
  const probes = new Map<string, Excel.Note>();
  const comments = supports.notes ? undefined : context.workbook.comments;
  if (supports.notes) {
    const cells = new Map<string, { sheet: string; cell: string }>();
    for (const { sheet, cell } of [...stored, ...writable]) cells.set(cellKey(sheet, cell), { sheet, cell });
    for (const batch of packBatches([...cells.entries()], () => PROBE_BYTES_PER_CELL, budget)) {
      for (const [key, { sheet, cell }] of batch) {
        const note = worksheets.getItem(sheet).notes.getItemOrNullObject(cell);
        note.load("content");
        probes.set(key, note);
      }
      await context.sync();
    }
  } else if (stored.length > 0) {
    comments!.load("items/id");
    await context.sync();
  }
  const liveComments = new Set(comments && stored.length > 0 ? comments.items.map((c) => c.id) : []);

  const writes: CellWrite[] = [];
  for (const r of stored) {
    if (targetKeys.has(cellKey(r.sheet, r.cell))) continue;
    writes.push({ bytes: WRITE_BYTES_PER_CELL, apply: () => {
      const note = probes.get(cellKey(r.sheet, r.cell));
      if (note && !note.isNullObject && isObservationNote(note.content)) note.delete();
      if (r.note === "comment" && r.commentId && liveComments.has(r.commentId)) context.workbook.comments.getItem(r.commentId).delete();
    } });
  }
  const records: ObservationNoteRecord[] = [];
  const commentWriter = new CommentWriter<ObservationNoteRecord>(context, liveComments);
  for (const t of writable) {
    const key = cellKey(t.sheet, t.cell);
    const sheetId = byName.get(t.sheet)!.id;
    if (supports.notes) {
      const note = probes.get(key)!;
      const exists = !note.isNullObject;
      if (exists && !isObservationNote(note.content) && !note.content.startsWith(NOTE_PREFIX)) {
        warnings.push(`La celda ${t.cell} de la hoja «${t.sheet}» ya tiene una nota suya: la observación no se puso ahí (está en el panel).`);
        continue;
      }
      records.push({ sheet: t.sheet, sheetId, cell: t.cell, note: "note" });
      writes.push({ bytes: WRITE_BYTES_PER_CELL + Math.ceil(t.text.length * 1.1), apply: () => {
        if (exists) note.content = t.text;
        else worksheets.getItem(t.sheet).notes.add(t.cell, t.text);
      } });
      continue;
    }
    const record: ObservationNoteRecord = { sheet: t.sheet, sheetId, cell: t.cell, note: "comment" };
    records.push(record);
    const before = storedByKey.get(key);
    writes.push({ bytes: WRITE_BYTES_PER_CELL + Math.ceil(t.text.length * 1.1), apply: () => commentWriter.put(record, t.sheet, t.cell, t.text, before?.commentId) });
  }

  let written = false;
  try {
    await syncWritesInBatches(context, writes, budget);
    written = true;
  } catch {
    throw new HostError("No se pudieron poner todas las observaciones en las celdas (quizá una celda ya tiene un comentario o una hoja se protegió). Las observaciones siguen en el panel.");
  } finally {
    commentWriter.settle(); // a comment not added leaves no id: nothing to remember
    // After a failure, remember the old cells too, so the next placing still clears them.
    const remember = [...records.filter((r) => r.note === "note" || r.commentId), ...(written ? [] : stored.filter((r) => !targetKeys.has(cellKey(r.sheet, r.cell)))), ...kept];
    if (remember.length > 0) settings.set(OBSERVATION_NOTES_SETTING, remember);
    else settings.remove(OBSERVATION_NOTES_SETTING);
    await settings.save();
  }
  return warnings.length > 0 ? { placed: records.length, warnings } : { placed: records.length };
}
