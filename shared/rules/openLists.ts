import { labelKey } from "./catalogue";
import type { OpenList } from "./calls/rulePack";

/** A label's key for list matching: `labelKey` without spaces («Vice presidenta» = «Vicepresidenta»). */
export const listKey = (s: string) => labelKey(s).replace(/ /g, "");

const LOOKUPS = new WeakMap<object, Map<string, string>>();

/**
 * The lookup of a list of labels with their other spellings (key → label), built once per `owner`
 * (the list object; treat it as immutable): each label under its own key, each alias under its key
 * pointing to the label it is listed under (found by key, so an alias listed under «presidente/a»
 * or «Presidente/A» names the same label). The first spelling of a key wins. The one lookup of
 * the workbook's list cells (cellValues/choices) and of the open lists' rules (`matchOpenList`).
 */
export function labelLookup(owner: object, values: readonly string[], aliases: Readonly<Record<string, readonly string[]>> = {}): ReadonlyMap<string, string> {
  let map = LOOKUPS.get(owner);
  if (!map) {
    map = new Map();
    for (const v of values) if (!map.has(listKey(v))) map.set(listKey(v), v);
    for (const [label, others] of Object.entries(aliases)) {
      const canonical = values.find((x) => listKey(x) === listKey(label)) ?? label;
      for (const a of others) if (!map.has(listKey(a))) map.set(listKey(a), canonical);
    }
    LOOKUPS.set(owner, map);
  }
  return map;
}

/** The label a text names in a lookup (case-, accent-, punctuation- and space-insensitive); undefined when none or blank. */
export function lookUpLabel(text: string, lookup: ReadonlyMap<string, string>): string | undefined {
  const key = listKey(text);
  return key === "" ? undefined : lookup.get(key);
}

/**
 * The usual value of an open list (Cargo, Eje, Tipo de cooperativa, Género) that a text names,
 * by its label or an alias, case-, accent-, punctuation- and space-insensitively (a text in
 * parentheses is ignored: «de servicios (agua potable rural)» is «de servicios»); a leading
 * «cooperativa» is ignored too. Undefined when the text is none of them (a warning, never an error).
 */
export function matchOpenList(text: string, list: OpenList): string | undefined {
  const lookup = labelLookup(list, list.values, list.aliases);
  const found = lookUpLabel(text, lookup);
  if (found !== undefined) return found;
  const key = listKey(text);
  return key.startsWith("cooperativa") ? lookup.get(key.slice("cooperativa".length)) : undefined;
}
