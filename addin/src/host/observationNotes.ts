import { OBSERVED_PLAN_NAMES, OBSERVED_PLAN_SHEETS, observationLine, observedFieldLabel, type Observation } from "@coop-plans/shared/api";
import type { Plan } from "@coop-plans/shared/domain";
import { COOPERATIVE_SHEET } from "@coop-plans/shared/workbook";
import { cellKey } from "./markStyle";

/** First line of every note the add-in writes for the AOS's observations (never a validation mark: «Quitar marcas» leaves it). */
export const OBSERVATION_NOTE_TITLE = "Observación del AOS";

/** A note to put on a cell: the sheet, the A1 cell and the whole note text (title first). */
export interface ObservationNote {
  sheet: string;
  cell: string;
  text: string;
}

/** Where one observation goes in the workbook as it is today: a cell, or why it has none (Spanish). */
export type ObservationPlacement =
  | { observation: Observation; sheet: string; cell: string }
  | { observation: Observation; reason: string };

/**
 * Where each observation of an AOS decision points in the workbook as it is today (`plan`: the
 * plan just read from it; null when the workbook is not a plan). A line observation goes to the N°
 * cell of the one row whose N° matches (never a guess: no row, or several rows with that N°, is a
 * reason); a field observation to the field's value cell in the Cooperativa sheet; a general one
 * stays in the panel. Pure.
 */
export function placeObservations(observations: readonly Observation[], plan: Plan | null): ObservationPlacement[] {
  return observations.map((observation): ObservationPlacement => {
    const { target } = observation;
    if (target.kind === "general") return { observation, reason: "General: se lee en el panel." };
    if (!plan) return { observation, reason: "El libro no se pudo leer como un plan: la observación no se puso en una celda." };
    if (target.kind === "line") {
      const lines: readonly { number: number | null; source?: { sheet: string; cells: Record<string, string> } }[] =
        target.plan === "action" ? plan.actions : plan.investmentLines;
      const rows = lines.filter((l) => l.number === target.lineNumber);
      const where = `la hoja «${OBSERVED_PLAN_SHEETS[target.plan]}»`;
      if (rows.length === 0) return { observation, reason: `El N° ${target.lineNumber} ya no está en ${where} del libro: la observación no se puso en una celda.` };
      if (rows.length > 1) return { observation, reason: `Hay ${rows.length} filas con N° ${target.lineNumber} en ${where}: corrija el N° repetido; la observación no se puso en una celda.` };
      const source = rows[0].source;
      const cell = source?.cells.number;
      if (!source || !cell) return { observation, reason: `No se sabe en qué celda está la línea N° ${target.lineNumber} del ${OBSERVED_PLAN_NAMES[target.plan]}: la observación no se puso en una celda.` };
      return { observation, sheet: source.sheet, cell };
    }
    const source = plan.cooperative.source;
    const cell = source?.cells[target.field];
    if (!source || !cell) {
      return { observation, reason: `La hoja ${COOPERATIVE_SHEET.name} del libro no tiene la fila «${observedFieldLabel(target.field)}»: la observación no se puso en una celda.` };
    }
    return { observation, sheet: source.sheet, cell };
  });
}

/**
 * The notes for the placed observations: one per cell, titled «Observación del AOS», one line per
 * observation there («Línea 3 del Plan de inversiones: texto»). The text is a note's content, never
 * a cell value, and starts with the title, so a text like `=HYPERLINK(…)` stays text.
 */
export function observationNotes(placements: readonly ObservationPlacement[]): ObservationNote[] {
  const byCell = new Map<string, ObservationNote>();
  for (const p of placements) {
    if (!("cell" in p)) continue;
    const key = cellKey(p.sheet, p.cell);
    const note = byCell.get(key) ?? { sheet: p.sheet, cell: p.cell, text: OBSERVATION_NOTE_TITLE };
    note.text += `\n${observationLine(p.observation)}`;
    byCell.set(key, note);
  }
  return [...byCell.values()];
}

/** True when a note's content is one the add-in wrote for an observation. */
export function isObservationNote(content: string | null | undefined): boolean {
  return typeof content === "string" && content.startsWith(`${OBSERVATION_NOTE_TITLE}\n`);
}

