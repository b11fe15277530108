const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Days between the 1900 and 1904 systems' day zero. */
const DAYS_1900_TO_1904 = 1_462;

/**
 * A `Date` as ExcelJS returns it (the cell's wall-clock time as UTC) → Excel serial number of the
 * given date system (1900 by default; `date1904` true for the 1904 system). Whole days come back
 * as integers; times as fractions, rounded to the millisecond.
 */
export function dateToSerial(date: Date, date1904 = false): number {
  const serial = UNIX_EPOCH_SERIAL + Math.round(date.getTime()) / MS_PER_DAY - (date1904 ? DAYS_1900_TO_1904 : 0);
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

/** An ISO date `YYYY-MM-DD` → 1900-system serial (for writers). Throws on a malformed date. */
export function isoDateToSerial(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Invalid ISO date: ${iso}`);
  return dateToSerial(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}
