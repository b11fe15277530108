import type { IdentityMismatch } from "@coop-plans/shared/api";
import type { Finding } from "@coop-plans/shared/domain";

/** Where the Sincronizar flow stands; each state has its own message in the pane. */
export type SyncState =
  | { kind: "idle" }
  | { kind: "syncing"; step: string; progress: number }
  | { kind: "saved"; version: number; at: string; errors: number; warnings: number; status: string; serverFindings?: Finding[] }
  /**
   * The server refused the plan as another cooperative's (422 IDENTITY_MISMATCH): its Spanish
   * detail, the registered cooperative's name, and every field that differs (listed in the pane).
   */
  | { kind: "identity"; detail: string; cooperativeName: string | null; mismatches: IdentityMismatch[] }
  | { kind: "conflict"; baseVersion: number; currentVersion: number | null }
  | { kind: "copied"; sheet: string; version: number }
  | { kind: "locked"; detail: string }
  | { kind: "offline"; apiUrl: string }
  | { kind: "failed"; detail: string }
  | { kind: "submitted"; version: number }
  /**
   * Sincronizar found the workbook's plan identical to the server's latest version: nothing was
   * saved. `status` is that version's label (Enviado after Enviar); `submittable` only while the
   * plan is in borrador or observado (Enviar stays disabled otherwise).
   */
  | { kind: "unchanged"; version: number; status: string; errors: number; warnings: number; submittable: boolean };
