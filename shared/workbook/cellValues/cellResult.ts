import type { ParseFindingId } from "../parseFindings";

/** Why a cell could not be read: the finding id, a Spanish message, and the value found. */
export interface CellProblem {
  ruleId: ParseFindingId;
  message: string;
  found: string | number | null;
}

/** A cell read: its value (null = empty), or a problem with value null. Never a guess. */
export type CellResult<T> = { value: T | null; problem?: undefined } | { value: null; problem: CellProblem };

/** What a cell parser knows besides the cell: the column's label (for messages) and the date system. */
export interface CellContext {
  /** The column or form label as the template writes it ("Aporte Sercotec"), used in messages. */
  label: string;
  /** True when the workbook uses the 1904 date system. */
  date1904?: boolean;
}

/** An empty cell. */
export const EMPTY_RESULT: CellResult<never> = { value: null };

/** A value read. */
export function ok<T>(value: T): CellResult<T> {
  return { value };
}

/** A problem: `${label}: ${message}` so the user knows the column as well as the cell. */
export function problem(ruleId: ParseFindingId, ctx: CellContext, message: string, found: string | number | boolean | null): CellResult<never> {
  const shown = typeof found === "boolean" ? (found ? "VERDADERO" : "FALSO") : found;
  return { value: null, problem: { ruleId, message: `${ctx.label}: ${message}`, found: shown } };
}

/** The value as the user typed it, for messages: strings trimmed, numbers as written by JS. */
export function shown(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "VERDADERO" : "FALSO";
  return typeof value === "string" ? value.trim() : String(value);
}
