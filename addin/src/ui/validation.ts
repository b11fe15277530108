import type { Finding, Plan } from "@coop-plans/shared/domain";
import type { RulePack } from "@coop-plans/shared/rules";
import { checkWorkbook, type WorkbookGrids } from "@coop-plans/shared/workbook";

/** What one Validar run found: the plan read (when the parser produced one) and every finding. */
export interface ValidationOutcome {
  plan: Plan | null;
  findings: Finding[];
  /** The rule pack the plan was checked under (absent when unknown). */
  pack?: { year: number; version: number } | null;
}

/**
 * Checks the grids with the core's `checkWorkbook` (the CLI's check; the rules the server runs)
 * under `packs`, the rule packs in force the pane keeps (rulePackCache; default the built-in
 * ones); never throws: an unexpected failure becomes one Spanish error finding.
 */
export function validateGrids(grids: WorkbookGrids, asOf?: string, packs?: readonly RulePack[]): ValidationOutcome {
  try {
    const { plan, findings, pack } = checkWorkbook(grids, { ...(asOf ? { asOf } : {}), ...(packs ? { packs } : {}) });
    return { plan, findings, pack };
  } catch (error) {
    return {
      plan: null,
      findings: [{ ruleId: "APP-001", severity: "error", message: `No se pudo revisar el libro: ${(error as Error).message}`, location: {} }],
    };
  }
}
