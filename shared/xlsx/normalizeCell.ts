import type { CellType, CellValue } from "../workbook/grid";
import { dateToSerial } from "./serialDate";

/** One grid cell: its value and its type (parsing contract, Grid). */
export interface NormalizedCell {
  value: CellValue;
  type: CellType;
}

/** Text of an error-typed cell whose formula has no cached result. */
export const FORMULA_WITHOUT_VALUE = "fórmula sin valor calculado";

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
export function normalizeCell(raw: unknown, date1904 = false): NormalizedCell {
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
