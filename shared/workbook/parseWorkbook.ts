import type { Finding, Plan } from "../domain";
import type { WorkbookGrids } from "./grid";

/** What the parser returns: the plan as read and the findings of reading it (located to Sheet!A1). */
export interface ParseResult {
  plan: Plan;
  findings: Finding[];
}

/**
 * Parses the standard workbook's grids into a Plan plus parse findings (parsing contract of
 * standard-workbook.md). Never throws on bad input: everything wrong becomes a Spanish finding.
 * STUB: replaced by the workbook parser.
 */
export function parseWorkbook(grids: WorkbookGrids): ParseResult {
  void grids;
  throw new Error("parseWorkbook: not implemented yet");
}
