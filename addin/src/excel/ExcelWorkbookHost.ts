import type { Finding } from "@coop-plans/shared/domain";
import type { TemplateWorkbook } from "@coop-plans/shared/workbook";
import type { ConsolidatedSheet, DocumentState, MarkResult, ObservationNotesResult, ProgressReportData, ReadResult, WorkbookHost } from "../host/WorkbookHost";
import type { ObservationNote } from "../host/observationNotes";
import { placeObservationNotes } from "./placeObservationNotes";
import { HostError } from "../host/WorkbookHost";
import { blocksSheetWrite, stackedTemplateWrite, templateSheetWrite, uniqueSheetName } from "../host/sheetLayout";
import type { ExcelDeps } from "./excelDeps";
import { reconcileMarks } from "./markCells";
import { toHostError } from "./officeErrors";
import { readGridsFromExcel } from "./readGrids";
import { writeSheets } from "./writeSheets";
import { LEGACY_STATE_SETTING, loadBinding, saveBinding } from "./workbookBinding";

/** The document setting holding the add-in's state where custom document properties are missing (before ExcelApi 1.7). */
export const STATE_SETTING = LEGACY_STATE_SETTING;

/**
 * `WorkbookHost` over Office.js. Each method is one `Excel.run` with a fixed number of syncs:
 * read 3 (plus one per extra 4 MB of data), mark/clear 3 (plus one per extra 4 MB of probes or
 * writes), select 1 (2 when it fails, to say why), insert/write 2 + one per 4 MB written.
 * Whatever Office.js throws reaches the pane as a HostError with a Spanish message (officeErrors.ts).
 */
export class ExcelWorkbookHost implements WorkbookHost {
  readonly kind = "excel" as const;
  private sheetNames: string[] | undefined;

  constructor(private readonly deps: ExcelDeps) {}

  private get supports() {
    return { notes: this.deps.isSetSupported("ExcelApi", "1.18"), pattern: this.deps.isSetSupported("ExcelApi", "1.9") };
  }

  /** Loads the sheet names (one sync) unless a read in this session already knows them. */
  private async names(context: Excel.RequestContext, fresh = false): Promise<string[]> {
    if (this.sheetNames && !fresh) return this.sheetNames;
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    this.sheetNames = sheets.items.map((s) => s.name);
    return this.sheetNames;
  }

  /** `Excel.run`, with any Office error turned into a Spanish HostError about `what`. */
  private async run<T>(what: string, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.deps.run(batch);
    } catch (error) {
      throw toHostError(error, what);
    }
  }

  async readGrids(): Promise<ReadResult> {
    return this.run("leer el libro", async (context) => {
      const { sheetNames, ...result } = await readGridsFromExcel(context, this.deps.isSetSupported("ExcelApi", "1.13"));
      this.sheetNames = sheetNames;
      return result;
    });
  }

  async markFindings(findings: Finding[]): Promise<MarkResult> {
    return this.run("marcar las celdas", async (context) => reconcileMarks(context, this.deps.settings, this.supports, findings));
  }

  async clearMarks(): Promise<void> {
    await this.run("quitar las marcas", async (context) => reconcileMarks(context, this.deps.settings, this.supports, []));
  }

  /** Notes (ExcelApi 1.18; threaded comments before), like the validation marks but apart from them: 3 syncs for a usual plan. */
  async placeObservationNotes(notes: readonly ObservationNote[]): Promise<ObservationNotesResult> {
    return this.run("poner las observaciones en las celdas", async (context) => placeObservationNotes(context, this.deps.settings, this.supports, notes));
  }

  /**
   * Activates the sheet and selects the cell in one sync; when Excel refuses, a second sync finds
   * out why: the sheet is gone (renamed or deleted since Validar) or hidden → HostError in Spanish.
   */
  async selectCell(sheet: string, cell: string): Promise<void> {
    await this.run(`ir a la celda ${cell} de la hoja «${sheet}»`, async (context) => {
      try {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
        return;
      } catch (error) {
        const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
        ws.load("visibility");
        await context.sync();
        if (ws.isNullObject) throw new HostError(`La hoja «${sheet}» ya no está en el libro (¿se renombró o se eliminó después de validar?). Pulse «Validar» de nuevo para ubicar los hallazgos.`);
        if (ws.visibility !== "Visible") throw new HostError(`La hoja «${sheet}» está oculta: muéstrela (clic derecho en una pestaña > Mostrar…) para ir a la celda ${cell}.`);
        throw error;
      }
    });
  }

  async insertTemplate(template: TemplateWorkbook): Promise<void> {
    await this.run("insertar la plantilla", async (context) => {
      const names = await this.names(context, true);
      const used = names.map((n) => {
        const r = context.workbook.worksheets.getItem(n).getUsedRangeOrNullObject(true);
        r.load("address");
        return r;
      });
      await context.sync();
      if (used.some((r) => !r.isNullObject)) {
        throw new HostError("El libro no está vacío. Para no tocar sus datos, la plantilla se inserta solo en un libro en blanco: cree uno nuevo (Archivo > Nuevo > Libro en blanco) y vuelva a pulsar «Insertar plantilla».");
      }
      const templateNames = new Set(template.sheets.map((s) => s.name.toLowerCase()));
      const clash = names.filter((n) => templateNames.has(n.toLowerCase()));
      // Empty sheets with a template name are deleted first, the blank default sheets after ours exist.
      if (clash.length > 0) {
        context.workbook.worksheets.add("_coop_tmp");
        clash.forEach((n) => context.workbook.worksheets.getItem(n).delete());
      }
      const rest = names.filter((n) => !templateNames.has(n.toLowerCase()));
      await writeSheets(context, template.sheets.map(templateSheetWrite), clash.length > 0 ? [...rest, "_coop_tmp"] : rest);
      this.sheetNames = template.sheets.map((s) => s.name);
    });
  }

  async writePlanCopy(template: TemplateWorkbook, sheetName: string): Promise<string> {
    return this.run(`escribir la hoja «${sheetName}»`, async (context) => {
      const name = uniqueSheetName(sheetName, await this.names(context, true));
      await writeSheets(context, [stackedTemplateWrite(name, sheetName, template)]);
      this.sheetNames = [...(this.sheetNames ?? []), name];
      return name;
    });
  }

  async writeConsolidated(data: ConsolidatedSheet): Promise<string> {
    return this.writeBlocksSheet("Consolidado", data);
  }

  async writeProgressReport(data: ProgressReportData): Promise<string> {
    return this.writeBlocksSheet("Informe de avance", data);
  }

  /** A new sheet named `base` (or `base (2)`…) with the blocks and their chart: 1 sync for the names, then the writes in chunks. */
  private async writeBlocksSheet(base: string, data: ConsolidatedSheet): Promise<string> {
    return this.run(`escribir la hoja «${base}»`, async (context) => {
      const name = uniqueSheetName(base, await this.names(context, true));
      await writeSheets(context, [blocksSheetWrite(name, data.title, data.blocks, data.chart)]);
      this.sheetNames = [...(this.sheetNames ?? []), name];
      return name;
    });
  }

  /** Custom document properties (the binding travels inside the file) need ExcelApi 1.7. */
  private get bindsInProperties(): boolean {
    return this.deps.isSetSupported("ExcelApi", "1.7");
  }

  /** The binding from the workbook's custom properties (1 sync; 2 when an old settings binding is moved there once). */
  async loadState(): Promise<DocumentState> {
    if (this.bindsInProperties) return this.deps.run((context) => loadBinding(context, this.deps.settings));
    const raw = this.deps.settings.get(STATE_SETTING);
    return raw && typeof raw === "object" ? (raw as DocumentState) : {};
  }

  /** Writes the binding into the workbook's custom properties (1 sync); Office settings before ExcelApi 1.7. */
  async saveState(state: DocumentState): Promise<void> {
    if (this.bindsInProperties) return this.deps.run((context) => saveBinding(context, this.deps.settings, state));
    this.deps.settings.set(STATE_SETTING, state);
    await this.deps.settings.save();
  }
}
