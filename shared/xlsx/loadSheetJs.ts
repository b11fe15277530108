import type * as SheetJs from "@e965/xlsx";

let loading: Promise<typeof SheetJs> | undefined;

/**
 * SheetJS CE (`@e965/xlsx`), loaded on first use and shared after, as `loadExcelJs` does for
 * exceljs: 1 MB of code that a CLI start (`--version`, `template`) or a page that never reads a
 * workbook should not pay for.
 * @returns the module namespace (`read`, `utils`, …), the same object on every call.
 */
export function loadSheetJs(): Promise<typeof SheetJs> {
  loading ??= import("@e965/xlsx");
  return loading;
}
