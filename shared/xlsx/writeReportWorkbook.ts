import type ExcelJS from "exceljs";
import { loadExcelJs } from "./loadExcelJs";
import type { CellValue } from "../workbook/grid";
import { columnLetters } from "../workbook/a1";
import { EXCEL_FORMATS } from "../format/excelFormats";

/** How a report column's numbers are shown. */
export type ReportColumnKind = "text" | "clp" | "integer" | "percent" | "date";

/** Excel number format of each column kind (`percent` expects fractions 0–1; `date` serials). */
export const REPORT_FORMATS: Record<ReportColumnKind, string> = EXCEL_FORMATS;

/** A column of a report table: its Spanish header, kind and width in characters. */
export interface ReportColumn {
  header: string;
  kind?: ReportColumnKind;
  width?: number;
}

/**
 * A label/value line of a report's summary block: the label in column A, the value in column B
 * formatted by `kind`; a `heading` line (bold, no value) starts a group.
 */
export interface ReportFact {
  label: string;
  value: CellValue;
  kind?: ReportColumnKind;
  heading?: boolean;
}

/** A further table of a report sheet, below the main one: bold title row, bold header, rows, optional bold total. */
export interface ReportTable {
  title: string;
  columns: ReportColumn[];
  rows: CellValue[][];
  totalRow?: CellValue[];
}

/** Print setup of a report sheet (A4): landscape orientation and/or fit all columns to one page wide. */
export interface ReportPrint {
  landscape?: boolean;
  fitToWidth?: boolean;
}

/**
 * One report sheet: an optional title row, then a table (bold frozen header, formatted columns).
 * A printable sheet may add, all optional: `facts` (a label/value block between the title and the
 * table), `tableTitle` (a bold row above the table's header), `tables` (more tables below) and
 * `print`; with facts or tables the header is not frozen and the table has no autofilter.
 */
export interface ReportSheet {
  name: string;
  title?: string;
  columns: ReportColumn[];
  rows: CellValue[][];
  /** A final row written in bold (e.g. `["Total", null, 12000000]`). */
  totalRow?: CellValue[];
  facts?: ReportFact[];
  tableTitle?: string;
  tables?: ReportTable[];
  print?: ReportPrint;
}

/** Writes a table's header (bold), body and bold total row from `headerRow`; formats columns by kind. Returns the last row written. */
function writeTable(ws: ExcelJS.Worksheet, headerRow: number, table: { columns: ReportColumn[]; rows: CellValue[][]; totalRow?: CellValue[] }): number {
  ws.getRow(headerRow).values = table.columns.map((c) => c.header);
  ws.getRow(headerRow).font = { bold: true };
  const body = table.totalRow ? [...table.rows, table.totalRow] : table.rows;
  body.forEach((row, i) => {
    row.forEach((value, c) => {
      if (value !== null && value !== "") ws.getCell(headerRow + 1 + i, c + 1).value = value;
    });
  });
  if (table.totalRow) ws.getRow(headerRow + body.length).font = { bold: true };
  table.columns.forEach((column, c) => {
    const kind = column.kind ?? "text";
    if (kind !== "text") {
      for (let r = headerRow + 1; r <= headerRow + body.length; r++) ws.getCell(r, c + 1).numFmt = REPORT_FORMATS[kind];
    }
  });
  return headerRow + body.length;
}

/** Writes the label/value block from `firstRow`; returns the last row written. */
function writeFacts(ws: ExcelJS.Worksheet, firstRow: number, facts: ReportFact[]): number {
  facts.forEach((fact, i) => {
    const row = firstRow + i;
    const label = ws.getCell(row, 1);
    label.value = fact.label;
    if (fact.heading) {
      label.font = { bold: true, size: 12 };
      return;
    }
    if (fact.value !== null && fact.value !== "") {
      const cell = ws.getCell(row, 2);
      cell.value = fact.value;
      if (fact.kind && fact.kind !== "text") cell.numFmt = REPORT_FORMATS[fact.kind];
      cell.alignment = { horizontal: "right" };
    }
  });
  return firstRow + facts.length - 1;
}

/**
 * Writes report sheets (consolidation, listings, the printable progress report) to .xlsx bytes:
 * title in bold on row 1 when given, then the optional label/value `facts`, then the table (its
 * optional bold `tableTitle`, the header row bold — and frozen, with an autofilter, when the
 * sheet has no facts or further tables), each column formatted by its kind (CLP `"$"#,##0`,
 * percentages from fractions, dates from serials), then the further `tables`, and the print
 * setup (A4, landscape, fit to one page wide) when asked.
 */
export async function writeReportWorkbook(sheets: ReportSheet[]): Promise<Uint8Array> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = "coop-plans";
  for (const sheet of sheets) {
    const printable = (sheet.facts?.length ?? 0) > 0 || (sheet.tables?.length ?? 0) > 0;
    const ws = workbook.addWorksheet(sheet.name);
    if (sheet.title) {
      ws.getCell(1, 1).value = sheet.title;
      ws.getCell(1, 1).font = { bold: true, size: 14 };
    }
    let next = sheet.title ? 3 : 1;
    if (sheet.facts && sheet.facts.length > 0) next = writeFacts(ws, next, sheet.facts) + 2;
    if (sheet.tableTitle) {
      ws.getCell(next, 1).value = sheet.tableTitle;
      ws.getCell(next, 1).font = { bold: true, size: 12 };
      next++;
    }
    const headerRow = next;
    const lastRow = writeTable(ws, headerRow, sheet);
    let after = lastRow;
    for (const table of sheet.tables ?? []) {
      const titleRow = after + 2;
      ws.getCell(titleRow, 1).value = table.title;
      ws.getCell(titleRow, 1).font = { bold: true, size: 12 };
      after = writeTable(ws, titleRow + 1, table);
    }
    const allColumns = [sheet.columns, ...(sheet.tables ?? []).map((t) => t.columns)];
    const width = Math.max(sheet.facts?.length ? 2 : 0, ...allColumns.map((cols) => cols.length));
    for (let c = 0; c < width; c++) {
      const widths = allColumns.map((cols) => cols[c]).filter((col): col is ReportColumn => !!col).map((col) => col.width ?? Math.max(10, col.header.length + 2));
      if (sheet.facts?.length) widths.push(c === 0 ? Math.max(12, ...sheet.facts.map((f) => f.label.length + 2)) : c === 1 ? 18 : 10);
      ws.getColumn(c + 1).width = Math.max(...widths);
    }
    if (!printable) {
      ws.views = [{ state: "frozen", xSplit: 0, ySplit: headerRow }];
      if (sheet.columns.length > 0) {
        ws.autoFilter = `A${headerRow}:${columnLetters(sheet.columns.length)}${headerRow + Math.max(lastRow - headerRow, 1)}`;
      }
    }
    if (sheet.print) {
      ws.pageSetup = {
        ...ws.pageSetup,
        paperSize: 9,
        orientation: sheet.print.landscape ? "landscape" : "portrait",
        ...(sheet.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      };
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
