import { addDays, differenceInCalendarDays, format, isExists } from "date-fns";
import type { CellValue } from "../grid";
import type { RawCell } from "../sheetView";
import { isBlankValue } from "../sheetView";
import { cleanText } from "./cleanText";
import { ok, problem, shown, EMPTY_RESULT, type CellContext, type CellResult } from "./cellResult";

/**
 * Calendar days are computed with date-fns on local dates at noon: addDays keeps the wall-clock
 * time, so no daylight-saving jump (America/Santiago changes at midnight) can move the day.
 */
const noon = (y: number, monthIndex: number, d: number) => new Date(y, monthIndex, d, 12);

/** Day 0 of the 1900 system for serials from 61 on (Excel counts a 29-02-1900 that never was). */
const EPOCH_1900 = noon(1899, 11, 30);
/** The 1904 system counts from 1904-01-01: serial 0 = 1904-01-01 = 1900-system serial 1462. */
const SHIFT_1904 = 1462;
/** Largest serial Excel shows as a date (31-12-9999). */
const MAX_SERIAL = 2958465;
/** 1900-system day number → ISO date, memoised: a plan repeats a few hundred dates at most. */
const ISO_BY_DAY = new Map<number, string>();

/**
 * Excel serial → ISO date `YYYY-MM-DD`; the time of day is dropped. Undefined for serials below 1,
 * above 31-12-9999, and for 60 in the 1900 system (the 29-02-1900 Excel invents).
 */
export function serialToIsoDate(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  let days = Math.floor(serial);
  if (date1904) days += SHIFT_1904;
  if (days < 1 || days > MAX_SERIAL || days === 60) return undefined;
  let iso = ISO_BY_DAY.get(days);
  if (iso === undefined) {
    const base = days < 60 ? addDays(EPOCH_1900, 1) : EPOCH_1900;
    iso = format(addDays(base, days), "yyyy-MM-dd");
    if (ISO_BY_DAY.size >= 20_000) ISO_BY_DAY.clear();
    ISO_BY_DAY.set(days, iso);
  }
  return iso;
}

/** ISO date `YYYY-MM-DD` → 1900-system Excel serial (the system the template writes). Undefined when not a real ISO date. */
export function isoDateToSerial(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || !isExists(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) return undefined;
  const days = differenceInCalendarDays(noon(Number(m[1]), Number(m[2]) - 1, Number(m[3])), EPOCH_1900);
  return days < 61 ? days - 1 : days;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** PARSE-014: a value that is no date. */
function unreadable(v: CellValue, ctx: CellContext): CellResult<never> {
  return problem("PARSE-014", ctx,
    `el valor "${shown(v)}" no es una fecha. Escriba la fecha como dd-mm-aaaa, por ejemplo 15-03-2025.`, v);
}

/**
 * A date cell → ISO `YYYY-MM-DD`. Accepted: a serial number (under the workbook's date system),
 * text `dd-mm-yyyy`, `dd/mm/yyyy`, `dd.mm.yyyy` (day first, always; one or two digits) and
 * `yyyy-mm-dd` (optionally with a time), with any surrounding spaces. PARSE-014 when unreadable,
 * PARSE-015 when the date does not exist (31-02-2025).
 */
export function readDate(cell: RawCell, ctx: CellContext): CellResult<string> {
  const v = cell.value;
  if (isBlankValue(v)) return EMPTY_RESULT;
  if (typeof v === "number") {
    const iso = serialToIsoDate(v, ctx.date1904);
    return iso ? ok(iso) : unreadable(v, ctx);
  }
  if (typeof v !== "string") return unreadable(v, ctx);
  const text = cleanText(v);
  let y: number, m: number, d: number;
  const dayFirst = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (dayFirst) [d, m, y] = [Number(dayFirst[1]), Number(dayFirst[3]), Number(dayFirst[4])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return unreadable(v, ctx);
  if (y < 1900 || !isExists(y, m - 1, d)) {
    return problem("PARSE-015", ctx, `la fecha "${text}" no existe. Revise el día y el mes y escríbala como dd-mm-aaaa, por ejemplo 15-03-2025.`, v);
  }
  return ok(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
}
