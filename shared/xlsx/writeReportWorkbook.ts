import ExcelJS from "exceljs";
import type { CellValue } from "../workbook/grid";
import { columnLetters } from "./a1";

/** How a report column's numbers are shown. */
export type ReportColumnKind = "text" | "clp" | "integer" | "percent" | "date";

/** Excel number format of each column kind (`percent` expects fractions 0–1; `date` serials). */
export const REPORT_FORMATS: Record<ReportColumnKind, string> = {
  text: "@",
  clp: '"$"#,##0',
  integer: "#,##0",
  percent: "0.0%",
  date: "dd-mm-yyyy",
};

/** A column of a report table: its Spanish header, kind and width in characters. */
export interface ReportColumn {
  header: string;
  kind?: ReportColumnKind;
  width?: number;
}

/** One report sheet: an optional title row, then a table (bold frozen header, formatted columns). */
export interface ReportSheet {
  name: string;
  title?: string;
  columns: ReportColumn[];
  rows: CellValue[][];
  /** A final row written in bold (e.g. `["Total", null, 12000000]`). */
  totalRow?: CellValue[];
}

/**
 * Writes report sheets (consolidation, listings) to .xlsx bytes: title in bold on row 1 when
 * given, the header row bold and frozen, each column formatted by its kind (CLP `"$"#,##0`,
 * percentages from fractions, dates from serials), autofilter on the table.
 */
export async function writeReportWorkbook(sheets: ReportSheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "coop-plans";
  for (const sheet of sheets) {
    const headerRow = sheet.title ? 3 : 1;
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", xSplit: 0, ySplit: headerRow }] });
    if (sheet.title) {
      ws.getCell(1, 1).value = sheet.title;
      ws.getCell(1, 1).font = { bold: true, size: 14 };
    }
    ws.getRow(headerRow).values = sheet.columns.map((c) => c.header);
    ws.getRow(headerRow).font = { bold: true };
    const body = sheet.totalRow ? [...sheet.rows, sheet.totalRow] : sheet.rows;
    body.forEach((row, i) => {
      row.forEach((value, c) => {
        if (value !== null && value !== "") ws.getCell(headerRow + 1 + i, c + 1).value = value;
      });
    });
    if (sheet.totalRow) ws.getRow(headerRow + body.length).font = { bold: true };
    sheet.columns.forEach((column, c) => {
      const col = ws.getColumn(c + 1);
      col.width = column.width ?? Math.max(10, column.header.length + 2);
      const kind = column.kind ?? "text";
      if (kind !== "text") {
        for (let r = headerRow + 1; r <= headerRow + body.length; r++) ws.getCell(r, c + 1).numFmt = REPORT_FORMATS[kind];
      }
    });
    if (sheet.columns.length > 0) {
      ws.autoFilter = `A${headerRow}:${columnLetters(sheet.columns.length)}${headerRow + Math.max(body.length, 1)}`;
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
