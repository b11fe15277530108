import { normalizeLabel } from "../domain/text";
import { PACK_2025 } from "./calls/builtinPacks";
import type { CatalogueGroup, CatalogueItem } from "./calls/rulePack";

export type { CatalogueGroup, CatalogueItem } from "./calls/rulePack";

/**
 * The catalogue of financeable ítems (rules.md, "The catalogue of ítems"): grupo → ítem →
 * sub-ítems, with the aliases people type, as the built-in 2025 pack carries it
 * (shared/rules/calls/2025.json). Matching is by `normalizeLabel`. The call's own catalogue
 * (`call.catalogue.value`) is what the rules use; this is the default for readers without a call.
 */
export const CATALOGUE_2025: CatalogueItem[] = PACK_2025.catalogue.items;

/** The grupos of the built-in catalogue with their aliases, in order. */
export const CATALOGUE_GROUP_DEFS: CatalogueGroup[] = PACK_2025.catalogue.groups;

/** The grupos of the built-in catalogue, in order. */
export const CATALOGUE_GROUPS: readonly string[] = CATALOGUE_GROUP_DEFS.map((g) => g.label);

/** A bounded memo of `normalizeLabel`: plans repeat the same few labels thousands of times. */
const LABEL_KEYS = new Map<string, string>();

/** `normalizeLabel(label)`, memoised (up to 10.000 distinct labels). */
export function labelKey(label: string): string {
  let key = LABEL_KEYS.get(label);
  if (key === undefined) {
    key = normalizeLabel(label);
    if (LABEL_KEYS.size >= 10_000) LABEL_KEYS.clear();
    LABEL_KEYS.set(label, key);
  }
  return key;
}

/** Normalised label → ítem, per catalogue (catalogues are treated as immutable once used). */
const ITEM_KEYS = new WeakMap<readonly CatalogueItem[], Map<string, CatalogueItem>>();

function itemKeys(catalogue: readonly CatalogueItem[]): Map<string, CatalogueItem> {
  let keys = ITEM_KEYS.get(catalogue);
  if (!keys) {
    keys = new Map();
    for (const c of catalogue) for (const label of [c.item, ...c.aliases]) {
      const key = labelKey(label);
      if (!keys.has(key)) keys.set(key, c);
    }
    ITEM_KEYS.set(catalogue, keys);
  }
  return keys;
}

/** Finds a catalogue ítem by its label or an alias (case- and accent-insensitive); undefined when unknown. */
export function findCatalogueItem(label: string, catalogue: readonly CatalogueItem[] = CATALOGUE_2025): CatalogueItem | undefined {
  return itemKeys(catalogue).get(labelKey(label));
}

// ---- Sub-ítems by meaning (rules.md, "Sub-ítems match by meaning") ----

/** Words that carry no meaning in a sub-ítem label. */
const STOP_WORDS = new Set(["y", "e", "o", "u", "de", "del", "la", "las", "el", "los", "en", "para", "a", "al", "con", "por", "un", "una"]);

/** A word's stem, singular and plural alike: a final «s», then a final «e» («materiales» and «material» → «material»). */
const stem = (word: string) => word.replace(/s$/, "").replace(/e$/, "");

/** The meaningful words of a label, stemmed. */
export function meaningWords(label: string): string[] {
  return labelKey(label).split(" ").filter((w) => w !== "" && !STOP_WORDS.has(w)).map(stem).filter((w) => w !== "");
}

/** A sub-ítem's words: all of them, and the phrases (its parts split at «y» / commas, and its alternatives) that name it alone. */
interface SubitemWords {
  label: string;
  exact: Set<string>;
  words: Set<string>;
  phrases: string[][];
}

const SUBITEM_WORDS = new WeakMap<CatalogueItem, SubitemWords[]>();

function subitemWords(item: CatalogueItem): SubitemWords[] {
  let list = SUBITEM_WORDS.get(item);
  if (!list) {
    list = item.subitems.map((label) => {
      const alternatives = Object.entries(item.subitemAlternatives)
        .filter(([sub]) => labelKey(sub) === labelKey(label)).flatMap(([, alts]) => alts);
      const parts = label.split(/,|\by\b|\be\b/).map((p) => p.trim()).filter(Boolean);
      const phrases = [...parts, ...alternatives].map(meaningWords).filter((p) => p.length > 0);
      const exact = new Set([label, ...alternatives].map((l) => meaningWords(l).join(" ")));
      return { label, exact, words: new Set([meaningWords(label), ...phrases].flat()), phrases };
    });
    SUBITEM_WORDS.set(item, list);
  }
  return list;
}

/**
 * The official sub-ítems of `item` that a typed sub-ítem names: the one it spells (label or
 * alternative, singular or plural), else each whose words include all the typed words
 * («Publicidad» → «promoción y publicidad»), or one of whose parts or alternatives the typed text
 * contains («Compra de materias primas» → «materias primas y materiales»). Empty when none fits.
 */
export function subitemCandidates(item: CatalogueItem, label: string): string[] {
  const typed = meaningWords(label);
  if (typed.length === 0) return [];
  const subs = subitemWords(item);
  const joined = typed.join(" ");
  const exact = subs.filter((s) => s.exact.has(joined));
  if (exact.length > 0) return exact.map((s) => s.label);
  const typedSet = new Set(typed);
  return subs
    .filter((s) => typed.every((w) => s.words.has(w)) || s.phrases.some((p) => p.every((w) => typedSet.has(w))))
    .map((s) => s.label);
}

/** Per ítem, typed sub-ítem → its only candidate (or undefined), memoised (up to 1.000 labels per ítem). */
const SUBITEM_ANSWERS = new WeakMap<CatalogueItem, Map<string, string | undefined>>();

/**
 * The official sub-ítem a typed sub-ítem names when exactly one of `item`'s fits
 * (`subitemCandidates`); undefined when none or several do (INV-017 says which).
 */
export function findSubitem(item: CatalogueItem, label: string): string | undefined {
  let answers = SUBITEM_ANSWERS.get(item);
  if (!answers) SUBITEM_ANSWERS.set(item, answers = new Map());
  if (answers.has(label)) return answers.get(label);
  const candidates = subitemCandidates(item, label);
  const found = candidates.length === 1 ? candidates[0] : undefined;
  if (answers.size >= 1_000) answers.clear();
  answers.set(label, found);
  return found;
}

// ---- Grupos ----

/** Normalised grupo label or alias → grupo, per list of grupo definitions (restricted to a catalogue's grupos when given). */
const GROUP_KEYS = new WeakMap<readonly CatalogueGroup[], WeakMap<object, Map<string, string>>>();

function groupKeys(catalogue: readonly CatalogueItem[] | undefined, groups: readonly CatalogueGroup[]): Map<string, string> {
  const owner = catalogue ?? groups;
  let byOwner = GROUP_KEYS.get(groups);
  if (!byOwner) GROUP_KEYS.set(groups, byOwner = new WeakMap());
  let keys = byOwner.get(owner);
  if (!keys) {
    keys = new Map();
    const present = catalogue ? new Set(catalogue.map((c) => labelKey(c.group))) : undefined;
    for (const g of groups) {
      if (present && !present.has(labelKey(g.label))) continue;
      for (const label of [g.label, ...g.aliases]) {
        const key = labelKey(label);
        if (!keys.has(key)) keys.set(key, g.label);
      }
    }
    byOwner.set(owner, keys);
  }
  return keys;
}

/**
 * Finds a grupo label (case- and accent-insensitive, with its aliases); undefined when unknown.
 * `groups` are the grupo definitions (default: the built-in pack's); with a catalogue, only the
 * grupos of its ítems count.
 */
export function findGroup(label: string, catalogue?: readonly CatalogueItem[], groups: readonly CatalogueGroup[] = CATALOGUE_GROUP_DEFS): string | undefined {
  return groupKeys(catalogue, groups).get(labelKey(label));
}
