import type { WorkbookHost } from "../host/WorkbookHost";
import type { SettingsStore } from "./excelDeps";
import { ExcelWorkbookHost } from "./ExcelWorkbookHost";

/** Office's document settings as a `SettingsStore` (saved with the workbook). */
function documentSettings(): SettingsStore {
  const settings = Office.context.document.settings;
  return {
    get: (key) => settings.get(key) ?? undefined,
    set: (key, value) => settings.set(key, value),
    remove: (key) => settings.remove(key),
    save: () =>
      new Promise<void>((resolve, reject) =>
        settings.saveAsync((result) => (result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(result.error))),
      ),
  };
}

/** True when the Office theme's body background is dark (luminance under half). */
function officeThemeIsDark(): boolean {
  const color = Office.context.officeTheme?.bodyBackgroundColor;
  if (!color || !/^#?[0-9a-f]{6}$/i.test(color)) return false;
  const hex = color.replace("#", "");
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** What the pane learns at start inside Excel: the host over Office.js and the Office theme. */
export interface OfficeStartup {
  host: WorkbookHost;
  dark: boolean;
}

/**
 * Resolves the Excel host when the page runs inside Excel (office.js loaded and `Office.onReady`
 * reports Excel), or null in a plain browser — the React entry's only way to know where it runs.
 */
export async function officeHost(): Promise<OfficeStartup | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return null;
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) return null;
  const host = new ExcelWorkbookHost({
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    settings: documentSettings(),
  });
  return { host, dark: officeThemeIsDark() };
}
