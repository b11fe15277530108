import type { Finding, Plan } from "../domain";
import type { FindingCounts } from "../findings";
import { countFindings } from "../findings";
import type { PlanTotals } from "../rules/totals";
import { checkPlan, type ValidateOptions } from "../rules/validatePlan";
import type { PackId } from "../rules/calls/rulePack";
import { combineFindings } from "./combineFindings";
import type { WorkbookGrids } from "./grid";
import { parseWorkbook } from "./parseWorkbook";

/** What checking a workbook gives: the plan read, every finding (ordered), their counts and the plan's totals. */
export interface WorkbookCheck {
  plan: Plan;
  /** Parse and rule findings, one per cell (`combineFindings`), errors first (`orderFindings`). */
  findings: Finding[];
  counts: FindingCounts;
  /** `planTotals` of the plan read, under the call the rules used. */
  totals: PlanTotals;
  /** The rule pack the plan was checked under (`{ year, version }`); null when the plan names no year. */
  pack: PackId | null;
}

/**
 * Checks a workbook the way every reader does (CLI `validate`, the add-in's Validar): grids →
 * `parseWorkbook` → `checkPlan` (the rules the server re-runs on save) → `combineFindings`, with
 * the findings counted and the totals summed by the shared modules. `options` as `checkPlan`
 * (`asOf` ISO date, default today in America/Santiago; `call` to override the plan's own call).
 * Pure; throws only on programming errors (an `asOf` that is not an ISO date), never on bad data.
 */
export function checkWorkbook(grids: WorkbookGrids, options: ValidateOptions = {}): WorkbookCheck {
  const parsed = parseWorkbook(grids);
  const checked = checkPlan(parsed.plan, options);
  const findings = combineFindings(parsed.findings, checked.findings);
  return { plan: parsed.plan, findings, counts: countFindings(findings), totals: checked.totals, pack: checked.pack };
}
