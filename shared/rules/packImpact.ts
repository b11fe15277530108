import type { Finding, Modality, Plan, RegionCode } from "../domain";
import type { PackId, RulePack } from "./calls";
import { checkPlan } from "./validatePlan";

/** The registered identity a plan is checked under (the server's rule: a workbook cannot escape a cap by what it writes). */
export interface RegisteredIdentity {
  callYear: number;
  regionCode: RegionCode;
  modality: Modality;
}

/** How one plan's findings change from one set of packs to another. */
export interface PlanPackImpact {
  /** The pack each side checked the plan under (null: the plan names no year). */
  before: PackId | null;
  after: PackId | null;
  /** Errors the new packs raise that the old ones did not (by rule and cell). */
  newErrors: Finding[];
  /** Errors of the old packs that the new ones no longer raise. */
  resolvedErrors: Finding[];
  newWarnings: Finding[];
  resolvedWarnings: Finding[];
  /** True when any of the four lists is not empty. */
  changed: boolean;
}

/** A finding's identity across pack versions: its rule and where it points (the message names figures that may change). */
const keyOf = (f: Finding) => `${f.ruleId}|${f.location.sheet ?? ""}!${f.location.cell ?? ""}|${f.location.field ?? ""}`;

/** The findings of `a` of one severity whose identity is not among `b`'s of that severity. */
function missingFrom(a: Finding[], b: Finding[], severity: Finding["severity"]): Finding[] {
  const keys = new Set(b.filter((f) => f.severity === severity).map(keyOf));
  return a.filter((f) => f.severity === severity && !keys.has(keyOf(f)));
}

/**
 * How a plan's findings change when the packs in force change from `before` to `after`
 * (rules.md, "Every revision records its pack": a re-check under a new pack version). The plan is
 * checked under its registered identity when given (as the server does), at `asOf` on both sides.
 * Findings are matched by rule and cell, so a cap whose figure changed but still fails is not a
 * change. Pure; never throws on bad data.
 */
export function planPackImpact(
  plan: Plan,
  before: readonly RulePack[],
  after: readonly RulePack[],
  options: { asOf: string; registered?: RegisteredIdentity },
): PlanPackImpact {
  const checked = options.registered ? { ...plan, cooperative: { ...plan.cooperative, ...options.registered } } : plan;
  const old = checkPlan(checked, { asOf: options.asOf, packs: before });
  const now = checkPlan(checked, { asOf: options.asOf, packs: after });
  const newErrors = missingFrom(now.findings, old.findings, "error");
  const resolvedErrors = missingFrom(old.findings, now.findings, "error");
  const newWarnings = missingFrom(now.findings, old.findings, "warning");
  const resolvedWarnings = missingFrom(old.findings, now.findings, "warning");
  const changed = newErrors.length + resolvedErrors.length + newWarnings.length + resolvedWarnings.length > 0;
  return { before: old.pack, after: now.pack, newErrors, resolvedErrors, newWarnings, resolvedWarnings, changed };
}
