import type { Finding, Plan } from "@coop-plans/shared/domain";
import { PACK_2025, RulePack, validatePlan } from "@coop-plans/shared/rules";
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

/** The built-in 2025 pack after `edit` (on a deep copy), checked by the schema: a draft or a newer version. */
export function packWith(edit: (pack: RulePack) => void): RulePack {
  const copy = structuredClone(PACK_2025);
  edit(copy);
  return RulePack.parse(copy);
}

/** The clean plan after `edit`, validated under `packs` at `asOf`. */
export function validateUnder(packs: RulePack[], edit: (plan: Plan) => void = () => undefined, asOf = AS_OF): Finding[] {
  const plan = cleanPlan();
  edit(plan);
  return validatePlan(plan, { asOf, packs });
}

/** What a finding on a referential (unconfirmed) figure ends with. */
export const REFERENTIAL = " — cifra referencial: no confirmada en las bases de la convocatoria.";

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
