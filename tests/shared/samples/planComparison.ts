/**
 * Compares a parsed plan (shared/domain Plan) with an expected plan (the samples' JSON, whose
 * field names match ours): every expected value must be equal; keys only we have (`source`,
 * `sheets`, `schemaVersion`, `followUp`) are ignored. RUTs compare without dots, upper-cased;
 * a missing value counts as null.
 */
import { normalizeLabel } from "@coop-plans/shared/domain";
import type { Finding } from "@coop-plans/shared/domain";

const RUT_FIELDS = new Set(["rut", "supplierRut"]);

function canonicalRut(v: unknown): unknown {
  return typeof v === "string" ? v.replace(/\./g, "").toUpperCase() : v;
}

/** Paths where `actual` differs from `expected`, e.g. `investmentLines[3].total: expected 2400000, got null`. */
export function planDifferences(expected: unknown, actual: unknown, at = "plan"): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${at}: expected an array of ${expected.length}, got ${JSON.stringify(actual)}`];
    const out = expected.length === actual.length ? [] : [`${at}.length: expected ${expected.length}, got ${actual.length}`];
    expected.forEach((e, i) => out.push(...planDifferences(e, actual[i], `${at}[${i}]`)));
    return out;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object") return [`${at}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([key, e]) => {
      const a = (actual as Record<string, unknown>)[key];
      if (RUT_FIELDS.has(key)) {
        return canonicalRut(e) === canonicalRut(a ?? null) ? [] : [`${at}.${key}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`];
      }
      return planDifferences(e, a === undefined ? null : a, `${at}.${key}`);
    });
  }
  return Object.is(expected, actual) ? [] : [`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

/** An expected finding of the samples' JSON. */
export interface ExpectedFinding {
  rule: string;
  severity: string;
  sheet: string;
  cell?: string;
  alsoAcceptedCells?: string[];
}

const sheetKey = (s: string | undefined) => normalizeLabel(s ?? "");

/** True when a finding matches: same rule and severity, same sheet ignoring case/accents, cell among the accepted ones. */
export function findingMatches(expected: ExpectedFinding, f: Finding): boolean {
  const cells = [expected.cell, ...(expected.alsoAcceptedCells ?? [])].filter(Boolean);
  return (
    f.ruleId === expected.rule &&
    f.severity === expected.severity &&
    sheetKey(f.location.sheet) === sheetKey(expected.sheet) &&
    (cells.length === 0 || cells.includes(f.location.cell))
  );
}

/** A finding in one line, for failure messages. */
export function describeFinding(f: Finding): string {
  return `${f.severity} ${f.ruleId} ${f.location.sheet ?? ""}!${f.location.cell ?? ""} ${f.message}`;
}
