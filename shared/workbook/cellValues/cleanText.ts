/**
 * Trims every kind of space at both ends (regular, no-break, narrow no-break, figure space,
 * zero-width, BOM) and turns inner runs of no-break spaces into plain spaces.
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2007\u2009]/g, " ")
    .replace(/^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g, "");
}
