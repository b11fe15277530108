/**
 * Excel number formats for the sheets the product writes (the CLI's .xlsx reports with ExcelJS,
 * the pane's sheets through Office.js): one set, so a figure reads the same in both.
 * `percent` expects a fraction 0–1 and keeps one decimal (2,4 %, not 2 %: a share compared
 * against a 2 % minimum must show which side it is on); `date` expects an Excel serial.
 */
export const EXCEL_FORMATS = {
  text: "@",
  clp: '"$"#,##0',
  integer: "#,##0",
  percent: "0.0%",
  date: "dd-mm-yyyy",
} as const;
