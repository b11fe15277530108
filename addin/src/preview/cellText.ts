import { format as formatNumber } from "numfmt";
import { requireRange, type CellValue } from "@coop-plans/shared/workbook";

/**
 * The text Excel (in es-CL) shows for a cell: numbers through the cell's number format code
 * (`"$"#,##0` → `$1.234.567`, `0.0%` → `12,5%`, `dd-mm-yyyy` on a date serial → `31-03-2026`,
 * `General` → `1234,5`), booleans as VERDADERO / FALSO, text as it is, empty as "". A format code
 * numfmt cannot read falls back to General (never an exception: the preview is for looking).
 * @param value the grid value (number, string, boolean or null)
 * @param numberFormat the cell's format code; `General` when absent
 */
export function cellText(value: CellValue | undefined, numberFormat = "General"): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "VERDADERO" : "FALSO";
  if (typeof value === "string") return value;
  try {
    return formatNumber(numberFormat || "General", value, { locale: "es-CL" });
  } catch {
    return formatNumber("General", value, { locale: "es-CL" });
  }
}

/**
 * Expands a sheet write's number formats by A1 range (`[{ range: "H5:K7", format: '"$"#,##0' }]`)
 * into a per-cell matrix the size of `values` (rows × columns, `General` where no range applies;
 * a later range wins over an earlier one, as successive writes in Excel do).
 */
export function numberFormatMatrix(values: CellValue[][], formats: { range: string; format: string }[]): string[][] {
  const matrix = values.map((row) => row.map(() => "General"));
  for (const { range, format } of formats) {
    const cells = requireRange(range);
    for (let r = cells.top - 1; r < Math.min(cells.bottom, matrix.length); r++) {
      const row = matrix[r];
      for (let c = cells.left - 1; c < Math.min(cells.right, row.length); c++) row[c] = format;
    }
  }
  return matrix;
}
