/** Characters `cleanText` turns into plain spaces. */
const ODD_SPACES = /[\u00a0\u202f\u2007\u2009]/;
const ODD_SPACES_ALL = /[\u00a0\u202f\u2007\u2009]/g;
/** A space `cleanText` trims at either end. */
const EDGE_SPACE = /[\s\u200b\ufeff]/;
const EDGE_SPACES = /^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g;

/**
 * Trims every kind of space at both ends (regular, no-break, narrow no-break, figure space,
 * zero-width, BOM) and turns inner runs of no-break spaces into plain spaces.
 */
export function cleanText(text: string): string {
  // Most cells need nothing: no odd space inside and no space at either end.
  if (text === "" || (!EDGE_SPACE.test(text[0]) && !EDGE_SPACE.test(text[text.length - 1]) && !ODD_SPACES.test(text))) {
    return text;
  }
  return text.replace(ODD_SPACES_ALL, " ").replace(EDGE_SPACES, "");
}
