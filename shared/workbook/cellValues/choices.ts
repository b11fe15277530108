import { labelKey } from "../../rules/catalogue";
import { labelLookup, lookUpLabel } from "../../rules/openLists";
import type { RawCell } from "../sheetView";
import { isBlankValue } from "../sheetView";
import { ok, problem, shown, EMPTY_RESULT, type CellContext, type CellResult } from "./cellResult";
import { readText } from "./textAndRut";

/** The accepted values of a list column: each domain label with the other ways people write it. */
export interface ChoiceList {
  /** The domain labels, exactly as the spec spells them, in display order. */
  options: readonly string[];
  /** Other spellings by domain label ("Presidenta" → "presidente/a"). */
  aliases?: Readonly<Record<string, readonly string[]>>;
  /**
   * An open list (Cargo, Eje, Tipo de cooperativa, Género: rules.md, "Descriptive values are open
   * lists") names the rule pack enumeration it follows: a value outside it is read as typed (the
   * rules warn), and the template's dropdown only suggests.
   */
  openList?: "memberRoles" | "genders" | "actionAxes" | "cooperativeTypes";
}

/** Finds the domain label a text names (case-, accent-, punctuation-insensitive; shared/rules `labelLookup`); undefined when none. */
export function matchChoice(text: string, list: ChoiceList): string | undefined {
  return lookUpLabel(text, labelLookup(list, list.options, list.aliases));
}

/**
 * A list cell → its domain label. A closed list gives PARSE-018 naming the accepted values when it
 * is none of them; an open list keeps any other text as typed (cleaned).
 */
export function readChoice(cell: RawCell, ctx: CellContext, list: ChoiceList): CellResult<string> {
  const v = cell.value;
  if (isBlankValue(v)) return EMPTY_RESULT;
  // An open list keeps a subtype in parentheses as typed («de servicios (agua potable rural)»).
  if (list.openList && typeof v === "string" && v.includes("(")) return readText(cell, ctx);
  const found = typeof v === "string" || typeof v === "number" ? matchChoice(String(v), list) : undefined;
  if (found !== undefined) return ok(found);
  if (list.openList) return readText(cell, ctx);
  return problem("PARSE-018", ctx,
    `el valor "${shown(v)}" no está en la lista. Escriba uno de: ${list.options.join(", ")}.`, v);
}

const YES = new Set(["si", "s", "yes", "y", "x", "verdadero", "true", "1"]);
const NO = new Set(["no", "n", "falso", "false", "0"]);

/** Sí/No → boolean: `Sí`, `si`, `SI`, `S`, `x`, TRUE, 1 → true; `No`, `N`, FALSE, 0 → false. PARSE-019 otherwise. */
export function readYesNo(cell: RawCell, ctx: CellContext): CellResult<boolean> {
  const v = cell.value;
  if (isBlankValue(v)) return EMPTY_RESULT;
  if (typeof v === "boolean") return ok(v);
  const key = labelKey(String(v));
  if (YES.has(key)) return ok(true);
  if (NO.has(key)) return ok(false);
  return problem("PARSE-019", ctx, `el valor "${shown(v)}" no es Sí ni No. Escriba Sí o No.`, v);
}
