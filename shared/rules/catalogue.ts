import { normalizeLabel } from "../domain/text";

/**
 * The catalogue of financeable ítems (rules.md, "The catalogue of ítems"): grupo → ítem → sub-ítems,
 * with the variants people type. Labels are the catalogue's own spelling; matching is by
 * `normalizeLabel`. `creacionOnly` marks Gastos de formalización (INV-009).
 * Sources: [S1][S9][S17][S19][S20][S22] (research.md §2.1); the call file carries it as a figure.
 */
export interface CatalogueItem {
  group: string;
  item: string;
  subitems: string[];
  /** Other ways people write the ítem ("Marketing", "Activo fijo"). */
  variants: string[];
  creacionOnly?: boolean;
}

export const CATALOGUE_2025: CatalogueItem[] = [
  { group: "Acciones de Gestión Empresarial", item: "Asistencia técnica y asesoría en gestión", subitems: [],
    variants: ["Asistencia técnica", "Asesoría en gestión", "Asistencia técnica y asesoría", "Asesoría", "Asesorías"] },
  { group: "Acciones de Gestión Empresarial", item: "Capacitación", subitems: [], variants: ["Capacitaciones"] },
  { group: "Acciones de Gestión Empresarial", item: "Acciones de marketing", subitems: ["promoción y publicidad", "ferias y eventos"],
    variants: ["Marketing", "Acción de marketing"] },
  { group: "Inversiones", item: "Activos", subitems: ["activos fijos", "activos intangibles"],
    variants: ["Activo", "Activo fijo", "Activos fijos"] },
  { group: "Inversiones", item: "Habilitación de infraestructura", subitems: [], variants: ["Habilitación", "Infraestructura"] },
  { group: "Inversiones", item: "Capital de trabajo", subitems: ["nuevas contrataciones", "nuevos arriendos", "materias primas y materiales", "mercadería"],
    variants: [] },
  { group: "Formalización", item: "Gastos de formalización", subitems: ["constitución legal", "inscripciones y publicaciones"],
    variants: ["Formalización", "Gasto de formalización"], creacionOnly: true },
];

/** The grupos of the catalogue, in order. */
export const CATALOGUE_GROUPS = ["Acciones de Gestión Empresarial", "Inversiones", "Formalización"] as const;

/** Variants of the grupo labels people type ("AGE", "Gestión empresarial"). */
const GROUP_VARIANTS: Record<string, string[]> = {
  "Acciones de Gestión Empresarial": ["AGE", "Gestión empresarial", "Acciones de gestión"],
  "Inversiones": ["Inversión"],
  "Formalización": ["Gastos de formalización"],
};

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
const ITEM_KEYS = new WeakMap<CatalogueItem[], Map<string, CatalogueItem>>();

function itemKeys(catalogue: CatalogueItem[]): Map<string, CatalogueItem> {
  let keys = ITEM_KEYS.get(catalogue);
  if (!keys) {
    keys = new Map();
    for (const c of catalogue) for (const label of [c.item, ...c.variants]) {
      const key = labelKey(label);
      if (!keys.has(key)) keys.set(key, c);
    }
    ITEM_KEYS.set(catalogue, keys);
  }
  return keys;
}

/** Finds a catalogue ítem by its label or a variant (case- and accent-insensitive); undefined when unknown. */
export function findCatalogueItem(label: string, catalogue: CatalogueItem[] = CATALOGUE_2025): CatalogueItem | undefined {
  return itemKeys(catalogue).get(labelKey(label));
}

const singular = (s: string) => s.split(" ").map((w) => w.replace(/(es|s)$/, "")).join(" ");

/** Per ítem: normalised sub-ítem label (exact, then singular) → its catalogue spelling, first match wins. */
const SUBITEM_KEYS = new WeakMap<CatalogueItem, { exact: Map<string, string>; singular: Map<string, string>; answers: Map<string, string | undefined> }>();

function subitemKeys(item: CatalogueItem) {
  let keys = SUBITEM_KEYS.get(item);
  if (!keys) {
    keys = { exact: new Map(), singular: new Map(), answers: new Map() };
    for (const s of item.subitems) {
      const key = labelKey(s);
      if (!keys.exact.has(key)) keys.exact.set(key, s);
      const one = singular(key);
      if (!keys.singular.has(one)) keys.singular.set(one, s);
    }
    SUBITEM_KEYS.set(item, keys);
  }
  return keys;
}

/** Finds a sub-ítem label of an ítem (case- and accent-insensitive, singular/plural tolerant); undefined when unknown. */
export function findSubitem(item: CatalogueItem, label: string): string | undefined {
  // The lookup tables are built once per ítem; a catalogue ítem is treated as immutable once used.
  const keys = subitemKeys(item);
  if (keys.answers.has(label)) return keys.answers.get(label);
  const key = labelKey(label);
  const found = keys.exact.get(key) ?? keys.singular.get(singular(key));
  if (keys.answers.size >= 1_000) keys.answers.clear();
  keys.answers.set(label, found);
  return found;
}

/** Normalised grupo label or variant → grupo, per catalogue (or for the standard grupos), first grupo wins. */
const GROUP_KEYS = new WeakMap<object, Map<string, string>>();
const STANDARD_GROUPS_KEY = {};

function groupKeys(catalogue?: CatalogueItem[]): Map<string, string> {
  const owner = catalogue ?? STANDARD_GROUPS_KEY;
  let keys = GROUP_KEYS.get(owner);
  if (!keys) {
    keys = new Map();
    const groups = catalogue ? [...new Set(catalogue.map((c) => c.group))] : [...CATALOGUE_GROUPS];
    for (const g of groups) {
      for (const label of [g, ...(GROUP_VARIANTS[g] ?? [])]) {
        const key = labelKey(label);
        if (!keys.has(key)) keys.set(key, g);
      }
    }
    GROUP_KEYS.set(owner, keys);
  }
  return keys;
}

/**
 * Finds a grupo label (case- and accent-insensitive, with common variants); undefined when unknown.
 * With a catalogue, the grupos are those of its ítems.
 */
export function findGroup(label: string, catalogue?: CatalogueItem[]): string | undefined {
  return groupKeys(catalogue).get(labelKey(label));
}
