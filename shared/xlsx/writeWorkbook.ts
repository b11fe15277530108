import type ExcelJS from "exceljs";
import { loadExcelJs } from "./loadExcelJs";
import type { TemplateSheet, TemplateValidation, TemplateWorkbook } from "../workbook/template";
import { columnLetters, requireRange } from "../workbook/a1";

/** Excel's limit on an inline list validation formula (`"a,b,c"`), in characters. */
const INLINE_LIST_LIMIT = 255;
/** Name of the very hidden sheet that holds lists too long to write inline. */
export const LISTS_SHEET_NAME = "_listas";

/**
 * Writes a rendered standard workbook (`renderWorkbook` of shared/workbook) to .xlsx bytes:
 * values, bold header row (the frozen row, or row 1), frozen header rows, column widths (in
 * characters), number formats by range (CLP `"$"#,##0`, dates `dd-mm-yyyy`) and dropdown lists
 * (list data validations; a list longer than Excel's 255-character inline limit goes to a very
 * hidden `_listas` sheet and is referenced from there). An open list's validation has an
 * Information alert (it suggests, never stops a value); the others a Warning alert.
 * @throws Error only on an invalid A1 range in the template (a programming error).
 */
export async function writeWorkbook(template: TemplateWorkbook): Promise<Uint8Array> {
  const workbook = new (await loadExcelJs()).Workbook();
  workbook.creator = "coop-plans";
  const longLists: string[][] = [];
  for (const sheet of template.sheets) writeSheet(workbook, sheet, longLists);
  if (longLists.length > 0) {
    const lists = workbook.addWorksheet(LISTS_SHEET_NAME, { state: "veryHidden" });
    longLists.forEach((list, i) => list.forEach((item, r) => (lists.getCell(r + 1, i + 1).value = item)));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: TemplateSheet, longLists: string[][]): void {
  const ws = workbook.addWorksheet(sheet.name, {
    views: sheet.frozenRows > 0 ? [{ state: "frozen", xSplit: 0, ySplit: sheet.frozenRows }] : [],
  });
  sheet.values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== null && value !== "") ws.getCell(r + 1, c + 1).value = value;
    });
  });
  const headerRow = sheet.frozenRows > 0 ? sheet.frozenRows : 1;
  if (sheet.values.length >= headerRow) ws.getRow(headerRow).font = { bold: true };
  sheet.columnWidths.forEach((width, c) => {
    if (width > 0) ws.getColumn(c + 1).width = width;
  });
  for (const { range, format } of sheet.numberFormats) applyToRange(ws, range, (cell) => (cell.numFmt = format));
  for (const validation of sheet.validations) addListValidation(ws, validation, longLists);
}

function applyToRange(ws: ExcelJS.Worksheet, range: string, apply: (cell: ExcelJS.Cell) => void): void {
  const r = requireRange(range);
  for (let row = r.top; row <= r.bottom; row++) {
    for (let col = r.left; col <= r.right; col++) apply(ws.getCell(row, col));
  }
}

function addListValidation(ws: ExcelJS.Worksheet, validation: TemplateValidation, longLists: string[][]): void {
  const inline = `"${validation.list.map((v) => v.replace(/"/g, '""')).join(",")}"`;
  let formula = inline;
  if (inline.length > INLINE_LIST_LIMIT || validation.list.some((v) => v.includes(","))) {
    longLists.push(validation.list);
    const col = columnLetters(longLists.length);
    formula = `${LISTS_SHEET_NAME}!$${col}$1:$${col}$${validation.list.length}`;
  }
  // `dataValidations` exists on exceljs 4.4.0 worksheets but is missing from its typings.
  // An open list only suggests: an Information alert lets the gestor keep any value.
  const alert = validation.open
    ? { errorStyle: "information", errorTitle: "Valor fuera de la lista habitual", error: "Puede usar otro valor: la lista solo sugiere los habituales." }
    : { errorStyle: "warning", errorTitle: "Valor fuera de la lista", error: "Elija un valor de la lista desplegable." };
  (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(validation.range.replace(/\$/g, ""), {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    ...alert,
  });
}
