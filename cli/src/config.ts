import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApiClient, type ApiClient } from "@coop-plans/shared/api";
import { LOCAL_API_BASE, dataDir, nodeFetch } from "@coop-plans/functions/local";

/** The local API of `npm start`. */
export const DEFAULT_API_BASE = LOCAL_API_BASE;

/** Options every backend command takes. */
export interface BackendOptions {
  /** Base URL of the API (`--api`); else `COOP_PLANS_API`; else the local API. */
  api?: string;
}

/** The API base URL: `--api`, else `COOP_PLANS_API`, else http://127.0.0.1:4000 (no trailing slash). */
export function apiBase(options: BackendOptions = {}): string {
  return (options.api ?? process.env.COOP_PLANS_API ?? DEFAULT_API_BASE).trim().replace(/\/+$/, "");
}

/** True when the API is this machine's (local mode): 127.0.0.1, localhost or ::1. */
export function isLocalApi(base: string): boolean {
  try {
    const host = new URL(base).hostname;
    return host === "127.0.0.1" || host === "localhost" || host === "[::1]" || host === "::1";
  } catch {
    return false;
  }
}

/**
 * The user's home folder: `HOME` as the process sees it now (so a test or a script that points
 * `HOME` elsewhere is honoured even where `os.homedir()` would read the original environment), else
 * `os.homedir()`.
 */
export function homeDir(): string {
  const home = process.env.HOME?.trim();
  return home ? path.resolve(home) : os.homedir();
}

/**
 * Where the CLI keeps its token: `COOP_PLANS_TOKEN_FILE` when set; for the local API
 * `<dataDir>/cli-token` (`COOP_PLANS_DATA_DIR`, default `<repo>/.data/`, beside the dev key,
 * removed with it); for any other API `<HOME>/.coop-plans/token`.
 */
export function tokenFile(base: string): string {
  if (process.env.COOP_PLANS_TOKEN_FILE) return path.resolve(process.env.COOP_PLANS_TOKEN_FILE);
  return isLocalApi(base) ? path.join(dataDir(), "cli-token") : path.join(homeDir(), ".coop-plans", "token");
}

/** The token to send: `COOP_PLANS_TOKEN` when set, else the stored one; null when signed out. */
export function readToken(base: string): string | null {
  if (process.env.COOP_PLANS_TOKEN) return process.env.COOP_PLANS_TOKEN.trim();
  try {
    const text = readFileSync(tokenFile(base), "utf8").trim();
    return text || null;
  } catch {
    return null;
  }
}

/** Stores the token (file mode 0600, folder 0700); returns the file's path. */
export function saveToken(base: string, token: string): string {
  const file = tokenFile(base);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, token + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

/** The typed API client for the chosen backend, with the stored token and the global fetch. */
export function apiClientFor(options: BackendOptions = {}): { client: ApiClient; base: string; signedIn: boolean } {
  const base = apiBase(options);
  const token = readToken(base);
  const client = createApiClient({ baseUrl: base, getToken: () => token, fetch: nodeFetch });
  return { client, base, signedIn: token !== null };
}
