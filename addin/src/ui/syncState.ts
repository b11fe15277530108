/** Where the Sincronizar flow stands; each state has its own message in the pane. */
export type SyncState =
  | { kind: "idle" }
  | { kind: "syncing"; step: string; progress: number }
  | { kind: "saved"; version: number; at: string; errors: number; warnings: number; status: string }
  | { kind: "conflict"; baseVersion: number; currentVersion: number | null }
  | { kind: "copied"; sheet: string; version: number }
  | { kind: "locked"; detail: string }
  | { kind: "offline"; apiUrl: string }
  | { kind: "failed"; detail: string }
  | { kind: "submitted"; version: number };
