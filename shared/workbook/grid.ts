/**
 * The seam between a host and the core (standard-workbook.md, "The parsing contract", Grid):
 * one `SheetGrid` per sheet, the shape Office.js `Range.values` returns, plus what the host can add.
 * The add-in builds it with Office.js, `shared/xlsx` builds it from .xlsx bytes; the core never knows which.
 */

/** A cell value: string, number, boolean, or null for empty (Office's `""` becomes null). Dates are serials. */
export type CellValue = string | number | boolean | null;

/** Office's `Excel.RangeValueType`, lower-cased: tells a real `#N/A` error from the text "#N/A". */
export type CellType = "string" | "number" | "boolean" | "error" | "empty";

export interface SheetGrid {
  /** Sheet name as the user wrote it. */
  name: string;
  /** A1 address of the top-left cell read (`A1` when the used range starts there). */
  origin: string;
  /** Rows of cells, top to bottom; rows may be ragged (missing cells are null). */
  values: CellValue[][];
  /** Same shape as `values`, when the host knows the cell types. */
  types?: CellType[][];
  /** Same shape as `values`: Excel number format codes (`0%`, `dd-mm-yyyy`, `"$"#,##0`). */
  numberFormats?: string[][];
  /** Merged areas in A1 form (`A5:A6`), absolute to the sheet, not to `origin`. */
  merged?: string[];
  /** Hidden rows and columns (1-based sheet row numbers, column letters); read like any other. */
  hidden?: { rows?: number[]; columns?: string[] };
}

/** A workbook as grids: its sheets in order and its date system (`date1904` true on the 1904 system). */
export interface WorkbookGrids {
  sheets: SheetGrid[];
  date1904?: boolean;
}
