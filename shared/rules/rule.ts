import type { Finding, Location, Modality, Plan, Severity } from "../domain";
import type { CallParameters } from "./calls";
import type { ExecutionPeriod } from "./executionPeriod";
import type { PlanTotals } from "./totals";

/** What every rule sees: the plan, its call's parameters, the execution period and the as-of date. */
export interface RuleContext {
  plan: Plan;
  /** The call's parameters (region overrides applied); null when no call file exists (PLAN-001). */
  call: CallParameters | null;
  /** The plan's modality, or null when the plan names none (PLAN-001 reports it). */
  modality: Modality | null;
  /** Execution period, or null when the start date is missing. */
  period: ExecutionPeriod | null;
  /** The as-of date (ISO, America/Santiago) for SEG-002/003. */
  asOf: string;
  /** `planTotals(plan, call)`, computed once per run. */
  totals: PlanTotals;
}

/** A program rule: stable id, severity, one-line statement and a pure check. */
export interface Rule {
  id: string;
  severity: Severity;
  /** The rule as rules.md states it (English, for developers). */
  statement: string;
  check: (ctx: RuleContext) => Finding[];
}

/** Optional figures of a finding. */
export interface FindingFigures {
  found?: string | number | null;
  limit?: string | number | null;
}

/** Builds a finding of `rule` with its severity. */
export function findingOf(rule: Pick<Rule, "id" | "severity">, message: string, location: Location, figures: FindingFigures = {}): Finding {
  const finding: Finding = { ruleId: rule.id, severity: rule.severity, message, location };
  if (figures.found !== undefined) finding.found = figures.found;
  if (figures.limit !== undefined) finding.limit = figures.limit;
  return finding;
}

/** True when a value is missing: null, undefined or blank text. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Wraps a check that needs the call's parameters: without a call it finds nothing (PLAN-001 already reported). */
export function withCall(check: (ctx: RuleContext, call: CallParameters) => Finding[]): (ctx: RuleContext) => Finding[] {
  return (ctx) => (ctx.call ? check(ctx, ctx.call) : []);
}

/**
 * Rules that report a value as missing on its cell: PLAN-001/PLAN-002 («Falta…»), ACT-001, RES-001,
 * HITO-002 (done date, verifier), COOP-004 (sales), COOP-005 (RUT), INV-010 (Actividad N°),
 * INV-013 (supplier, quotes), SEG-001 (topics, agreements), SEG-004 (awarded amount). A cell the
 * parser could not read reaches the rules as null, so on such a cell these rules can only repeat
 * the parse error: `combineFindings` (shared/workbook) drops them there.
 */
export const MISSING_VALUE_RULE_IDS: ReadonlySet<string> = new Set([
  "PLAN-001", "PLAN-002", "ACT-001", "RES-001", "HITO-002", "COOP-004", "COOP-005", "INV-010", "INV-013", "SEG-001", "SEG-004",
]);
