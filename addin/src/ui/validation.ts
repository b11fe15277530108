import type { Finding, Plan, Severity } from "@coop-plans/shared/domain";
import { combineFindings, parseWorkbook, type WorkbookGrids } from "@coop-plans/shared/workbook";
import { validatePlan } from "@coop-plans/shared/rules";

/** What one Validar run found: the plan read (when the parser produced one) and every finding. */
export interface ValidationOutcome {
  plan: Plan | null;
  findings: Finding[];
}

const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Parses the grids and checks the plan with the program rules (the same code the server runs);
 * never throws: an unexpected failure becomes one Spanish error finding.
 */
export function validateGrids(grids: WorkbookGrids, asOf?: string): ValidationOutcome {
  try {
    const { plan, findings } = parseWorkbook(grids);
    return { plan, findings: combineFindings(findings, validatePlan(plan, asOf ? { asOf } : {})) };
  } catch (error) {
    return {
      plan: null,
      findings: [{ ruleId: "APP-001", severity: "error", message: `No se pudo revisar el libro: ${(error as Error).message}`, location: {} }],
    };
  }
}

/** Findings of one sheet (or "Sin hoja" for findings not tied to a sheet), errors first. */
export interface FindingGroup {
  sheet: string;
  findings: Finding[];
  errors: number;
}

/** Orders `B7` before `A10` by row then column. */
function cellOrder(cell: string | undefined): number {
  const m = cell ? /^([A-Z]+)(\d+)$/.exec(cell) : null;
  if (!m) return 0;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return Number(m[2]) * 100000 + col;
}

/**
 * Groups findings by sheet: within a sheet errors before warnings before notices, then by cell;
 * sheets with errors first, otherwise in the order they first appear.
 */
export function groupFindings(findings: Finding[]): FindingGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const sheet = f.location.sheet ?? "Sin hoja";
    groups.set(sheet, [...(groups.get(sheet) ?? []), f]);
  }
  return [...groups.entries()]
    .map(([sheet, list], index) => ({
      sheet,
      index,
      findings: [...list].sort((a, b) => rank[a.severity] - rank[b.severity] || cellOrder(a.location.cell) - cellOrder(b.location.cell)),
      errors: list.filter((f) => f.severity === "error").length,
    }))
    .sort((a, b) => Number(b.errors > 0) - Number(a.errors > 0) || a.index - b.index)
    .map(({ sheet, findings: list, errors }) => ({ sheet, findings: list, errors }));
}

/** Counts by severity. */
export function countFindings(findings: Finding[]): Record<Severity, number> {
  return {
    error: findings.filter((f) => f.severity === "error").length,
    warning: findings.filter((f) => f.severity === "warning").length,
    info: findings.filter((f) => f.severity === "info").length,
  };
}
