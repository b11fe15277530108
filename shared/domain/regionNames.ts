import { REGIONS, type RegionCode } from "./region";
import { normalizeLabel } from "./text";

/**
 * Region names as people write them (parsing contract, "Región"), by official code (Decreto 1.115).
 * Matching is on `normalizeLabel` after dropping a leading "Región de/del/de la" and a trailing "región".
 */
const REGION_ALIASES: Record<RegionCode, string[]> = {
  "01": ["Tarapacá"],
  "02": ["Antofagasta"],
  "03": ["Atacama"],
  "04": ["Coquimbo"],
  "05": ["Valparaíso"],
  "06": ["Libertador General Bernardo O'Higgins", "Libertador Bernardo O'Higgins", "O'Higgins", "OHiggins", "Libertador General Bernardo OHiggins", "Libertador"],
  "07": ["Maule"],
  "08": ["Biobío", "Bío Bío", "Bio-Bio", "Bíobío"],
  "09": ["La Araucanía", "Araucanía"],
  "10": ["Los Lagos"],
  "11": ["Aysén del General Carlos Ibáñez del Campo", "Aysén", "Aisén", "Aysén del General Carlos Ibáñez", "Aisén del General Carlos Ibáñez del Campo"],
  "12": ["Magallanes y de la Antártica Chilena", "Magallanes y Antártica Chilena", "Magallanes", "Magallanes y la Antártica Chilena"],
  "13": ["Metropolitana de Santiago", "Metropolitana", "Santiago"],
  "14": ["Los Ríos"],
  "15": ["Arica y Parinacota", "Arica"],
  "16": ["Ñuble"],
};

/** Short region names for dropdown lists, north to south; each reads back through `regionCodeFromText`. */
export const REGION_SHORT_NAMES: { code: RegionCode; name: string }[] = [
  { code: "15", name: "Arica y Parinacota" }, { code: "01", name: "Tarapacá" }, { code: "02", name: "Antofagasta" },
  { code: "03", name: "Atacama" }, { code: "04", name: "Coquimbo" }, { code: "05", name: "Valparaíso" },
  { code: "13", name: "Metropolitana" }, { code: "06", name: "O'Higgins" }, { code: "07", name: "Maule" },
  { code: "16", name: "Ñuble" }, { code: "08", name: "Biobío" }, { code: "09", name: "La Araucanía" },
  { code: "14", name: "Los Ríos" }, { code: "10", name: "Los Lagos" }, { code: "11", name: "Aysén" },
  { code: "12", name: "Magallanes" },
];

const compact = (s: string) => s.replace(/ /g, "");

const LOOKUP: Map<string, RegionCode> = (() => {
  const map = new Map<string, RegionCode>();
  for (const code of Object.keys(REGIONS) as RegionCode[]) {
    const { name, roman, abbreviation } = REGIONS[code];
    for (const alias of [name, ...REGION_ALIASES[code]]) map.set(compact(normalizeLabel(alias)), code);
    map.set(roman.toLowerCase(), code);
    map.set(abbreviation.toLowerCase(), code);
  }
  return map;
})();

/**
 * The two-digit official code of a region written as a code (`8`, `08`), a roman numeral (`VIII`),
 * an abbreviation (`BI`, `RM`) or a name with or without "Región de/del/de la", in any case and
 * with or without accents ("Bío Bío", "Aisén", "Libertador General Bernardo O'Higgins").
 * Returns null when the text names no region.
 */
export function regionCodeFromText(input: string | number): RegionCode | null {
  if (typeof input === "number") {
    return Number.isInteger(input) && input >= 1 && input <= 16 ? (String(input).padStart(2, "0") as RegionCode) : null;
  }
  const text = normalizeLabel(input);
  if (/^\d{1,2}$/.test(text)) return regionCodeFromText(Number(text));
  const core = text
    .replace(/^region( de la| del| de)? /, "")
    .replace(/ region$/, "")
    .trim();
  if (/^\d{1,2}$/.test(core)) return regionCodeFromText(Number(core));
  return LOOKUP.get(compact(core)) ?? LOOKUP.get(compact(text)) ?? null;
}
