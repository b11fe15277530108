import type { Finding, Plan } from "../domain";
import { countFindings, orderFindings, type FindingCounts } from "../findings";
import { ACTION_RULES } from "./actionRules";
import { isCalendarDate, todayInSantiago } from "./calendarDate";
import { BUILTIN_PACKS, getCall, type CallLookup, type CallParameters, type PackId, type RulePack } from "./calls";
import { COOPERATIVE_RULES } from "./cooperativeRules";
import { executionPeriod } from "./executionPeriod";
import { FOLLOW_UP_RULES } from "./followUpRules";
import { INVESTMENT_RULES } from "./investmentRules";
import { MILESTONE_RULES } from "./milestoneRules";
import { PLAN_RULES, checkPlanCall } from "./planRules";
import { RESULT_RULES } from "./resultRules";
import type { Rule, RuleContext } from "./rule";
import { planTotals, type PlanTotals } from "./totals";

/** Options of a validation run. */
export interface ValidateOptions {
  /** The as-of date (ISO `YYYY-MM-DD`) for SEG-002/003; today in America/Santiago unless given. */
  asOf?: string;
  /** Parameters to use instead of the plan's own call (`getCall(callYear, regionCode, packs)`), e.g. an AOS override. */
  call?: CallParameters;
  /**
   * The rule packs in force (published packs, the CLI's or pane's cached ones, a draft tried with
   * `--rules`); default the built-in packs. The plan's year picks its pack; a year without one
   * gets the newest pack and PLAN-005.
   */
  packs?: readonly RulePack[];
}

/** Every rule after PLAN-001, in report order (one file per group). */
export const ALL_RULES: readonly Rule[] = [
  ...PLAN_RULES, ...COOPERATIVE_RULES, ...INVESTMENT_RULES, ...ACTION_RULES, ...MILESTONE_RULES, ...RESULT_RULES,
  ...FOLLOW_UP_RULES,
];

/** What checking a plan gives: its findings (ordered), their counts by severity and the plan's totals. */
export interface PlanCheck {
  findings: Finding[];
  counts: FindingCounts;
  /** `planTotals(plan, call)` under the call the rules used. */
  totals: PlanTotals;
  /** The pack the plan was checked under (`{ year, version }`, which a stored revision records); null when the plan names no year (PLAN-001). */
  pack: PackId | null;
}

/**
 * Checks a plan against the parameters of its call, region and modality (rules.md); returns the
 * findings, errors first, then warnings, then notices; within a severity in rule order, then
 * record order (stable, shared/findings `orderFindings`), their counts and the plan's totals.
 * Pure: no I/O, never throws on bad data.
 * - PLAN-001 first: a plan without call year, region or modality; without a year the rules that
 *   need the call's figures are skipped, the others (arithmetic, RUTs, required fields, dates)
 *   still run. A year without a pack is checked under the newest pack (of `options.packs`, default
 *   the built-in ones) with one PLAN-005 warning naming it (rules.md, "Rule packs and severity by
 *   evidence").
 * - Severity follows the evidence: a rule whose limit is an unconfirmed figure of the pack warns
 *   and says the figure is referential.
 * - `asOf` (ISO date) defaults to today in America/Santiago; throws RangeError when given and not
 *   a real ISO date (a programming error, not user data).
 */
export function checkPlan(plan: Plan, options: ValidateOptions = {}): PlanCheck {
  const asOf = options.asOf ?? todayInSantiago();
  if (!isCalendarDate(asOf)) throw new RangeError(`validatePlan: asOf must be an ISO date (YYYY-MM-DD), got ${asOf}`);
  const c = plan.cooperative;
  const lookup: CallLookup = options.call ? { ok: true, call: options.call } : getCall(c.callYear, c.regionCode, options.packs ?? BUILTIN_PACKS);
  const call = lookup.ok ? lookup.call : null;
  const totals = planTotals(plan, call ?? undefined);
  const ctx: RuleContext = {
    plan,
    call,
    modality: c.modality ?? null,
    period: call ? executionPeriod(c, call.executionMonths.value) : null,
    asOf,
    totals,
  };
  const findings = orderFindings([
    ...checkPlanCall(plan, lookup),
    ...ALL_RULES.flatMap((rule) => rule.check(ctx)),
  ]);
  const pack = call ? { year: call.pack.year, version: call.pack.version } : null;
  return { findings, counts: countFindings(findings), totals, pack };
}

/** The findings of `checkPlan` alone (same order, same errors thrown). */
export function validatePlan(plan: Plan, options: ValidateOptions = {}): Finding[] {
  return checkPlan(plan, options).findings;
}
