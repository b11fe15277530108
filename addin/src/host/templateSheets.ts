import { normalizeLabel } from "@coop-plans/shared/domain";

/** Sheet names of the standard workbook (layout v1.1), as the template writes them. */
export const TEMPLATE_SHEET_NAMES = [
  "Cooperativa",
  "Socios",
  "Hitos",
  "Plan de Acción",
  "Plan de Inversiones",
  "Resultados",
  "Bitácora",
  "Vinculaciones",
  "Apalancamiento",
] as const;

const normalized = new Set(TEMPLATE_SHEET_NAMES.map((n) => normalizeLabel(n)));

/** True when a sheet name is one of the template's, matched case- and accent-insensitively. */
export function isTemplateSheet(name: string): boolean {
  return normalized.has(normalizeLabel(name));
}
