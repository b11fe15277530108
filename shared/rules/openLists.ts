import { labelKey } from "./catalogue";
import type { OpenList } from "./calls/rulePack";

/** A label's key for list matching: `labelKey` without spaces («Vice presidenta» = «Vicepresidenta»). */
const keyOf = (s: string) => labelKey(s).replace(/ /g, "");

const LOOKUPS = new WeakMap<OpenList, Map<string, string>>();

function lookupOf(list: OpenList): Map<string, string> {
  let map = LOOKUPS.get(list);
  if (!map) {
    map = new Map();
    for (const v of list.values) if (!map.has(keyOf(v))) map.set(keyOf(v), v);
    for (const [v, aliases] of Object.entries(list.aliases)) {
      const canonical = list.values.find((x) => keyOf(x) === keyOf(v)) ?? v;
      for (const a of aliases) if (!map.has(keyOf(a))) map.set(keyOf(a), canonical);
    }
    LOOKUPS.set(list, map);
  }
  return map;
}

/**
 * The usual value of an open list (Cargo, Eje, Tipo de cooperativa, Género) that a text names,
 * by its label or an alias, case-, accent-, punctuation- and space-insensitively (a text in
 * parentheses is ignored: «de servicios (agua potable rural)» is «de servicios»); a leading
 * «cooperativa» is ignored too. Undefined when the text is none of them (a warning, never an error).
 */
export function matchOpenList(text: string, list: OpenList): string | undefined {
  const map = lookupOf(list);
  const key = keyOf(text);
  if (key === "") return undefined;
  return map.get(key) ?? (key.startsWith("cooperativa") ? map.get(key.slice("cooperativa".length)) : undefined);
}
