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

/** `iso` plus `months` calendar months (date-fns `addMonths`: 31 Jan + 1 month = 28/29 Feb). */
export function addMonthsIso(iso: string, months: number): string | null {
  const d = toCalendarDate(iso);
  return d ? toIsoDate(addMonths(d, months)) : null;
}

/** `iso` plus `days` calendar days (negative to go back). */
export function addDaysIso(iso: string, days: number): string | null {
  const d = toCalendarDate(iso);
  return d ? toIsoDate(addDays(d, days)) : null;
}

/** Today's calendar date in America/Santiago, ISO. */
export function todayInSantiago(): string {
  return format(TZDate.tz("America/Santiago"), "yyyy-MM-dd");
}

/** An ISO date as people read it in Chile: `2025-09-08` → `08-09-2025`. */
export function formatDateEs(iso: string): string {
  const d = toCalendarDate(iso);
  return d ? format(d, "dd-MM-yyyy") : iso;
}
