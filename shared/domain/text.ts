/**
 * Longest text a plan field may hold (names, descriptions, observations): 2,000 characters. A limit
 * of this system, not of the program's bases: the API refuses longer text (shared/api
 * checkTextLimits) and the reader reports it on its cell first (PARSE-028).
 */
export const MAX_PLAN_TEXT_CHARS = 2000;

/**
 * Label normalisation shared by the workbook parser and the catalogue matcher
 * (parsing contract, "Headers"): NFD without accents, lower case, `º`/`°` as `o`, units in
 * parentheses, punctuation and line breaks removed, spaces collapsed.
 * `"Valor unitario ($)"` → `"valor unitario"`, `"Actividad\nN°"` → `"actividad no"`.
 */
export function normalizeLabel(text: string): string {
  return text
    .replace(/[º°]/g, "o")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/[^a-z0-9ñ\s]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
