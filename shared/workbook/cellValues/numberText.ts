import { cleanText } from "./cleanText";

/**
 * Reads a number written as text the Chilean way (parsing contract, "Numbers"); undefined when the
 * text is not one unambiguous number. Accepted:
 * - a `$` or `CLP` before, `.-`/`,-`/`-` after (`$1.500.000.-`), a sign before (`-5.000`);
 * - groups of three digits separated by dots (`1.500.000`) or by spaces, no-break spaces included
 *   (`1 500 000`): a dot followed by exactly three digits is a thousands separator;
 * - a comma as the decimal mark (`1.500.000,00`, `1,5`, `0,3`);
 * - a single dot followed by other than three digits as a decimal point (`0.3`, `1.5`).
 * Refused (undefined): words (`aprox 500 mil`), several dots that are not thousands groups
 * (`1.5.0`), `0.300` (a thousands group after 0 is ambiguous), US style `1,500.50`.
 */
export function parseSpanishNumber(input: string): number | undefined {
  let s = cleanText(input);
  let negative = false;
  if (/^-/.test(s)) { negative = true; s = s.slice(1).trimStart(); }
  s = s.replace(/^(\$|clp\b)\s*/i, "");
  if (!negative && /^-/.test(s)) { negative = true; s = s.slice(1).trimStart(); }
  s = s.replace(/\s*clp$/i, "");
  s = s.replace(/(?<=\d)\s*[.,]?-$/, "");
  // Space-grouped thousands: 1 500 000 (regular, no-break, narrow or thin spaces; cleanText made them plain).
  if (/\s/.test(s)) {
    if (!/^\d{1,3}( \d{3})+(,\d+)?$/.test(s)) return undefined;
    s = s.replace(/ /g, "");
  }
  let value: number;
  if (/^\d+$/.test(s)) {
    value = Number(s);
  } else if (/^[1-9]\d{0,2}(\.\d{3})+$/.test(s)) {
    value = Number(s.replace(/\./g, ""));
  } else if (/^(\d+|[1-9]\d{0,2}(\.\d{3})+)?,\d+$/.test(s)) {
    const [int, dec] = s.split(",");
    value = Number(`${int.replace(/\./g, "") || "0"}.${dec}`);
  } else if (/^\d+\.\d+$/.test(s) && !/^\d+\.\d{3}$/.test(s)) {
    value = Number(s);
  } else {
    return undefined;
  }
  if (!Number.isFinite(value)) return undefined;
  return negative && value !== 0 ? -value : value;
}
