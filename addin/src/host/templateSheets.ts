import { WORKBOOK_LAYOUT, matchSheet } from "@coop-plans/shared/workbook";

/**
 * True when a sheet is one the parser reads: a sheet of the standard workbook's layout, by its name
 * or an accepted variant (case- and accent-insensitive: `Ficha` is the Cooperativa form), exactly as
 * `parseWorkbook` matches sheets. The pane reads only these.
 */
export function isTemplateSheet(name: string): boolean {
  return matchSheet(name, WORKBOOK_LAYOUT) !== undefined;
}
