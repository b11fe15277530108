import type ExcelJS from "exceljs";

let loading: Promise<typeof ExcelJS> | undefined;

/**
 * The exceljs module, loaded on first use and shared after. exceljs is 2.5 MB of code: importing
 * it eagerly made every start of the bundled CLI (even `--version`) and of the preview page pay for
 * it; the writers and readers of this folder are async and call this instead.
 * @returns exceljs's default export (`Workbook`, `ValueType`, …), the same object on every call.
 */
export function loadExcelJs(): Promise<typeof ExcelJS> {
  loading ??= import("exceljs").then((mod) => ((mod as { default?: typeof ExcelJS }).default ?? mod) as typeof ExcelJS);
  return loading;
}
