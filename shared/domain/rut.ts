/**
 * Chilean RUT (Rol Único Tributario) helpers: canonical form and the módulo 11 check digit.
 * Canonical form: body without dots or leading zeros, a dash, upper-case check digit (`15110178-K`).
 */

/**
 * Normalises a RUT as people type it (`76.123.456-7`, `76123456-7`, `761234567`, lower-case `k`,
 * spaces) to the canonical form. Returns null when the text cannot be a RUT (letters, too short or
 * too long); the check digit is NOT verified here (see `isValidRut`).
 */
export function normalizeRut(input: string | number): string | null {
  const text = String(input).trim().toUpperCase().replace(/[.\s\u00a0]/g, "");
  const m = /^(\d{1,9})-?([\dK])$/.exec(text);
  if (!m) return null;
  const body = m[1].replace(/^0+(?=\d)/, "");
  if (body.length < 6 && !text.includes("-")) return null;
  return `${body}-${m[2]}`;
}

/** The módulo 11 check digit of a RUT body (digits only): `"0"`–`"9"` or `"K"`. */
export function rutCheckDigit(body: string): string {
  let sum = 0;
  let factor = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    sum += Number(body[i]) * factor;
    factor = factor === 7 ? 2 : factor + 1;
  }
  const dv = 11 - (sum % 11);
  return dv === 11 ? "0" : dv === 10 ? "K" : String(dv);
}

/** True when a RUT (any accepted form) has the right módulo 11 check digit. */
export function isValidRut(input: string): boolean {
  const canonical = normalizeRut(input);
  if (!canonical) return false;
  const [body, dv] = canonical.split("-");
  return rutCheckDigit(body) === dv;
}

/** A RUT with thousands dots for people to read: `15110178-K` → `15.110.178-K`. */
export function formatRut(canonical: string): string {
  const [body, dv] = canonical.split("-");
  return `${body.replace(/\B(?=(\d{3})+(?!\d))/g, ".")}-${dv}`;
}
