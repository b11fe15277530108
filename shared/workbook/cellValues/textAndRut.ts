import { normalizeRut } from "../../domain/rut";
import type { RawCell } from "../sheetView";
import { isBlankValue } from "../sheetView";
import { cleanText } from "./cleanText";
import { ok, EMPTY_RESULT, type CellResult } from "./cellResult";

/** Free text, trimmed; a number becomes its digits, a boolean Sí/No. Never a problem. */
export function readText(cell: RawCell): CellResult<string> {
  const v = cell.value;
  if (v === null || isBlankValue(v)) return EMPTY_RESULT;
  if (typeof v === "boolean") return ok(v ? "Sí" : "No");
  if (typeof v === "number") return ok(String(v));
  return ok(cleanText(v));
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
