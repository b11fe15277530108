import { normalizeRut } from "../../domain/rut";
import type { RawCell } from "../sheetView";
import { isBlankValue } from "../sheetView";
import { cleanText } from "./cleanText";
import { MAX_PLAN_TEXT_CHARS } from "../../domain/text";
import { formatNumber } from "../../format";
import { ok, problem, EMPTY_RESULT, type CellContext, type CellResult } from "./cellResult";

/**
 * Free text, trimmed; a number becomes its digits, a boolean Sí/No. Text longer than
 * MAX_PLAN_TEXT_CHARS (2,000 characters) is PARSE-028 on its cell: the API would refuse the whole
 * plan at sync, far from the cell (newcomer trial: 10,000 characters validated with 0 errors).
 */
export function readText(cell: RawCell, ctx: CellContext): CellResult<string> {
  const v = cell.value;
  if (v === null || isBlankValue(v)) return EMPTY_RESULT;
  if (typeof v === "boolean") return ok(v ? "Sí" : "No");
  if (typeof v === "number") return ok(String(v));
  const text = cleanText(v);
  if (text.length > MAX_PLAN_TEXT_CHARS) {
    return problem("PARSE-028", ctx,
      `el texto tiene ${formatNumber(text.length)} caracteres y se admiten hasta ${formatNumber(MAX_PLAN_TEXT_CHARS)}. Escriba un texto más corto (el detalle puede ir en un documento aparte).`,
      `${text.slice(0, 40)}…`);
  }
  return ok(text);
}

/**
 * A RUT → canonical `12345678-K` (`76.123.456-7`, `761234567`, lower-case `k`). Text that is no
 * RUT at all is kept as typed: the rules (COOP-001) report it, with the check digit.
 */
export function readRut(cell: RawCell): CellResult<string> {
  const v = cell.value;
  if (v === null || isBlankValue(v)) return EMPTY_RESULT;
  if (typeof v === "boolean") return ok(v ? "Sí" : "No");
  const typed = typeof v === "number" ? String(v) : cleanText(v);
  let canonical = RUTS.get(typed);
  if (canonical === undefined) {
    canonical = normalizeRut(typed) ?? typed;
    if (RUTS.size >= 10_000) RUTS.clear();
    RUTS.set(typed, canonical);
  }
  return ok(canonical);
}

/** RUT as typed → canonical (or as typed), memoised: suppliers and members repeat across lines. */
const RUTS = new Map<string, string>();
