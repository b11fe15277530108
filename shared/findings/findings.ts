import * as z from "zod";
import type { Finding, Severity } from "../domain";
import { parseA1 } from "../workbook/a1";

/**
 * The one place findings are ordered, counted and grouped: the rules, the workbook check, the
 * server's re-validation, the CLI tables, the pane's list and the cell marks all use it.
 */

/** Severity rank: errors first (0), then warnings (1), then notices (2). */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Findings errors first, then warnings, then notices; stable within a severity (each source's own
 * order is kept: parse before rules, rule order, record order). Pure: returns a new array.
 */
export function orderFindings<T extends Pick<Finding, "severity">>(findings: readonly T[]): T[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

/** The worst severity among findings (`error` before `warning` before `info`); null when there are none. */
export function worstSeverity(findings: readonly Pick<Finding, "severity">[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of findings) if (worst === null || SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

/** How many findings of each severity a plan has (API summaries, stored revisions, CLI, pane). */
export const FindingCounts = z.object({
  error: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});
export type FindingCounts = z.infer<typeof FindingCounts>;

/** Counts findings by severity: `{ error, warning, info }`. */
export function countFindings(findings: readonly Pick<Finding, "severity">[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** The sheet name under which findings not tied to a sheet are grouped. */
export const NO_SHEET_GROUP = "Sin hoja";

/** Findings of one sheet (or `Sin hoja`), as the pane lists them. */
export interface FindingGroup {
  sheet: string;
  findings: Finding[];
  /** How many of them are errors. */
  errors: number;
}

/** Reading order of a cell: row, then column (`B7` before `A10`); 0 for no cell or a field path. */
function cellOrder(cell: string | undefined): number {
  const at = cell ? parseA1(cell) : undefined;
  return at ? at.row * 100_000 + at.col : 0;
}

/**
 * Groups findings by sheet: within a sheet errors before warnings before notices, then by cell
 * (row, then column; findings without a cell first, in their order); sheets with errors first,
 * otherwise in the order they first appear. Pure.
 */
export function groupFindingsBySheet(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const sheet = f.location.sheet ?? NO_SHEET_GROUP;
    const list = groups.get(sheet);
    if (list) list.push(f);
    else groups.set(sheet, [f]);
  }
  return [...groups.entries()]
    .map(([sheet, list], index) => ({
      sheet,
      index,
      findings: list
        .map((f, i) => ({ f, i }))
        .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity]
          || cellOrder(a.f.location.cell) - cellOrder(b.f.location.cell) || a.i - b.i)
        .map(({ f }) => f),
      errors: list.filter((f) => f.severity === "error").length,
    }))
    .sort((a, b) => Number(b.errors > 0) - Number(a.errors > 0) || a.index - b.index)
    .map(({ sheet, findings: list, errors }) => ({ sheet, findings: list, errors }));
}

/**
 * The findings of `server` that no finding of `local` matches by rule and message: what the server
 * added to the local check (PLAN-003/004 compare the plan with the registered cooperative, which
 * only the server knows). Order of `server` kept. Pure.
 */
export function findingsAddedBy(server: readonly Finding[], local: readonly Finding[]): Finding[] {
  const seen = new Set(local.map((f) => `${f.ruleId}\u0000${f.message}`));
  return server.filter((f) => !seen.has(`${f.ruleId}\u0000${f.message}`));
}
