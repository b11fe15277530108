import type { ApiClient } from "@coop-plans/shared/api";
import { BUILTIN_PACKS, RulePack, packsInForce } from "@coop-plans/shared/rules";

/**
 * The pane's copy of the rule packs in force (rules.md: «the pane and the CLI use the packs in
 * force and keep the last ones they saw for offline work»), in the browser's localStorage: each
 * pack under its API, year and version (`coop-plans.rulePack:<api>:2025:2`; a published version
 * never changes, so it is written once), and the list of those in force under
 * `coop-plans.rulePacks:<api>`. Validar uses them; with nothing stored, or storage unavailable,
 * the packs built into the pane apply, so Validar works offline and agrees with the server.
 */

/** What the pane needs of Web Storage (localStorage fits; tests pass a Map-backed one). */
export interface PackStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The key of one pack: API, year and version. */
export function packStorageKey(apiUrl: string, year: number, version: number): string {
  return `coop-plans.rulePack:${apiUrl}:${year}:${version}`;
}

/** The key of the list of packs in force of an API. */
export function inForceStorageKey(apiUrl: string): string {
  return `coop-plans.rulePacks:${apiUrl}`;
}

/** localStorage when the host gives one (a blocked or missing storage: null). */
export function browserPackStorage(): PackStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function readJson(storage: PackStorage, key: string): unknown {
  try {
    const text = storage.getItem(key);
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The packs in force for an API as last stored: the built-in packs with the stored ones over them
 * (newest version of each year). A damaged or missing entry is skipped, never trusted: each pack
 * is checked by the `RulePack` schema.
 */
export function storedPacks(storage: PackStorage | null, apiUrl: string | null): RulePack[] {
  if (!storage || !apiUrl) return packsInForce(BUILTIN_PACKS);
  const ids = readJson(storage, inForceStorageKey(apiUrl));
  const stored: RulePack[] = [];
  if (Array.isArray(ids)) {
    for (const id of ids as Array<{ year?: unknown; version?: unknown }>) {
      if (typeof id?.year !== "number" || typeof id?.version !== "number") continue;
      const parsed = RulePack.safeParse(readJson(storage, packStorageKey(apiUrl, id.year, id.version)));
      if (parsed.success && parsed.data.year === id.year && parsed.data.version === id.version) stored.push(parsed.data);
    }
  }
  return packsInForce([...BUILTIN_PACKS, ...stored]);
}

/** Keeps the packs in force of an API (each pack written once under its year and version). A full or blocked storage is ignored. */
export function storePacks(storage: PackStorage | null, apiUrl: string, packs: readonly RulePack[]): void {
  if (!storage) return;
  try {
    for (const pack of packs) {
      const key = packStorageKey(apiUrl, pack.year, pack.version);
      if (storage.getItem(key) === null) storage.setItem(key, JSON.stringify(pack));
    }
    storage.setItem(inForceStorageKey(apiUrl), JSON.stringify(packs.map((p) => ({ year: p.year, version: p.version }))));
  } catch {
    // Quota exceeded or storage blocked: the pane keeps the packs in memory for this session.
  }
}

/**
 * Fetches the packs in force from the API and stores them; when the API cannot be reached (or
 * answers with an error), the stored packs (else the built-in ones) are returned instead.
 */
export async function refreshPacks(client: ApiClient, storage: PackStorage | null, apiUrl: string): Promise<{ packs: RulePack[]; fresh: boolean }> {
  try {
    const { items } = await client.listRulePacks();
    const packs = packsInForce([...BUILTIN_PACKS, ...items]);
    storePacks(storage, apiUrl, packs);
    return { packs, fresh: true };
  } catch {
    return { packs: storedPacks(storage, apiUrl), fresh: false };
  }
}
