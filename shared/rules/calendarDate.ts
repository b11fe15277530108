import { addDays, addMonths, format, isValid } from "date-fns";
import { TZDate } from "@date-fns/tz";

/**
 * Calendar-day arithmetic on ISO dates (`YYYY-MM-DD`) with date-fns, done in UTC so daylight
 * saving changes (Chile moves its clocks at midnight) never shift a day.
 */

/** An ISO date as a date-fns date at 00:00 UTC; null when the text is not a real calendar date. */
export function toCalendarDate(iso: string): TZDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const date = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), "UTC");
  if (!isValid(date) || format(date, "yyyy-MM-dd") !== iso) return null;
  return date;
}

/** A date-fns date back to ISO `YYYY-MM-DD` (in the date's own time zone). */
export function toIsoDate(date: Date): string {
  return format(date, "yyyy-MM-dd");
}

/**
 * A bounded memo for the ISO helpers below: a plan holds a few dozen distinct dates, while rules
 * format and shift them once per record. Each distinct input builds its date-fns date once.
 */
function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute(key);
    if (cache.size >= 5_000) cache.clear();
    cache.set(key, value);
    return value;
  };
}

/** True when `iso` is a real calendar date `YYYY-MM-DD` (`toCalendarDate(iso)` is not null), memoised. */
export const isCalendarDate: (iso: string) => boolean = memo((iso) => toCalendarDate(iso) !== null);

/** `"<iso>|<n>"` → its two parts. */
function splitKey(key: string): [string, number] {
  const bar = key.lastIndexOf("|");
  return [key.slice(0, bar), Number(key.slice(bar + 1))];
}

const addMonthsMemo = memo((key) => {
  const [iso, months] = splitKey(key);
  const d = toCalendarDate(iso);
  return d ? toIsoDate(addMonths(d, months)) : null;
});

const addDaysMemo = memo((key) => {
  const [iso, days] = splitKey(key);
  const d = toCalendarDate(iso);
  return d ? toIsoDate(addDays(d, days)) : null;
});

/** `iso` plus `months` calendar months (date-fns `addMonths`: 31 Jan + 1 month = 28/29 Feb). */
export function addMonthsIso(iso: string, months: number): string | null {
  return addMonthsMemo(`${iso}|${months}`);
}

/** `iso` plus `days` calendar days (negative to go back). */
export function addDaysIso(iso: string, days: number): string | null {
  return addDaysMemo(`${iso}|${days}`);
}

/**
 * The calendar date in America/Santiago at `now` (default: this instant), ISO `YYYY-MM-DD` (one
 * time-zone date per call: call it once per run).
 */
export function todayInSantiago(now?: Date): string {
  return format(now ? new TZDate(now.getTime(), "America/Santiago") : TZDate.tz("America/Santiago"), "yyyy-MM-dd");
}
