/** How the user signed in: a pasted dev token (local mode), Cognito (e-mail and password) or Entra ID (Office SSO). */
export type SessionKind = "dev" | "cognito" | "entra";

/**
 * The pane's sign-in: API base URL and bearer token. Dev sessions are kept in localStorage
 * (`saveSession`); Cognito tokens live in memory and sessionStorage (auth/cognitoSession.ts);
 * Entra ID tokens are asked from Office before each request and never stored.
 */
export interface Session {
  apiUrl: string;
  /** The token at sign-in (the dev token, the first ID or access token). */
  token: string;
  /** The current token for a request, when it changes over time (refreshed or asked from Office); absent: `token`. */
  getToken?: () => Promise<string>;
  /** Absent: a dev session (what localStorage held before the kinds existed). */
  kind?: SessionKind;
}

/** Default API base URL: the local backend. */
export const DEFAULT_API_URL = "http://127.0.0.1:4000";

const SESSION_KEY = "coopPlans.session";
const API_URL_KEY = "coopPlans.apiUrl";

/** Reads the saved session, if any. */
export function loadSession(storage: Storage | undefined = globalThis.localStorage): Session | null {
  try {
    const raw = storage?.getItem(SESSION_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    return s.token && s.apiUrl ? { apiUrl: s.apiUrl, token: s.token, kind: "dev" } : null;
  } catch {
    return null;
  }
}

/** Saves (or, with null, forgets) a dev session in localStorage; the API URL is remembered separately. */
export function saveSession(session: Session | null, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    if (session) {
      storage?.setItem(SESSION_KEY, JSON.stringify({ apiUrl: session.apiUrl, token: session.token }));
      storage?.setItem(API_URL_KEY, session.apiUrl);
    } else storage?.removeItem(SESSION_KEY);
  } catch {
    // Storage may be unavailable (private mode): the session then lasts this page only.
  }
}

/** The API URL last used, or the local default. */
export function savedApiUrl(storage: Storage | undefined = globalThis.localStorage): string {
  try {
    return storage?.getItem(API_URL_KEY) ?? DEFAULT_API_URL;
  } catch {
    return DEFAULT_API_URL;
  }
}
