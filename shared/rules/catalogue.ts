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

/** `normalizeLabel(label)`, memoised (up to 5.000 distinct labels). */
export function labelKey(label: string): string {
  let key = LABEL_KEYS.get(label);
  if (key === undefined) {
    key = normalizeLabel(label);
    if (LABEL_KEYS.size >= 5_000) LABEL_KEYS.clear();
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
      const key = normalizeLabel(label);
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

/** Finds a sub-ítem label of an ítem (case- and accent-insensitive, singular/plural tolerant); undefined when unknown. */
export function findSubitem(item: CatalogueItem, label: string): string | undefined {
  const key = labelKey(label);
  const singular = (s: string) => s.split(" ").map((w) => w.replace(/(es|s)$/, "")).join(" ");
  const found = item.subitems.find((s) => labelKey(s) === key);
  return found ?? item.subitems.find((s) => singular(labelKey(s)) === singular(key));
}

/**
 * Finds a grupo label (case- and accent-insensitive, with common variants); undefined when unknown.
 * With a catalogue, the grupos are those of its ítems.
 */
export function findGroup(label: string, catalogue?: CatalogueItem[]): string | undefined {
  const key = labelKey(label);
  const groups = catalogue ? [...new Set(catalogue.map((c) => c.group))] : [...CATALOGUE_GROUPS];
  return groups.find((g) => labelKey(g) === key || (GROUP_VARIANTS[g] ?? []).some((v) => labelKey(v) === key));
}
