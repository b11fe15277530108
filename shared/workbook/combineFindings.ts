import type { Finding } from "../domain";
import { orderFindings } from "../findings";
import { MISSING_VALUE_RULE_IDS } from "../rules/rule";

/** `Sheet!A1` of a finding located to a cell; undefined when it has no sheet or no cell. */
function cellKey(finding: Finding): string | undefined {
  const { sheet, cell } = finding.location;
  return sheet !== undefined && cell ? `${sheet}!${cell}` : undefined;
}

/**
 * The one list of findings a reader shows for a workbook (CLI `validate`, the add-in's Validar):
 * the parser's findings and the rules' findings on the plan it read, with one finding per cell.
 * A cell the parser could not read (an error-severity parse finding on it: money as text, a bad
 * date, `#REF!`…) reaches the rules as null, so a rule finding of the "missing value" kind
 * (`MISSING_VALUE_RULE_IDS`: PLAN-002 «Falta…», ACT-001, RES-001…) on that same cell is dropped:
 * the parse finding already says what is wrong and what to write. Findings on other cells, and
 * every other rule's findings, are kept.
 *
 * Ordered errors first, then warnings, then notices; within a severity, parse findings before rule
 * findings, each in its own order (stable, `orderFindings`). Pure; the inputs are not modified.
 */
export function combineFindings(parseFindings: readonly Finding[], ruleFindings: readonly Finding[]): Finding[] {
  const unreadCells = new Set<string>();
  for (const f of parseFindings) {
    if (f.severity !== "error") continue;
    const key = cellKey(f);
    if (key) unreadCells.add(key);
  }
  const kept = ruleFindings.filter((f) => {
    if (!MISSING_VALUE_RULE_IDS.has(f.ruleId)) return true;
    const key = cellKey(f);
    return key === undefined || !unreadCells.has(key);
  });
  return orderFindings([...parseFindings, ...kept]);
}
