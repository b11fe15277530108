import type { Modality, Plan } from "../domain";
import type { CellValue } from "./grid";

/** A dropdown list (data validation) over a column of a template sheet. */
export interface TemplateValidation {
  /** A1 range, e.g. `C2:C500`. */
  range: string;
  /** Allowed values, as the user reads them. */
  list: string[];
}

/** One sheet of a rendered standard workbook: values plus the formatting a writer applies. */
export interface TemplateSheet {
  name: string;
  values: CellValue[][];
  /** Header row (1-based) frozen in the view; 0 for none. */
  frozenRows: number;
  /** Column widths in characters, by column index (0-based). */
  columnWidths: number[];
  /** Number formats by A1 range (`H2:K500` → `"$"#,##0`). */
  numberFormats: { range: string; format: string }[];
  validations: TemplateValidation[];
  /** Cells holding dates (serials) — writers format them as dates. */
}

/** A whole standard workbook, ready for `shared/xlsx` (CLI) or the add-in's Excel adapter to write. */
export interface TemplateWorkbook {
  sheets: TemplateSheet[];
}

/**
 * Renders the standard workbook (layout v1.1) for a modality, empty or filled with a plan.
 * STUB: replaced by the workbook renderer.
 */
export function renderWorkbook(options: { modality?: Modality; plan?: Plan }): TemplateWorkbook {
  void options;
  throw new Error("renderWorkbook: not implemented yet");
}
