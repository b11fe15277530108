import type { Finding } from "@coop-plans/shared/domain";
import type { SheetGrid, TemplateWorkbook, WorkbookGrids } from "@coop-plans/shared/workbook";
import type { ConsolidatedSheet, DocumentState, MarkResult, ObservationNotesResult, ProgressReportData, ReadResult, WorkbookHost } from "../host/WorkbookHost";
import type { ObservationNote } from "../host/observationNotes";
import { HostError } from "../host/WorkbookHost";
import { cellKey, marksFor, type CellMark } from "../host/markStyle";
import { blocksSheetWrite, stackedTemplateWrite, templateSheetWrite, uniqueSheetName, type SheetWrite } from "../host/sheetLayout";
import { isTemplateSheet } from "../host/templateSheets";
import { numberFormatMatrix } from "./cellText";

/** What the preview grid renders: the sheets, the marks by `Sheet!A1`, the selected cell. */
export interface PreviewSnapshot {
  sheets: SheetGrid[];
  marks: Map<string, CellMark>;
  /** The «Observación del AOS» notes by `Sheet!A1`, apart from the marks (as in Excel: «Quitar marcas» leaves them). */
  observationNotes: Map<string, ObservationNote>;
  selected: { sheet: string; cell: string } | null;
  /** Chart titles by sheet (the preview lists them; Excel draws them). */
  charts: Map<string, string>;
  version: number;
}

/** A sheet write as a grid the preview can render, with its number formats cell by cell (as Excel keeps them). */
function gridOf(write: SheetWrite): SheetGrid {
  return { name: write.name, origin: "A1", values: write.values, numberFormats: numberFormatMatrix(write.values, write.numberFormats) };
}

/**
 * `WorkbookHost` over an in-memory workbook (grids read from an .xlsx with shared/xlsx), for
 * browsers without Excel: marks live in a map the HTML grid renders, never in the values.
 */
export class PreviewWorkbookHost implements WorkbookHost {
  readonly kind = "preview" as const;
  private workbook: WorkbookGrids = { sheets: [] };
  private marks = new Map<string, CellMark>();
  private observationNotes = new Map<string, ObservationNote>();
  private selected: { sheet: string; cell: string } | null = null;
  private charts = new Map<string, string>();
  private state: DocumentState = {};
  private listeners = new Set<() => void>();
  private version = 0;

  /**
   * Replaces the workbook (a dropped file) and its binding (`state`: what the file's custom
   * properties say it was synced from; empty when unbound); marks and selection are cleared.
   */
  load(grids: WorkbookGrids, state: DocumentState = {}): void {
    this.workbook = grids;
    this.state = { ...state };
    this.marks.clear();
    this.observationNotes.clear();
    this.charts.clear();
    this.selected = null;
    this.changed();
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The current state for rendering (a new object on every change). */
  snapshot(): PreviewSnapshot {
    return { sheets: this.workbook.sheets, marks: this.marks, observationNotes: this.observationNotes, selected: this.selected, charts: this.charts, version: this.version };
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  async readGrids(): Promise<ReadResult> {
    if (this.workbook.sheets.length === 0) throw new HostError("Primero cargue un libro .xlsx: arrástrelo a la página o use «Elegir archivo».");
    return { grids: { ...this.workbook, sheets: this.workbook.sheets.filter((s) => isTemplateSheet(s.name)) }, skipped: [] };
  }

  async markFindings(findings: Finding[]): Promise<MarkResult> {
    const names = new Set(this.workbook.sheets.map((s) => s.name));
    this.marks = new Map(marksFor(findings).filter((m) => names.has(m.sheet)).map((m) => [cellKey(m.sheet, m.cell), m]));
    this.changed();
    return { cells: this.marks.size, notes: this.marks.size };
  }

  async clearMarks(): Promise<void> {
    this.marks = new Map();
    this.changed();
  }

  async placeObservationNotes(notes: readonly ObservationNote[]): Promise<ObservationNotesResult> {
    const names = new Set(this.workbook.sheets.map((s) => s.name));
    this.observationNotes = new Map(notes.filter((n) => names.has(n.sheet)).map((n) => [cellKey(n.sheet, n.cell), { ...n }]));
    this.changed();
    return { placed: this.observationNotes.size };
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selected = { sheet, cell };
    this.changed();
  }

  async insertTemplate(template: TemplateWorkbook): Promise<void> {
    if (this.workbook.sheets.some((s) => s.values.some((r) => r.some((v) => v !== null)))) {
      throw new HostError("El libro no está vacío. Para no tocar sus datos, la plantilla se inserta solo en un libro en blanco.");
    }
    this.workbook = { sheets: template.sheets.map((s) => gridOf(templateSheetWrite(s))) };
    this.changed();
  }

  async writePlanCopy(template: TemplateWorkbook, sheetName: string): Promise<string> {
    const name = uniqueSheetName(sheetName, this.workbook.sheets.map((s) => s.name));
    this.workbook = { ...this.workbook, sheets: [...this.workbook.sheets, gridOf(stackedTemplateWrite(name, sheetName, template))] };
    this.changed();
    return name;
  }

  async writeConsolidated(data: ConsolidatedSheet): Promise<string> {
    return this.addBlocksSheet("Consolidado", data);
  }

  async writeProgressReport(data: ProgressReportData): Promise<string> {
    return this.addBlocksSheet("Informe de avance", data);
  }

  /** Adds a sheet named `base` (or `base (2)`…) laid out from blocks, noting its chart's title. */
  private addBlocksSheet(base: string, data: ConsolidatedSheet): string {
    const name = uniqueSheetName(base, this.workbook.sheets.map((s) => s.name));
    const write = blocksSheetWrite(name, data.title, data.blocks, data.chart);
    this.workbook = { ...this.workbook, sheets: [...this.workbook.sheets, gridOf(write)] };
    if (write.chart) this.charts.set(name, write.chart.title);
    this.changed();
    return name;
  }

  async loadState(): Promise<DocumentState> {
    return { ...this.state };
  }

  async saveState(state: DocumentState): Promise<void> {
    this.state = { ...state };
  }
}
