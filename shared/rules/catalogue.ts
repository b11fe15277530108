import { normalizeLabel } from "../domain/text";

/**
 * The catalogue of financeable ítems (rules.md, "The catalogue of ítems"): grupo → ítem → sub-ítems,
 * with the variants people type. Labels are the catalogue's own spelling; matching is by
 * `normalizeLabel`. `creacionOnly` marks Gastos de formalización (INV-009).
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
    variants: ["Asistencia técnica", "Asesoría en gestión", "Asistencia técnica y asesoría", "Asesoría"] },
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

/** Finds a catalogue ítem by its label or a variant (case- and accent-insensitive); undefined when unknown. */
export function findCatalogueItem(label: string, catalogue: CatalogueItem[] = CATALOGUE_2025): CatalogueItem | undefined {
  const key = normalizeLabel(label);
  return catalogue.find((c) => normalizeLabel(c.item) === key || c.variants.some((v) => normalizeLabel(v) === key));
}

/** Finds a sub-ítem label of an ítem (case- and accent-insensitive, singular/plural tolerant); undefined when unknown. */
export function findSubitem(item: CatalogueItem, label: string): string | undefined {
  const key = normalizeLabel(label);
  const singular = (s: string) => s.split(" ").map((w) => w.replace(/(es|s)$/, "")).join(" ");
  return item.subitems.find((s) => normalizeLabel(s) === key || singular(normalizeLabel(s)) === singular(key));
}

/** Finds a grupo label (case- and accent-insensitive); undefined when unknown. */
export function findGroup(label: string): string | undefined {
  const key = normalizeLabel(label);
  return CATALOGUE_GROUPS.find((g) => normalizeLabel(g) === key);
}
