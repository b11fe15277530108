import type { Finding } from "@coop-plans/shared/domain";
import type { CellValue, TemplateWorkbook, WorkbookGrids } from "@coop-plans/shared/workbook";
import type { ObservationNote } from "./observationNotes";

/** A sheet the host could not read, with the Spanish reason shown to the user. */
export interface SkippedSheet {
  sheet: string;
  reason: string;
}

/** What `readGrids` returns: the grids of the template sheets and the sheets left out (too big). */
export interface ReadResult {
  grids: WorkbookGrids;
  skipped: SkippedSheet[];
}

/** What `markFindings` did: how many cells got a fill and how many got a note (or comment). */
export interface MarkResult {
  cells: number;
  notes: number;
  /** Spanish lines for the pane when not everything could be marked (protected sheet, notes capped). */
  warnings?: string[];
}

/** What `placeObservationNotes` did: how many cells got an «Observación del AOS» note, and why some did not. */
export interface ObservationNotesResult {
  placed: number;
  /** Spanish lines for the pane (a protected sheet, a cell with the user's own note). */
  warnings?: string[];
}

/** A block of a sheet the add-in writes: a bold title row, a header row and data rows. */
export interface SheetBlock {
  title: string;
  header: string[];
  rows: CellValue[][];
  /** 0-based columns holding CLP amounts (formatted `"$"#,##0`). */
  moneyColumns?: number[];
  /** 0-based columns holding fractions shown as percentages (`0%`). */
  percentColumns?: number[];
  /** Single cells formatted as CLP or percentage (0-based row within `rows` and column), for label/value blocks. */
  cellFormats?: { row: number; column: number; kind: "clp" | "percent" }[];
}

/** The consolidated report the AOS writes into the `Consolidado` sheet, with one native chart. */
export interface ConsolidatedSheet {
  /** First row of the sheet, e.g. "Consolidado Región 14 Los Ríos — 2025-11-30". */
  title: string;
  blocks: SheetBlock[];
  /** Chart over one block: categories from its first column, series from `seriesColumns`. */
  chart?: { block: number; seriesColumns: number[]; title: string };
}

/**
 * The progress report the gestor writes into the `Informe de avance` sheet: the same layout as the
 * consolidated sheet (title, blocks), with one native chart of planned vs executed investment by ítem.
 */
export type ProgressReportData = ConsolidatedSheet;

/** The add-in's own state saved in the document (Office settings; memory in the preview). */
export interface DocumentState {
  cooperativeId?: string;
  baseVersion?: number;
  savedAt?: string;
}

/**
 * Everything the task pane asks of the workbook. `addin/src/excel` implements it over Office.js
 * (the only code touching Excel.*); `addin/src/preview` implements it over an in-memory workbook.
 * Every method batches its Excel work into a fixed number of `context.sync` calls that does not
 * grow with the rows of the workbook.
 */
export interface WorkbookHost {
  /** "excel" inside Office, "preview" in a plain browser. */
  readonly kind: "excel" | "preview";
  /** Reads every template sheet's used range (values, types, number formats, merges) and the date system. */
  readGrids(): Promise<ReadResult>;
  /** Replaces the previous marks by fills + notes on the findings' cells; remembers each cell's own fill. */
  markFindings(findings: Finding[]): Promise<MarkResult>;
  /** Removes the add-in's fills and notes, restoring each cell's own fill; values are never touched. */
  clearMarks(): Promise<void>;
  /**
   * Replaces the add-in's «Observación del AOS» notes by `notes` (one per cell; none: removes
   * them). Kept apart from the validation marks: `clearMarks` and `markFindings` leave them; placing
   * again replaces them, never duplicates. The text is a note's content, never a cell value.
   */
  placeObservationNotes(notes: readonly ObservationNote[]): Promise<ObservationNotesResult>;
  /** Activates the sheet and selects the cell (A1 form). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Writes a fresh standard workbook into an empty workbook; throws `HostError` when it is not empty. */
  insertTemplate(template: TemplateWorkbook): Promise<void>;
  /** Writes a plan (rendered as a template) stacked into ONE new sheet; returns the new sheet's name. */
  writePlanCopy(template: TemplateWorkbook, sheetName: string): Promise<string>;
  /** Writes the `Consolidado` sheet (a new one if the name is taken) and its chart; returns its name. */
  writeConsolidated(data: ConsolidatedSheet): Promise<string>;
  /** Writes the `Informe de avance` sheet (a new one if the name is taken) and its chart; returns its name. */
  writeProgressReport(data: ProgressReportData): Promise<string>;
  /** Reads the add-in's state saved with the document. */
  loadState(): Promise<DocumentState>;
  /** Saves the add-in's state with the document. */
  saveState(state: DocumentState): Promise<void>;
  /**
   * Optional: calls `listener` when the workbook (or its binding) may have changed, e.g. the preview
   * loaded another file; returns the unsubscribe function. Hosts without it are read once on open.
   */
  subscribe?(listener: () => void): () => void;
}

/** An error a host throws with a Spanish message meant for the user. */
export class HostError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HostError";
  }
}
