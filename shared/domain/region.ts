import * as z from "zod";

/**
 * Official region codes and names of Chile (Decreto 1.115; research.md §5).
 * Arica y Parinacota is "15" and Ñuble "16": the codes follow creation order, not geography.
 */
export const REGIONS = {
  "01": { name: "Tarapacá", roman: "I", abbreviation: "TA" },
  "02": { name: "Antofagasta", roman: "II", abbreviation: "AN" },
  "03": { name: "Atacama", roman: "III", abbreviation: "AT" },
  "04": { name: "Coquimbo", roman: "IV", abbreviation: "CO" },
  "05": { name: "Valparaíso", roman: "V", abbreviation: "VA" },
  "06": { name: "Libertador General Bernardo O'Higgins", roman: "VI", abbreviation: "LI" },
  "07": { name: "Maule", roman: "VII", abbreviation: "ML" },
  "08": { name: "Biobío", roman: "VIII", abbreviation: "BI" },
  "09": { name: "La Araucanía", roman: "IX", abbreviation: "AR" },
  "10": { name: "Los Lagos", roman: "X", abbreviation: "LL" },
  "11": { name: "Aysén del General Carlos Ibáñez del Campo", roman: "XI", abbreviation: "AI" },
  "12": { name: "Magallanes y de la Antártica Chilena", roman: "XII", abbreviation: "MA" },
  "13": { name: "Metropolitana de Santiago", roman: "XIII", abbreviation: "RM" },
  "14": { name: "Los Ríos", roman: "XIV", abbreviation: "LR" },
  "15": { name: "Arica y Parinacota", roman: "XV", abbreviation: "AP" },
  "16": { name: "Ñuble", roman: "XVI", abbreviation: "NB" },
} as const;

/** Two-digit official region code, "01".."16". */
export const RegionCode = z.enum(Object.keys(REGIONS) as [keyof typeof REGIONS, ...(keyof typeof REGIONS)[]], {
  error: "Código de región inválido: use un código entre 01 y 16.",
});
export type RegionCode = z.infer<typeof RegionCode>;
