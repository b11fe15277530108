import { normalizeLabel } from "../domain/text";
import type { ColumnSpec } from "./layout";

/**
 * Header labels (parsing contract, "Headers"): both sides go through `normalizeLabel` (accents,
 * case, `°`/`º`, punctuation, units in parentheses, line breaks, spaces). A label matches a column
 * when it equals one of the column's accepted labels; failing that, when it starts with one of at
 * least six letters followed by more words ("Cantidad solicitada" → Cantidad). The longest accepted
 * label wins, and an exact match beats any prefix, so "Actividad N°" never matches "N°".
 */

/** A label in the form headers are compared in; a label of punctuation only (`#`) stays as typed. */
export function headerKey(label: string): string {
  const key = normalizeLabel(label);
  return key !== "" ? key : label.replace(/\s+/g, "");
}

/** A column match and how good it is: exact matches score above every prefix match, longer above shorter. */
export interface HeaderMatch {
  spec: ColumnSpec;
  score: number;
}

const EXACT = 10_000;
const MIN_PREFIX = 6;

/** The accepted labels of a column, normalised. */
export function acceptedKeys(spec: ColumnSpec): string[] {
  return [spec.label, ...spec.variants].map(headerKey);
}

/** The best column for a label among `specs`, or undefined when none matches. */
export function matchHeader(label: string, specs: readonly ColumnSpec[]): HeaderMatch | undefined {
  const key = headerKey(label.trim());
  if (key === "") return undefined;
  let best: HeaderMatch | undefined;
  for (const spec of specs) {
    for (const accepted of acceptedKeys(spec)) {
      let score = 0;
      if (accepted === key) score = EXACT + accepted.length;
      else if (accepted.length >= MIN_PREFIX && key.startsWith(`${accepted} `)) score = accepted.length;
      if (score > 0 && (!best || score > best.score)) best = { spec, score };
    }
  }
  return best;
}

/** True when a match is exact (not by prefix). */
export function isExactMatch(match: HeaderMatch): boolean {
  return match.score >= EXACT;
}
