import * as z from "zod";

/**
 * Where a finding points (parsing contract, "Locations"): the sheet name as the user wrote it,
 * the cell in A1 form without `$` (`J7`), or a field path for data that came from no workbook.
 */
export const Location = z.object({
  sheet: z.string().optional(),
  cell: z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/).optional(),
  field: z.string().optional(),
});
export type Location = z.infer<typeof Location>;

/**
 * Where a record came from: its sheet, its worksheet row (1-based) and the A1 cell of each field
 * that was read (`{ total: "I7" }`). Kept in the plan so rules run later (on the server) still
 * point to cells.
 */
export const RecordSource = z.object({
  sheet: z.string(),
  row: z.number().int().positive(),
  cells: z.record(z.string(), z.string()),
});
export type RecordSource = z.infer<typeof RecordSource>;

/**
 * Where a table or form sat in the workbook: sheet name as written, header row (1-based; 0 for a
 * form) and the A1 header cell of each field's column (`{ sercotecAmount: "J1" }`), which
 * aggregate findings point to.
 */
export const SheetSource = z.object({
  sheet: z.string(),
  headerRow: z.number().int().nonnegative(),
  headers: z.record(z.string(), z.string()),
});
export type SheetSource = z.infer<typeof SheetSource>;
