import type { RawCell } from "../sheetView";
import { formatDigits } from "../../format";
import { isBlankValue } from "../sheetView";
import { cleanText } from "./cleanText";
import { parseSpanishNumber } from "./numberText";
import { ok, problem, shown, EMPTY_RESULT, type CellContext, type CellResult } from "./cellResult";

/** Tolerance for floating-point noise in cached formula results (0.1 + 0.2). */
const EPSILON = 1e-9;

/** A whole number within floating-point noise, or undefined. */
function asWhole(n: number): number | undefined {
  const r = Math.round(n);
  return Math.abs(n - r) <= EPSILON * Math.max(1, Math.abs(n)) ? r : undefined;
}

/** A number from a number cell or es-CL text; undefined when unreadable, null when empty. */
function numberOf(cell: RawCell): number | null | undefined {
  const v = cell.value;
  if (isBlankValue(v)) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string") return parseSpanishNumber(v);
  return undefined;
}

/** A whole number with es-CL thousands dots, exact beyond 2^53 (`1e20` → `100.000.000.000.000.000.000`). */
const fmtClp = formatDigits;

/** The largest money amount read (10^12 CLP): above it a figure is a typing error, never summed. */
export const MAX_MONEY_CLP = 1_000_000_000_000;

/** `1.000.000.000.000`, for messages. */
const MAX_MONEY_TEXT = fmtClp(MAX_MONEY_CLP);

/**
 * A figure too large to read, for a message: its digits with es-CL dots up to 21 digits
 * (`10.000.000.000.000.000`), past that its count of digits (`de 301 cifras`), never a line of
 * three hundred digits.
 */
function oversized(whole: number): string {
  const digits = fmtClp(whole);
  const count = digits.replace(/\D/g, "").length;
  return count <= 21 ? digits : `de ${count} cifras`;
}

/**
 * PARSE-027 for a quantity, count or number beyond the exact integers of a double (2^53 − 1,
 * about nine thousand billion): above it the figure is not exact (and cannot be summed or
 * compared), so it is never read.
 */
function tooLargeNumber(cell: RawCell, ctx: CellContext, n: number, what: string): CellResult<never> {
  return problem("PARSE-027", ctx,
    `${what} ${oversized(Math.abs(n))} es demasiado grande: el máximo que se puede leer es ${fmtClp(Number.MAX_SAFE_INTEGER)} (unos 9 mil billones). Revise la cifra (¿sobran dígitos?).`,
    cell.value);
}

/**
 * Money: integer CLP, non-negative. Numbers, or text `1500000`, `1.500.000`, `$ 1.500.000`,
 * `$1.500.000.-`, `1.500.000,00`, `1 500 000`. `1.500,50` is PARSE-009 (never rounded); a negative
 * amount PARSE-010; an amount above `MAX_MONEY_CLP` (10^12) PARSE-027 (so `1e20` is never summed);
 * anything else PARSE-008.
 */
export function readMoney(cell: RawCell, ctx: CellContext): CellResult<number> {
  const n = numberOf(cell);
  if (n === null) return EMPTY_RESULT;
  if (n === undefined) {
    return problem("PARSE-008", ctx, `el valor "${shown(cell.value)}" no es un monto en pesos. Escriba el monto en cifras, por ejemplo 1.500.000.`, cell.value);
  }
  const whole = asWhole(n);
  if (whole === undefined) {
    return problem("PARSE-009", ctx, `el monto "${shown(cell.value)}" tiene decimales y los montos van en pesos enteros. Escriba el monto sin decimales, por ejemplo ${fmtClp(Math.abs(n))}.`, cell.value);
  }
  if (whole < 0) {
    return problem("PARSE-010", ctx, `el monto "${shown(cell.value)}" es negativo. Escriba un monto de 0 o más pesos.`, cell.value);
  }
  if (whole > MAX_MONEY_CLP) {
    return problem("PARSE-027", ctx,
      `el monto ${oversized(whole)} es demasiado grande: el máximo es $${MAX_MONEY_TEXT} (un billón de pesos). Revise la cifra (¿sobran dígitos?).`,
      cell.value);
  }
  return ok(whole);
}

/** A quantity (Cantidad): a non-negative number, fractional allowed (`1,5` → 1.5). PARSE-011 / PARSE-010; PARSE-027 above 2^53 − 1. */
export function readQuantity(cell: RawCell, ctx: CellContext): CellResult<number> {
  const n = numberOf(cell);
  if (n === null) return EMPTY_RESULT;
  if (n === undefined) {
    return problem("PARSE-011", ctx, `el valor "${shown(cell.value)}" no es una cantidad. Escriba la cifra, por ejemplo 3 o 1,5.`, cell.value);
  }
  if (n < 0) return problem("PARSE-010", ctx, `la cantidad "${shown(cell.value)}" es negativa. Escriba una cantidad de 0 o más.`, cell.value);
  if (n > Number.MAX_SAFE_INTEGER) return tooLargeNumber(cell, ctx, n, "la cantidad");
  return ok(asWhole(n) ?? n);
}

/** A count (cotizaciones, asistentes, participantes): a non-negative integer. PARSE-011 / PARSE-012 / PARSE-010. */
export function readCount(cell: RawCell, ctx: CellContext): CellResult<number> {
  const r = readInteger(cell, ctx);
  if (r.value !== null && r.value < 0) {
    return problem("PARSE-010", ctx, `el valor "${shown(cell.value)}" es negativo. Escriba un número entero de 0 o más.`, cell.value);
  }
  return r;
}

/**
 * An integer (N°, Actividad N°, Hito): a whole number, or text such as `3`, `3.`, `N° 3`,
 * `Hito 2`, `Actividad 4`, `#5`. PARSE-011 when unreadable, PARSE-012 when fractional, PARSE-027
 * beyond the exact integers (±2^53 − 1).
 */
export function readInteger(cell: RawCell, ctx: CellContext): CellResult<number> {
  let n: number | null | undefined;
  if (typeof cell.value === "string") {
    const text = cleanText(cell.value)
      .replace(/^(hito|actividad|acci[oó]n|l[ií]nea|n[°ºo]\.?|nro\.?|#)\s*/i, "")
      .replace(/^(n[°ºo]\.?|#)\s*/i, "")
      .replace(/(?<=\d)\.$/, "");
    n = text === "" ? undefined : parseSpanishNumber(text);
  } else {
    n = numberOf(cell);
  }
  if (n === null) return EMPTY_RESULT;
  if (n === undefined) {
    return problem("PARSE-011", ctx, `el valor "${shown(cell.value)}" no es un número. Escriba un número entero, por ejemplo 3.`, cell.value);
  }
  const whole = asWhole(n);
  if (whole === undefined) {
    return problem("PARSE-012", ctx, `el valor "${shown(cell.value)}" no es un número entero. Escriba un número entero, por ejemplo ${Math.round(n)}.`, cell.value);
  }
  if (!Number.isSafeInteger(whole)) return tooLargeNumber(cell, ctx, whole, "el número");
  return ok(whole);
}

/** An integer within [min, max] (Hito 1–4): PARSE-021 outside. */
export function readIntegerInRange(cell: RawCell, ctx: CellContext, min: number, max: number): CellResult<number> {
  const r = readInteger(cell, ctx);
  if (r.value !== null && (r.value < min || r.value > max)) {
    return problem("PARSE-021", ctx, `el valor ${r.value} está fuera de rango. Escriba un número entre ${min} y ${max}.`, cell.value);
  }
  return r;
}

/** A plain number in the indicator's unit (línea base, meta, resultado): any finite number up to ±(2^53 − 1). PARSE-011 / PARSE-027. */
export function readNumber(cell: RawCell, ctx: CellContext): CellResult<number> {
  const n = numberOf(cell);
  if (n === null) return EMPTY_RESULT;
  if (n === undefined) {
    return problem("PARSE-011", ctx, `el valor "${shown(cell.value)}" no es un número. Escriba solo la cifra (la unidad va en su columna), por ejemplo 40 o 1,5.`, cell.value);
  }
  if (Math.abs(n) > Number.MAX_SAFE_INTEGER) return tooLargeNumber(cell, ctx, n, "el número");
  return ok(asWhole(n) ?? n);
}

/** Convocatoria: a year 2000–2100, as a number, `2025`, or a text holding one year ("Convocatoria 2025"). PARSE-020. */
export function readYear(cell: RawCell, ctx: CellContext): CellResult<number> {
  const v = cell.value;
  if (isBlankValue(v)) return EMPTY_RESULT;
  let year: number | undefined;
  if (typeof v === "number") year = Number.isInteger(v) ? v : undefined;
  else if (typeof v === "string") {
    const years = cleanText(v).match(/(?<!\d)(\d{4})(?!\d)/g);
    const rest = cleanText(v).replace(/(?<!\d)\d{4}(?!\d)/, "").replace(/^\s*(convocatoria|a[nñ]o)\s*/i, "").trim();
    if (years && years.length === 1 && rest === "") year = Number(years[0]);
  }
  if (year === undefined || year < 2000 || year > 2100) {
    return problem("PARSE-020", ctx, `el valor "${shown(v)}" no es el año de una convocatoria. Escriba el año, por ejemplo 2025.`, v);
  }
  return ok(year);
}
