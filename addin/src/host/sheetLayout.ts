import type { CellValue, TemplateSheet, TemplateWorkbook } from "@coop-plans/shared/workbook";
import type { SheetBlock } from "./WorkbookHost";
import { EXCEL_FORMATS } from "@coop-plans/shared/format";
import { blockAddress, columnLetters, formatA1, rangeSize, requireRange } from "@coop-plans/shared/workbook";

/** CLP format: whole pesos with thousands separators (es-CL shows `$ 1.500.000`). */
export const CLP_FORMAT = EXCEL_FORMATS.clp;
/** Percentage format for fractions 0–1, one decimal. */
export const PERCENT_FORMAT = EXCEL_FORMATS.percent;

/**
 * Everything a host writes into one new sheet: rectangular values (top-left A1), number formats,
 * dropdown lists, bold rows, frozen rows, column widths (characters) and an optional chart.
 */
export interface SheetWrite {
  name: string;
  values: CellValue[][];
  numberFormats: { range: string; format: string }[];
  /** Dropdown lists; `open` ones (Cargo, Eje, Tipo, Género) only suggest (Information alert). */
  validations: { range: string; list: string[]; open?: boolean }[];
  /** 1-based rows written bold (titles and headers). */
  boldRows: number[];
  frozenRows: number;
  columnWidths: number[];
  /** A chart over an A1 range of this sheet (categories in its first column). */
  chart?: { range: string; title: string };
}

/** Pads ragged rows with nulls so the values form a rectangle (Office writes need exact sizes). */
export function rectangular(values: CellValue[][]): CellValue[][] {
  const width = Math.max(1, ...values.map((r) => r.length));
  return values.map((r) => (r.length === width ? r : [...r, ...Array<CellValue>(width - r.length).fill(null)]));
}

/** The write of one template sheet, as the template defines it (header row bold). */
export function templateSheetWrite(sheet: TemplateSheet): SheetWrite {
  return {
    name: sheet.name,
    values: rectangular(sheet.values.length > 0 ? sheet.values : [[null]]),
    numberFormats: sheet.numberFormats,
    validations: sheet.validations,
    boldRows: sheet.frozenRows > 0 ? [sheet.frozenRows] : [1],
    frozenRows: sheet.frozenRows,
    columnWidths: sheet.columnWidths,
  };
}

/** Shifts an A1 range down by `rows` rows (`H2:K500` + 3 → `H5:K503`). */
export function shiftRange(range: string, rows: number): string {
  const r = requireRange(range);
  const { rows: height, columns } = rangeSize(r);
  return blockAddress({ row: r.top + rows, col: r.left }, height, columns);
}

/**
 * Stacks every sheet of a rendered workbook into ONE sheet (each under a bold title row with the
 * sheet's name, a blank row between), keeping number formats; used to show the server's version
 * of a plan beside the user's own sheets without touching them.
 */
export function stackedTemplateWrite(name: string, title: string, template: TemplateWorkbook): SheetWrite {
  const values: CellValue[][] = [[title]];
  const numberFormats: SheetWrite["numberFormats"] = [];
  const boldRows = [1];
  for (const sheet of template.sheets) {
    values.push([]);
    values.push([sheet.name]);
    boldRows.push(values.length);
    const offset = values.length;
    values.push(...sheet.values);
    if (sheet.frozenRows > 0) boldRows.push(offset + sheet.frozenRows);
    for (const nf of sheet.numberFormats) numberFormats.push({ range: shiftRange(nf.range, offset), format: nf.format });
  }
  const widths = template.sheets.reduce<number[]>((acc, s) => s.columnWidths.map((w, i) => Math.max(w, acc[i] ?? 0)), []);
  return { name, values: rectangular(values), numberFormats, validations: [], boldRows, frozenRows: 0, columnWidths: widths };
}

/**
 * Lays blocks out in one sheet: the title in A1, then each block as a bold title row, a bold header
 * row and its rows, with a blank row between blocks; CLP and percentage columns (and single
 * cells, `cellFormats`) formatted; the
 * chart (if any) covers the header and rows of its block.
 */
export function blocksSheetWrite(name: string, title: string, blocks: SheetBlock[], chart?: { block: number; seriesColumns: number[]; title: string }): SheetWrite {
  const values: CellValue[][] = [[title]];
  const numberFormats: SheetWrite["numberFormats"] = [];
  const boldRows = [1];
  let chartRange: string | undefined;
  blocks.forEach((block, index) => {
    values.push([]);
    values.push([block.title]);
    boldRows.push(values.length);
    values.push(block.header);
    const headerRow = values.length;
    boldRows.push(headerRow);
    values.push(...block.rows);
    const n = block.rows.length;
    if (n > 0) {
      for (const c of block.moneyColumns ?? []) numberFormats.push({ range: blockAddress({ row: headerRow + 1, col: c + 1 }, n, 1), format: CLP_FORMAT });
      for (const c of block.percentColumns ?? []) numberFormats.push({ range: blockAddress({ row: headerRow + 1, col: c + 1 }, n, 1), format: PERCENT_FORMAT });
      for (const f of block.cellFormats ?? []) {
        numberFormats.push({ range: formatA1(headerRow + 1 + f.row, f.column + 1), format: f.kind === "clp" ? CLP_FORMAT : PERCENT_FORMAT });
      }
    }
    if (chart && chart.block === index && n > 0) {
      // Categories (first column) plus contiguous series columns: the chart range spans them.
      const last = Math.max(...chart.seriesColumns) + 1;
      chartRange = `${formatA1(headerRow, 1)}:${columnLetters(last)}${headerRow + n}`;
    }
  });
  const width = Math.max(...values.map((r) => r.length));
  return {
    name,
    values: rectangular(values),
    numberFormats,
    validations: [],
    boldRows,
    frozenRows: 0,
    columnWidths: Array.from({ length: width }, (_, i) => (i === 0 ? 34 : 16)),
    chart: chart && chartRange ? { range: chartRange, title: chart.title } : undefined,
  };
}

/** Excel's sheet-name rules: at most 31 characters, none of `\ / ? * [ ] :`. */
export function safeSheetName(name: string): string {
  return name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31).trim();
}

/** `base`, or `base (2)`, `base (3)`… whichever is free among `taken` (case-insensitive). */
export function uniqueSheetName(base: string, taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  const clean = safeSheetName(base);
  if (!lower.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = clean.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
