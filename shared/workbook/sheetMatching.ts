import { headerKey } from "./headerMatching";
import type { SheetSpec } from "./layout";

/** A sheet name in comparable form: labels' normalisation, without a leading "1." numbering. */
export function sheetKey(name: string): string {
  return headerKey(name).replace(/^\d+ /, "");
}

/** The layout sheet a workbook sheet name stands for (case- and accent-insensitive, accepted variants), or undefined. */
export function matchSheet(name: string, layout: readonly SheetSpec[]): SheetSpec | undefined {
  const key = sheetKey(name);
  return layout.find((s) => [s.name, ...s.nameVariants].some((n) => sheetKey(n) === key));
}
