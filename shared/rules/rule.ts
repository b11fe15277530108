import type { Finding, Location, Modality, Plan, Severity } from "../domain";
import type { CallParameters, Confirmed } from "./calls";
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

/** What a referential figure's finding says (rules.md, "Severity follows the evidence"). */
export const REFERENTIAL_FIGURE_NOTE = "cifra referencial: no confirmada en las bases de la convocatoria";

/**
 * Whether a figure is confirmed for a modality: `confirmed` is one flag or one per modality; with
 * per-modality flags and no modality known, only a figure confirmed for both counts as confirmed.
 */
export function isConfirmed(figure: { confirmed: Confirmed }, modality: Modality | null): boolean {
  const c = figure.confirmed;
  if (typeof c === "boolean") return c;
  return modality ? c[modality] : c.creacion && c.fortalecimiento;
}

/**
 * A finding of `rule` whose limit is `figure`: with the rule's severity when the figure is
 * confirmed (for the plan's modality); otherwise at most a warning, its message ending with
 * « — cifra referencial: no confirmada en las bases de la convocatoria.» (severity by evidence).
 */
export function evidenceFindingOf(
  rule: Pick<Rule, "id" | "severity">,
  figure: { confirmed: Confirmed },
  modality: Modality | null,
  message: string,
  location: Location,
  figures: FindingFigures = {},
): Finding {
  if (isConfirmed(figure, modality)) return findingOf(rule, message, location, figures);
  const severity: Severity = rule.severity === "error" ? "warning" : rule.severity;
  return findingOf({ id: rule.id, severity }, `${message.replace(/\.$/, "")} — ${REFERENTIAL_FIGURE_NOTE}.`, location, figures);
}

/**
 * A finding about the execution period (ACT-002, HITO-001): when the period's end was computed from
 * the call's months (no Fecha de término in the workbook), its severity follows that figure's
 * evidence; when the workbook gives the end, the rule's own severity.
 */
export function periodFindingOf(
  rule: Pick<Rule, "id" | "severity">,
  ctx: Pick<RuleContext, "call" | "modality" | "period">,
  message: string,
  location: Location,
  figures: FindingFigures = {},
): Finding {
  if (ctx.call && ctx.period && !ctx.period.endGiven) {
    return evidenceFindingOf(rule, ctx.call.executionMonths, ctx.modality, message, location, figures);
  }
  return findingOf(rule, message, location, figures);
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
 * HITO-002 (done date, verifier), COOP-006 (sales), COOP-005 (RUT), INV-010 (Actividad N°),
 * INV-013 (supplier, quotes), SEG-001 (topics, agreements), SEG-004 (awarded amount). A cell the
 * parser could not read reaches the rules as null, so on such a cell these rules can only repeat
 * the parse error: `combineFindings` (shared/workbook) drops them there.
 */
export const MISSING_VALUE_RULE_IDS: ReadonlySet<string> = new Set([
  "PLAN-001", "PLAN-002", "ACT-001", "RES-001", "HITO-002", "COOP-005", "COOP-006", "INV-010", "INV-013", "SEG-001", "SEG-004",
]);
