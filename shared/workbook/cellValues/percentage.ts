import type { RawCell } from "../sheetView";
import { isBlankValue } from "../sheetView";
import { cleanText } from "./cleanText";
import { parseSpanishNumber } from "./numberText";
import { ok, problem, shown, EMPTY_RESULT, type CellContext, type CellResult } from "./cellResult";

/** True when an Excel number format shows the value as a percentage (`0%`, `0.0%`), ignoring quoted text. */
export function isPercentFormat(format: string | undefined): boolean {
  return !!format && format.replace(/"[^"]*"|\\./g, "").includes("%");
}

const tidy = (n: number) => Math.round(n * 1e10) / 1e10;

/**
 * A percentage (% de avance) as a fraction 0–1. A number formatted `0%` is already a fraction;
 * otherwise a number or text from 0 to 1 is a fraction (`0,3`, `0.3`) and one above 1 up to 100 is
 * in percent (`30` → 0.3); text with `%` is in percent (`30%`, `30 %`). PARSE-013 when
 * unreadable or outside 0 %–100 %.
 */
export function readPercentage(cell: RawCell, ctx: CellContext): CellResult<number> {
  const v = cell.value;
  if (isBlankValue(v)) return EMPTY_RESULT;
  let fraction: number | undefined;
  if (typeof v === "number" && Number.isFinite(v)) {
    fraction = isPercentFormat(cell.format) || (v >= 0 && v <= 1) ? v : v / 100;
  } else if (typeof v === "string") {
    const text = cleanText(v);
    const m = /^(.*?)\s*%$/.exec(text);
    const n = parseSpanishNumber(m ? m[1] : text);
    if (n !== undefined) fraction = m || n > 1 ? n / 100 : n;
  }
  if (fraction === undefined) {
    return problem("PARSE-013", ctx, `el valor "${shown(v)}" no es un porcentaje. Escriba el avance como 30% o 0,3.`, v);
  }
  if (fraction < 0 || fraction > 1) {
    return problem("PARSE-013", ctx, `el porcentaje "${shown(v)}" está fuera de rango. Escriba un valor entre 0% y 100%.`, v);
  }
  return ok(tidy(fraction));
}
