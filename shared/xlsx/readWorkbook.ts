import type { WorkbookGrids } from "../workbook/grid";

/**
 * Reads .xlsx bytes into grids. Throws `WorkbookReadError` (Spanish message, code) when the
 * bytes are not a readable workbook. STUB: replaced by the ExcelJS adapter.
 */
export async function readWorkbookGrids(bytes: Uint8Array): Promise<WorkbookGrids> {
  void bytes;
  throw new Error("readWorkbookGrids: not implemented yet");
}
