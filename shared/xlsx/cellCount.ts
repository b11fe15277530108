/**
 * Counts the cells a worksheet part will make the reader build, from its XML bytes, in one linear
 * pass (no XML parser): how the reader refuses a sheet of millions of tiny cells before SheetJS
 * materialises them (READ_LIMITS.cells).
 */

const LT = 0x3c; // <
const SLASH = 0x2f;
const GT = 0x3e;
const COLON = 0x3a;
const C = 0x63; // c

function isNameByte(b: number): boolean {
  return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === COLON || b === 0x5f || b === 0x2d || b === 0x2e;
}

/**
 * SpreadsheetML cells: start tags whose local name is `c` (`<c r="A1">`, `<x:c>`), in a worksheet
 * part of an .xlsx (Transitional or Strict, any namespace prefix).
 */
export function countXlsxCells(xml: Uint8Array): number {
  let count = 0;
  const n = xml.length;
  for (let i = xml.indexOf(LT); i >= 0 && i < n; i = xml.indexOf(LT, i + 1)) {
    let j = i + 1;
    if (xml[j] === SLASH) continue;
    const start = j;
    let colon = -1;
    while (j < n && isNameByte(xml[j])) {
      if (xml[j] === COLON) colon = j;
      j++;
    }
    const localStart = colon >= 0 ? colon + 1 : start;
    if (j - localStart === 1 && xml[localStart] === C) {
      const after = xml[j];
      if (after === GT || after === SLASH || after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d) count++;
    }
  }
  return count;
}

const ODS_ROW = /<table:table-row\b([^>]*)>|<table:table-cell\b([^>]*?)(\/?)>|<\/table:table-row>/g;
const ROWS_REPEATED = /table:number-rows-repeated="(\d+)"/;
const COLUMNS_REPEATED = /table:number-columns-repeated="(\d+)"/;

/**
 * OpenDocument cells as SheetJS materialises them from `content.xml`: each table-cell with content
 * counts its columns-repeated times its row's rows-repeated (an empty self-closing cell counts
 * once). An upper bound; linear in the XML.
 */
export function countOdsCells(xml: Uint8Array): number {
  const text = new TextDecoder("latin1").decode(xml);
  let count = 0;
  let rowRepeat = 1;
  for (const m of text.matchAll(ODS_ROW)) {
    if (m[0].startsWith("</")) {
      rowRepeat = 1;
    } else if (m[1] !== undefined) {
      rowRepeat = Number(ROWS_REPEATED.exec(m[1])?.[1] ?? 1) || 1;
    } else {
      const columns = Number(COLUMNS_REPEATED.exec(m[2] ?? "")?.[1] ?? 1) || 1;
      count += m[3] === "/" ? 1 : columns * rowRepeat;
    }
  }
  return count;
}
