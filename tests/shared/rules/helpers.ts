import type { Finding, Plan } from "@coop-plans/shared/domain";
import { validatePlan } from "@coop-plans/shared/rules";
import { CLEAN_PLAN_DATA } from "./fixtures/samplePlans";
import { standardPlan } from "./fixtures/standardLayout";

/** A date inside the clean sample's execution period at which no time rule fires. */
export const AS_OF = "2025-10-01";

/** A fresh copy of the clean sample plan (standard layout, sources attached). */
export function cleanPlan(): Plan {
  return standardPlan(CLEAN_PLAN_DATA);
}

/** The clean plan after `edit`, validated at `asOf`. */
export function validateEdited(edit: (plan: Plan) => void, asOf = AS_OF): Finding[] {
  const plan = cleanPlan();
  edit(plan);
  return validatePlan(plan, { asOf });
}

/** Findings of one rule. */
export function only(findings: Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

/** `Sheet!A1` of a finding, for compact assertions. */
export function where(f: Finding): string {
  return `${f.location.sheet}!${f.location.cell}`;
}

/** A compact summary of findings: `RULE severity Sheet!A1`. */
export function summary(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.severity} ${where(f)}`);
}
