/**
 * How figures read for people in Chile (es-CL): pesos, plain numbers, percentages, dates and
 * timestamps. Every adapter (finding messages, CLI tables, the task pane, local mode, the
 * consolidated workbook's labels, HTTP problem details) formats through this one module, with
 * `Intl` (no locale data of ours). Pure: no I/O, never throws on finite input.
 */

const CLP = new Intl.NumberFormat("es-CL", { style: "currency", currency: "CLP", maximumFractionDigits: 0 });
const PERCENT = new Intl.NumberFormat("es-CL", { style: "percent", maximumFractionDigits: 1 });
const PERCENT_ONE_DECIMAL = new Intl.NumberFormat("es-CL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const NUMBER = new Intl.NumberFormat("es-CL", { maximumFractionDigits: 2 });
const INTEGER = new Intl.NumberFormat("es-CL", { maximumFractionDigits: 0 });
const DATE_TIME = new Intl.DateTimeFormat("es-CL", {
  timeZone: "America/Santiago", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
});

/** What a table shows where a figure is unknown. */
export const NO_VALUE = "—";

/** Integer CLP as money: 8190000 → `$8.190.000`; null or undefined → `—`. */
export function formatClp(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? NO_VALUE : CLP.format(amount);
}

/**
 * The digits of a whole number with es-CL grouping and no sign or `$`, exact beyond 2⁵³ (the
 * number is truncated, then formatted as a BigInt): 1500000 → `1.500.000`, 1e20 →
 * `100.000.000.000.000.000.000`. For messages about figures too large to be money.
 */
export function formatDigits(value: number): string {
  return INTEGER.format(BigInt(Math.trunc(value)));
}

/**
 * A count with its noun in the right number and es-CL grouping: `formatCount(1, "error",
 * "errores")` → `1 error`, `formatCount(2000, "error", "errores")` → `2.000 errores`,
 * `formatCount(0, "advertencia", "advertencias")` → `0 advertencias`.
 */
export function formatCount(count: number, singular: string, plural: string): string {
  return `${INTEGER.format(count)} ${count === 1 ? singular : plural}`;
}

/** A plain number with es-CL grouping and decimal comma, at most 2 decimals: 25000 → `25.000`, 1.5 → `1,5`. */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** A number with exactly `decimals` decimals (es-CL): `formatFixed(1.25, 1)` → `1,3`, `formatFixed(2, 1)` → `2,0`. */
export function formatFixed(value: number, decimals: number): string {
  return value.toLocaleString("es-CL", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A fraction 0–1 as a percentage in prose (finding messages), at most one decimal: 0.42 → `42%`, 0.0246 → `2,5%`. */
export function formatPercent(fraction: number): string {
  return PERCENT.format(fraction);
}

/**
 * A fraction 0–1 as a table figure, always one decimal and a space before `%` (CLI summaries):
 * 0.438 → `43,8 %`, 0.3 → `30,0 %`; null or undefined → `—`.
 */
export function formatPercentOneDecimal(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined) return NO_VALUE;
  return `${PERCENT_ONE_DECIMAL.format(fraction * 100)} %`;
}

/**
 * An ISO calendar date as people read it in Chile: `2025-09-08` → `08-09-2025`. Text that is not
 * a real `YYYY-MM-DD` date (`2025-02-30`, `pronto`) comes back unchanged.
 */
export function formatDateEs(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  check.setUTCFullYear(y);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return iso;
  return `${m[3]}-${m[2]}-${m[1]}`;
}

/**
 * An ISO timestamp as local date and time in America/Santiago: `2025-05-12T14:03:00Z` →
 * `12-05-2025, 10:03` (24-hour clock, as people in Chile write times); text that is not a timestamp comes back unchanged.
 */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_TIME.format(d);
}
