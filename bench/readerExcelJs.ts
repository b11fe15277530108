/**
 * The reader as it was before issue «The reader» (ExcelJS 4.4.0 adapter, commit 9dbb03b), kept
 * only so bench/reader-corpus.ts can compare it with the SheetJS reader on the same files.
 * Not used by the product.
 */
import ExcelJS from "exceljs";
import type { CellType, CellValue, SheetGrid, WorkbookGrids } from "../shared/workbook/grid";
import { columnLetters, formatA1 as cellAddress, requireRange as parseRange } from "../shared/workbook/a1";
import { fileSignature } from "../shared/xlsx/fileSignature";
import { dateToSerial } from "../shared/xlsx/serialDate";
import { workbookReadError } from "../shared/xlsx/workbookReadError";

const FORMULA_WITHOUT_VALUE = "fórmula sin valor calculado";
interface NormalizedCell { value: CellValue; type: CellType }
const EMPTY: NormalizedCell = { value: null, type: "empty" };

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

function richTextToString(v: Obj): string {
  const runs = Array.isArray(v.richText) ? (v.richText as Obj[]) : [];
  return runs.map((r) => (typeof r?.text === "string" ? r.text : "")).join("");
}

function text(s: string): NormalizedCell {
  return s === "" ? EMPTY : { value: s, type: "string" };
}

/**
 * Turns any cell value ExcelJS hands back into one grid cell:
 * - `null`/`undefined`/`""` → empty (null);
 * - number, boolean, string as they are;
 * - `Date` → serial number of the workbook's date system (`date1904`), type number;
 * - `{richText:[…]}` → the runs' texts joined; `{text, hyperlink}` → its display text;
 * - `{formula|sharedFormula, result}` → the cached result normalised the same way; without a
 *   result → error-typed `"fórmula sin valor calculado"`;
 * - `{error:"#REF!"}` → error-typed `"#REF!"`.
 * Any other shape becomes its string form. Never throws.
 */
function normalizeCell(raw: unknown, date1904 = false): NormalizedCell {
  if (raw === null || raw === undefined) return EMPTY;
  if (typeof raw === "number") return Number.isFinite(raw) ? { value: raw, type: "number" } : { value: "#NUM!", type: "error" };
  if (typeof raw === "string") return text(raw);
  if (typeof raw === "boolean") return { value: raw, type: "boolean" };
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime()) ? { value: "#VALUE!", type: "error" } : { value: dateToSerial(raw, date1904), type: "number" };
  }
  if (!isObject(raw)) return text(String(raw));
  if ("error" in raw) return { value: String(raw.error), type: "error" };
  if ("formula" in raw || "sharedFormula" in raw) {
    if (!("result" in raw) || raw.result === undefined || raw.result === null) {
      return { value: FORMULA_WITHOUT_VALUE, type: "error" };
    }
    return normalizeCell(raw.result, date1904);
  }
  if ("richText" in raw) return text(richTextToString(raw));
  if ("hyperlink" in raw || "text" in raw) {
    const t = raw.text;
    if (typeof t === "string") return text(t);
    if (isObject(t) && "richText" in t) return text(richTextToString(t));
    return text(typeof raw.hyperlink === "string" ? raw.hyperlink : "");
  }
  return text(JSON.stringify(raw));
}
/** ExcelJS's `ValueType.Merge`: a non-master cell of a merged area (it echoes the master's value). */
const MERGE_CELL_TYPE = 1;

type Worksheet = ExcelJS.Worksheet;

/** The bounds (1-based, inclusive) of the cells that hold a value. */
interface Extent {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Reads .xlsx bytes into grids (parsing contract of standard-workbook.md): one `SheetGrid` per
 * worksheet, in workbook order, each covering only the rectangle of cells that hold a value
 * (formatting alone never widens it), with `types`, `numberFormats` (`General` when none),
 * `merged` areas, hidden rows/columns and `origin`; and the workbook's `date1904` flag.
 * Cell shapes are normalised by `normalizeCell` (dates become serials of the workbook's own date
 * system; non-master cells of a merged area are empty, as Office.js reports them). Data
 * validations are not loaded (a whole-column validation would cost seconds).
 *
 * @throws WorkbookReadError `not-xlsx` (not a zip package, or a zip with no worksheets),
 *   `legacy-xls` (an Excel 97-2003 file), `encrypted` (password-protected) or `corrupt`
 *   (a zip package that ExcelJS cannot read) — each with a Spanish message saying what to do.
 */
export async function readWorkbookGridsExcelJs(bytes: Uint8Array): Promise<WorkbookGrids> {
  const signature = fileSignature(bytes);
  if (signature === "ole") throw workbookReadError("legacy-xls");
  if (signature === "ole-encrypted") throw workbookReadError("encrypted");
  if (signature !== "zip") throw workbookReadError("not-xlsx");

  const workbook = new ExcelJS.Workbook();
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // The option exists in exceljs 4.4.0 (worksheet-xform) but is missing from its typings.
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer, { ignoreNodes: ["dataValidations"] } as object);
  } catch (error) {
    throw workbookReadError("corrupt", error);
  }
  if (workbook.worksheets.length === 0) throw workbookReadError("not-xlsx");

  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  return { sheets: workbook.worksheets.map((ws) => readSheet(ws, date1904)), date1904 };
}

/** Cells that hold a value (merge echoes and empty strings excluded) → their bounds; null when none. */
function valueExtent(ws: Worksheet): Extent | null {
  let extent: Extent | null = null;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if ((cell.type as number) === MERGE_CELL_TYPE) return;
      const v = cell.value;
      if (v === null || v === undefined || v === "") return;
      if (!extent) extent = { top: rowNumber, left: colNumber, bottom: rowNumber, right: colNumber };
      else {
        if (rowNumber < extent.top) extent.top = rowNumber;
        if (rowNumber > extent.bottom) extent.bottom = rowNumber;
        if (colNumber < extent.left) extent.left = colNumber;
        if (colNumber > extent.right) extent.right = colNumber;
      }
    });
  });
  return extent;
}

function readSheet(ws: Worksheet, date1904: boolean): SheetGrid {
  const extent = valueExtent(ws);
  if (!extent) return { name: ws.name, origin: "A1", values: [], types: [], numberFormats: [], merged: [], hidden: {} };
  const { top, left, bottom, right } = extent;
  const width = right - left + 1;
  const values: CellValue[][] = [];
  const types: CellType[][] = [];
  const numberFormats: string[][] = [];
  const hiddenRows: number[] = [];

  for (let r = top; r <= bottom; r++) {
    const rowValues: CellValue[] = new Array(width).fill(null);
    const rowTypes: CellType[] = new Array(width).fill("empty");
    const rowFormats: string[] = new Array(width).fill("General");
    const row = ws.findRow(r);
    if (row) {
      if (row.hidden) hiddenRows.push(r);
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (c < left || c > right) return;
        const type = cell.type as number;
        if (type === MERGE_CELL_TYPE) return;
        const raw = cell.value;
        const j = c - left;
        // The common shapes without building a NormalizedCell; the rest through normalizeCell.
        if (typeof raw === "number" && Number.isFinite(raw)) {
          rowValues[j] = raw;
          rowTypes[j] = "number";
        } else if (typeof raw === "string" && raw !== "") {
          rowValues[j] = raw;
          rowTypes[j] = "string";
        } else {
          const normalized = normalizeCell(raw, date1904);
          rowValues[j] = normalized.value;
          rowTypes[j] = normalized.type;
        }
        const numFmt = cell.numFmt;
        if (numFmt) rowFormats[j] = numFmt;
      });
    }
    values.push(rowValues);
    types.push(rowTypes);
    numberFormats.push(rowFormats);
  }

  const hiddenColumns: string[] = [];
  for (const column of ws.columns ?? []) {
    const n = column.number ?? 0;
    if (column.hidden && n >= left && n <= right) hiddenColumns.push(columnLetters(n));
  }

  return {
    name: ws.name,
    origin: cellAddress(top, left),
    values,
    types,
    numberFormats,
    merged: mergedRanges(ws, extent),
    hidden: { rows: hiddenRows, columns: hiddenColumns },
  };
}

/** Merged areas (A1, absolute to the sheet) that touch the extent read. */
function mergedRanges(ws: Worksheet, extent: Extent): string[] {
  // ExcelJS keeps merges in a private map (master address → Range); `ws.model` would rebuild every row.
  const merges = (ws as unknown as { _merges?: Record<string, { range?: string } | undefined> })._merges ?? {};
  const out: string[] = [];
  for (const merge of Object.values(merges)) {
    if (!merge?.range) continue;
    const r = parseRange(merge.range);
    if (r.bottom < extent.top || r.top > extent.bottom || r.right < extent.left || r.left > extent.right) continue;
    out.push(merge.range.replace(/\$/g, ""));
  }
  return out;
}
