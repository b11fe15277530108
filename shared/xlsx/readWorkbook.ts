import type * as XLSX from "@e965/xlsx";
import { loadSheetJs } from "./loadSheetJs";
import type { CellType, CellValue, SheetGrid, WorkbookGrids } from "../workbook/grid";
import { FORMULA_WITHOUT_VALUE } from "../workbook/cellValues/excelErrors";
import { columnLetters, formatA1 as cellAddress } from "../workbook/a1";
import { fileSignature } from "./fileSignature";
import { READ_LIMITS, checkFileSize, checkZipDirectory, inflateZipParts, sheetTooLarge, workbookTooLarge } from "./readLimits";
import type { ZipEntry } from "./zipDirectory";
import { EMPTY_FILE_MESSAGE, workbookReadError, type WorkbookReadError } from "./workbookReadError";

export { FORMULA_WITHOUT_VALUE };

/** The container a workbook came in: Office Open XML (.xlsx/.xlsm, Strict included), binary .xlsb, legacy .xls, OpenDocument .ods. */
export type WorkbookFormat = "xlsx" | "xlsb" | "xls" | "ods";

/** Grids read from a file, plus the format it was in (a sync binds only .xlsx). */
export interface ReadWorkbook extends WorkbookGrids {
  format: WorkbookFormat;
}

/** Excel's error codes as SheetJS keeps them (BIFF numbers) → their text. */
const ERROR_TEXT: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
  0x2c: "#SPILL!",
  0x2d: "#CONNECT!",
  0x2e: "#BLOCKED!",
  0x2f: "#UNKNOWN!",
  0x30: "#FIELD!",
  0x31: "#CALC!",
};

/** SheetJS's read options: dense rows, cached values only (no text rendering), number formats, hidden rows/columns. */
const READ_OPTIONS: XLSX.ParsingOptions = {
  type: "array",
  dense: true,
  cellStyles: true, // hidden rows/columns; implies cellNF (number formats) and sheetStubs (formula cells without a value)
  cellNF: true,
  sheetStubs: true,
  cellFormula: true,
  cellDates: false,
  cellText: false,
  cellHTML: false,
  bookVBA: false,
  bookDeps: false,
  bookFiles: false,
  WTF: false,
};

/**
 * .ods without styles: SheetJS's `cellStyles` turns on stubs, and an .ods stub repeated over
 * columns and rows is materialised cell by cell (an .ods has no formula without a value anyway).
 */
const ODS_OPTIONS: XLSX.ParsingOptions = { ...READ_OPTIONS, cellStyles: false, sheetStubs: false };

type Cell = XLSX.CellObject & { f?: string };
type DenseSheet = XLSX.WorkSheet & { "!data"?: (Cell[] | undefined)[] };

/**
 * Reads workbook bytes into grids (parsing contract of standard-workbook.md) with SheetJS CE
 * (`@e965/xlsx`, chosen by measurement in issue «The reader»): .xlsx/.xlsm (namespace-prefixed
 * XML, Strict Open XML and its ISO `t="d"` dates included), .xlsb, legacy .xls and .ods. One
 * `SheetGrid` per worksheet in workbook order, each covering only the rectangle of cells that hold
 * a value (formatting alone never widens it), with `types`, `numberFormats` (`General` when none),
 * `merged` areas touching that rectangle (as ranges, never expanded), hidden rows/columns and
 * `origin`; plus the workbook's `date1904` flag and its `format`.
 * Cells: a number carrying a hyperlink is its number (the link target is never read); rich text
 * is its plain text; dates are serials of the workbook's own date system; a formula is its cached
 * value, or an error cell "fórmula sin valor calculado" without one; an Excel error is an
 * error-typed cell (`#REF!`), distinct from the text "#REF!".
 *
 * Bounded: the file size, the zip's declared uncompressed sizes (checked in its central directory
 * before inflating anything) and each sheet's rectangle of values are checked against
 * `READ_LIMITS`; no grid larger than `READ_LIMITS.sheetCells` is ever built.
 *
 * @throws WorkbookReadError `not-xlsx` (not a spreadsheet), `encrypted` (password-protected),
 *   `corrupt` (a damaged package), `legacy-xls` (an OLE file no reader understands) or
 *   `too-large` (past a limit, naming it) — each with a Spanish message saying what to do.
 */
export async function readWorkbookGrids(bytes: Uint8Array): Promise<ReadWorkbook> {
  const signature = fileSignature(bytes);
  if (signature === "empty") throw workbookReadError("not-xlsx", undefined, EMPTY_FILE_MESSAGE);
  if (signature === "ole-encrypted") throw workbookReadError("encrypted");
  if (signature !== "zip" && signature !== "ole") throw workbookReadError("not-xlsx");
  checkFileSize(bytes, signature === "ole");
  let format: WorkbookFormat = "xls";
  let parts: Map<string, Uint8Array> | undefined;
  if (signature === "zip") {
    const entries = checkZipDirectory(bytes);
    format = zipFormat(entries);
    parts = await inflateZipParts(bytes, entries);
  }

  const sheetJs = await loadSheetJs();
  const options = format === "ods" ? ODS_OPTIONS : READ_OPTIONS;
  let workbook: XLSX.WorkBook;
  try {
    workbook = quietly(() => (parts ? parseZip(sheetJs, zipContainer(sheetJs, parts), { ...options }) : sheetJs.read(bytes, { ...options })));
  } catch (error) {
    throw readFailure(error, signature === "ole");
  }
  if (!workbook.SheetNames?.length) throw workbookReadError("not-xlsx");
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);

  // Extents first: refuse before any grid is built.
  const extents = workbook.SheetNames.map((name) => {
    const sheet = workbook.Sheets[name] as DenseSheet | undefined;
    return { name, sheet, extent: sheet ? valueExtent(sheet) : null };
  });
  let total = 0;
  for (const { name, extent } of extents) {
    if (!extent) continue;
    const cells = (extent.bottom - extent.top + 1) * (extent.right - extent.left + 1);
    if (cells > READ_LIMITS.sheetCells) {
      const range = `${cellAddress(extent.top + 1, extent.left + 1)}:${cellAddress(extent.bottom + 1, extent.right + 1)}`;
      throw sheetTooLarge(name, range, cellAddress(extent.bottom + 1, extent.right + 1), cells);
    }
    total += cells;
  }
  if (total > READ_LIMITS.workbookCells) throw workbookTooLarge(total);

  const sheets = extents
    .filter(({ sheet }) => sheet && !isChartSheet(sheet))
    .map(({ name, sheet, extent }) => readSheet(name, sheet!, extent, date1904));
  if (sheets.length === 0) throw workbookReadError("not-xlsx");
  return { sheets, date1904, format };
}

/**
 * The parts already inflated (and checked) by `inflateZipParts`, as the container SheetJS's
 * `parse_zip` reads: SheetJS's own inflater is never run on the file (it is slower than Node's
 * zlib, ignores the declared sizes, and loops on some damaged streams).
 */
function zipContainer(sheetJs: typeof XLSX, parts: Map<string, Uint8Array>): unknown {
  const cfb = sheetJs.CFB.utils.cfb_new();
  for (const [name, data] of parts) sheetJs.CFB.utils.cfb_add(cfb, name, data, { unsafe: true });
  return cfb;
}

/** SheetJS's `parse_zip` (exported by both its builds, missing from its typings): the zip reader `read` calls. */
function parseZip(sheetJs: typeof XLSX, container: unknown, options: XLSX.ParsingOptions): XLSX.WorkBook {
  return (sheetJs as unknown as { parse_zip(zip: unknown, opts: XLSX.ParsingOptions): XLSX.WorkBook }).parse_zip(container, options);
}

/**
 * Runs `read` with the console silenced: SheetJS prints English diagnostics («ODS number format
 * may be incorrect») on the console while reading, which would reach the CLI's output.
 */
function quietly<T>(read: () => T): T {
  const { log, warn, error } = console;
  const mute = () => undefined;
  console.log = console.warn = console.error = mute;
  try {
    return read();
  } finally {
    console.log = log;
    console.warn = warn;
    console.error = error;
  }
}

/** What a zip package holds: .xlsb (`xl/workbook.bin`), .ods (`content.xml` + mimetype) or .xlsx. */
function zipFormat(entries: ZipEntry[]): WorkbookFormat {
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if ([...names].some((n) => n.endsWith(".bin") && n.includes("workbook"))) return "xlsb";
  if (names.has("content.xml") && !names.has("[content_types].xml")) return "ods";
  return "xlsx";
}

/** A SheetJS failure → the reader's error: password → encrypted; not a spreadsheet → not-xlsx; else corrupt. */
function readFailure(error: unknown, ole: boolean): WorkbookReadError {
  const message = String((error as Error)?.message ?? error);
  if (/password-protected/i.test(message) || (!ole && /encrypt/i.test(message))) return workbookReadError("encrypted", error);
  if (/Unsupported (ZIP file|Works|file)|Cannot find (file|Workbook|workbook)|not a spreadsheet|Numbers/i.test(message)) {
    return workbookReadError(ole ? "legacy-xls" : "not-xlsx", error);
  }
  return workbookReadError(ole ? "legacy-xls" : "corrupt", error);
}

/** Chart sheets (no cells) are not worksheets: Office.js lists only worksheets. */
function isChartSheet(sheet: DenseSheet): boolean {
  return (sheet as { "!type"?: string })["!type"] === "chart";
}

/** The bounds (0-based, inclusive) of the cells that hold a value (or an uncalculated formula). */
interface Extent {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function holdsValue(cell: Cell | undefined): boolean {
  if (!cell) return false;
  if (cell.t === "z") return typeof cell.f === "string"; // a formula without a cached value is an error cell
  if (cell.t === "s") return typeof cell.v === "string" && cell.v !== "";
  return cell.v !== undefined && cell.v !== null;
}

/** One pass over the cells that exist (dense rows skip holes): linear in the cells stored, never in the claimed extent. */
function valueExtent(sheet: DenseSheet): Extent | null {
  const data = sheet["!data"];
  if (!data) return null;
  let extent: Extent | null = null;
  data.forEach((row, r) => {
    if (!row) return;
    let first = -1;
    let last = -1;
    row.forEach((cell, c) => {
      if (!holdsValue(cell)) return;
      if (first < 0) first = c;
      last = c;
    });
    if (first < 0) return;
    if (!extent) extent = { top: r, left: first, bottom: r, right: last };
    else {
      extent.bottom = r;
      if (first < extent.left) extent.left = first;
      if (last > extent.right) extent.right = last;
    }
  });
  return extent;
}

function readSheet(name: string, sheet: DenseSheet, extent: Extent | null, date1904: boolean): SheetGrid {
  if (!extent) return { name, origin: "A1", values: [], types: [], numberFormats: [], merged: [], hidden: {} };
  const { top, left, bottom, right } = extent;
  const width = right - left + 1;
  const data = sheet["!data"] ?? [];
  const values: CellValue[][] = [];
  const types: CellType[][] = [];
  const numberFormats: string[][] = [];

  for (let r = top; r <= bottom; r++) {
    const rowValues: CellValue[] = new Array(width).fill(null);
    const rowTypes: CellType[] = new Array(width).fill("empty");
    const rowFormats: string[] = new Array(width).fill("General");
    const row = data[r];
    if (row) {
      row.forEach((cell, c) => {
        if (!cell || c < left || c > right) return;
        const j = c - left;
        if (typeof cell.z === "string" && cell.z !== "") rowFormats[j] = cell.z;
        setCell(cell, j, rowValues, rowTypes, date1904);
      });
    }
    values.push(rowValues);
    types.push(rowTypes);
    numberFormats.push(rowFormats);
  }

  const hiddenRows: number[] = [];
  (sheet["!rows"] ?? []).forEach((info, r) => {
    if (info?.hidden && r >= top && r <= bottom) hiddenRows.push(r + 1);
  });
  const hiddenColumns: string[] = [];
  (sheet["!cols"] ?? []).forEach((info, c) => {
    if (info?.hidden && c >= left && c <= right) hiddenColumns.push(columnLetters(c + 1));
  });

  return {
    name,
    origin: cellAddress(top + 1, left + 1),
    values,
    types,
    numberFormats,
    merged: mergedRanges(sheet, extent),
    hidden: { rows: hiddenRows, columns: hiddenColumns },
  };
}

/** One SheetJS cell → its grid value and type (see readWorkbookGrids). */
function setCell(cell: Cell, j: number, values: CellValue[], types: CellType[], date1904: boolean): void {
  const v = cell.v as unknown;
  switch (cell.t) {
    case "n":
      if (typeof v === "number" && Number.isFinite(v)) {
        values[j] = v;
        types[j] = "number";
      } else {
        values[j] = "#NUM!";
        types[j] = "error";
      }
      return;
    case "s":
      if (typeof v === "string" && v !== "") {
        values[j] = v;
        types[j] = "string";
      }
      return;
    case "b":
      values[j] = Boolean(v);
      types[j] = "boolean";
      return;
    case "e":
      values[j] = typeof v === "number" ? (ERROR_TEXT[v] ?? "#N/A") : String(v ?? "#N/A");
      types[j] = "error";
      return;
    case "d": {
      // Only when a format hands back a Date despite cellDates: false (ODS, XLSB); a serial of the workbook's system.
      const serial = v instanceof Date ? dateSerial(v, date1904) : dateSerial(new Date(String(v)), date1904);
      if (serial === null) {
        values[j] = "#VALUE!";
        types[j] = "error";
      } else {
        values[j] = serial;
        types[j] = "number";
      }
      return;
    }
    case "z":
      if (typeof cell.f === "string") {
        values[j] = FORMULA_WITHOUT_VALUE;
        types[j] = "error";
      }
      return;
  }
}

const MS_PER_DAY = 86_400_000;

/** A UTC wall-clock Date → serial of the 1900 (or 1904) system; null for an invalid date. */
function dateSerial(date: Date, date1904: boolean): number | null {
  const t = date.getTime();
  if (!Number.isFinite(t)) return null;
  const serial = 25_569 + t / MS_PER_DAY - (date1904 ? 1_462 : 0);
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

/**
 * Merged areas (A1, absolute to the sheet) that touch the extent read, in one pass over SheetJS's
 * ranges (never expanded to cells). An area reaching past the extent's bottom or right is cut
 * there (its master, top-left, is kept): `A1:XFD1048576` over values in A1:E20 is `A1:E20`.
 */
function mergedRanges(sheet: DenseSheet, extent: Extent): string[] {
  const out: string[] = [];
  for (const m of sheet["!merges"] ?? []) {
    if (m.e.r < extent.top || m.s.r > extent.bottom || m.e.c < extent.left || m.s.c > extent.right) continue;
    const bottom = Math.min(m.e.r, extent.bottom);
    const right = Math.min(m.e.c, extent.right);
    if (m.s.r === bottom && m.s.c === right) continue;
    out.push(`${cellAddress(m.s.r + 1, m.s.c + 1)}:${cellAddress(bottom + 1, right + 1)}`);
  }
  return out;
}
