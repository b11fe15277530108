import type { CooperativeInfo } from "../domain";
import { addDaysIso, addMonthsIso, isCalendarDate } from "./calendarDate";

/** The execution period of a plan: ISO start and end dates, both inclusive. */
export interface ExecutionPeriod {
  start: string;
  end: string;
  /** True when the end came from the workbook's Fecha de término; false when computed. */
  endGiven: boolean;
}

/**
 * The plan's execution period: `start` = Fecha de inicio de ejecución; `end` = Fecha de término
 * when given, else start + the call's months − 1 day (2025: 6 months [S2][S3][S4]; 2025-09-08 →
 * 2026-03-07). Returns null when the start is missing or not a real date (PLAN-002 reports it).
 */
export function executionPeriod(
  cooperative: Pick<CooperativeInfo, "executionStart" | "executionEnd">,
  executionMonths: number,
): ExecutionPeriod | null {
  const start = cooperative.executionStart;
  if (!start || !isCalendarDate(start)) return null;
  if (cooperative.executionEnd && isCalendarDate(cooperative.executionEnd)) {
    return { start, end: cooperative.executionEnd, endGiven: true };
  }
  const plusMonths = addMonthsIso(start, executionMonths);
  const end = plusMonths ? addDaysIso(plusMonths, -1) : null;
  return end ? { start, end, endGiven: false } : null;
}
