import { labelKey } from "../rules/catalogue";
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
  const key = labelKey(label);
  return key !== "" ? key : label.replace(/\s+/g, "");
}

/** A column match and how good it is: exact matches score above every prefix match, longer above shorter. */
export interface HeaderMatch {
  spec: ColumnSpec;
  score: number;
}

const EXACT = 10_000;
const MIN_PREFIX = 6;

/** A column's accepted keys, each with the prefix form (`key + " "`) a longer label may start with. */
interface AcceptedKey {
  key: string;
  prefix: string;
}

/** Accepted keys per column spec, computed once (specs are layout data, never mutated). */
const ACCEPTED_KEYS = new WeakMap<ColumnSpec, readonly AcceptedKey[]>();

function acceptedKeysOf(spec: ColumnSpec): readonly AcceptedKey[] {
  let keys = ACCEPTED_KEYS.get(spec);
  if (!keys) {
    keys = [spec.label, ...spec.variants].map(headerKey).map((key) => ({ key, prefix: `${key} ` }));
    ACCEPTED_KEYS.set(spec, keys);
  }
  return keys;
}

/**
 * The accepted keys of a list of specs, indexed: exact key → first spec that accepts it, and the
 * prefix-eligible keys longest first (ties in spec order), so a label is matched without scanning
 * every key of every spec. Built once per list (layout lists are constants).
 */
interface SpecIndex {
  exact: Map<string, ColumnSpec>;
  prefixes: { prefix: string; length: number; spec: ColumnSpec }[];
  /**
   * Answers already given, by label as typed (null = no match): the same header and form texts
   * come back on every parse (and every form cell is tried as a label), so each is normalised and
   * matched once. Bounded like `labelKey`'s cache.
   */
  answers: Map<string, HeaderMatch | null>;
}

/** Size at which a list's answer cache is cleared (labels are short; a workbook has a few hundred). */
const MAX_ANSWERS = 10_000;

const SPEC_INDEXES = new WeakMap<readonly ColumnSpec[], SpecIndex>();

function specIndex(specs: readonly ColumnSpec[]): SpecIndex {
  let index = SPEC_INDEXES.get(specs);
  if (!index) {
    index = { exact: new Map(), prefixes: [], answers: new Map() };
    for (const spec of specs) {
      for (const { key, prefix } of acceptedKeysOf(spec)) {
        if (key === "") continue;
        if (!index.exact.has(key)) index.exact.set(key, spec);
        if (key.length >= MIN_PREFIX) index.prefixes.push({ prefix, length: key.length, spec });
      }
    }
    // Stable: among keys of the same length the first spec (and its first key) stays first.
    index.prefixes.sort((a, b) => b.length - a.length);
    SPEC_INDEXES.set(specs, index);
  }
  return index;
}

/** The best column for a label among `specs`, or undefined when none matches. */
export function matchHeader(label: string, specs: readonly ColumnSpec[]): HeaderMatch | undefined {
  const index = specIndex(specs);
  let answer = index.answers.get(label);
  if (answer === undefined) {
    answer = matchKey(headerKey(label.trim()), index);
    if (index.answers.size >= MAX_ANSWERS) index.answers.clear();
    index.answers.set(label, answer);
  }
  // A fresh object each time: callers may keep or spread it.
  return answer ? { spec: answer.spec, score: answer.score } : undefined;
}

/** The best column for a normalised label, or null. */
function matchKey(key: string, index: SpecIndex): HeaderMatch | null {
  if (key === "") return null;
  // Exact matches score EXACT + length, above every prefix match; equal scores keep the first spec.
  const exact = index.exact.get(key);
  if (exact) return { spec: exact, score: EXACT + key.length };
  for (const p of index.prefixes) if (key.startsWith(p.prefix)) return { spec: p.spec, score: p.length };
  return null;
}

/** True when a match is exact (not by prefix). */
export function isExactMatch(match: HeaderMatch): boolean {
  return match.score >= EXACT;
}
