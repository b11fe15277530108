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
