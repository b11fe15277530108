/** Key/value settings saved inside the document (Office's `Office.context.document.settings`). */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
  /** Persists the settings in the document (`saveAsync`); not an Excel request, no `context.sync`. */
  save(): Promise<void>;
}

/**
 * What the Excel adapter needs from Office, injected so tests can pass a fake Excel that counts
 * syncs and bytes: `run` is `Excel.run`, `isSetSupported` checks requirement sets.
 */
export interface ExcelDeps {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  settings: SettingsStore;
}
