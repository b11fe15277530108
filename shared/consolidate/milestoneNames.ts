/** Short Spanish name of each hito (DESIGN.md, "Who uses it"), as the consolidation shows it. */
export const MILESTONE_NAMES: Record<1 | 2 | 3 | 4, string> = {
  1: "Socialización del programa",
  2: "Plan de acción",
  3: "Plan de inversiones",
  4: "Medición de resultados y cuenta pública",
};
