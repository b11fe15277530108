import { CognitoError, COGNITO_MESSAGES } from "./cognitoErrors";
import type { CognitoClient, CognitoTokens } from "./cognito";

/** The part of the Cognito client the session uses. */
export type SessionTokenClient = Pick<CognitoClient, "refresh" | "revoke">;

/** What is kept in sessionStorage (never localStorage: it would outlive the Office session). */
interface StoredTokens {
  clientId: string;
  idToken: string;
  accessToken: string;
  refreshToken: string;
  /** When the ID token expires, ms since the epoch. */
  expiresAt: number;
}

/** Options of `CognitoSession`. */
export interface CognitoSessionOptions {
  client: SessionTokenClient;
  /** The app client id: stored tokens of another client are ignored. */
  clientId: string;
  /** Defaults to `globalThis.sessionStorage`. */
  storage?: Storage;
  /** Defaults to `Date.now`. */
  now?: () => number;
  /** Refresh this long before the ID token expires (default 5 minutes). */
  refreshMarginMs?: number;
  /** Wait before retrying a refresh that failed for a reason other than an expired session (default 1 minute). */
  retryMs?: number;
  /** Called when the session ends without the user asking (the refresh token expired or was revoked). */
  onExpired?: (message: string) => void;
}

const STORAGE_KEY = "coopPlans.cognito";

/**
 * The Cognito tokens of the signed-in user, in memory and in sessionStorage (so reopening the
 * pane within the Office session keeps the user signed in). The ID token is refreshed with the
 * refresh token (the token endpoint's `refresh_token` grant) a few minutes before it expires, by a
 * timer and, should the timer have been late (a sleeping laptop), when a request asks for the
 * token. A refused refresh (`invalid_grant`: expired or revoked) ends the session with
 * «Su sesión expiró…».
 */
export class CognitoSession {
  private tokens: StoredTokens | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<void> | null = null;
  private readonly storage: Storage | undefined;
  private readonly now: () => number;
  private readonly margin: number;
  private readonly retryMs: number;

  constructor(private readonly options: CognitoSessionOptions) {
    this.storage = options.storage ?? (globalThis.sessionStorage as Storage | undefined);
    this.now = options.now ?? (() => Date.now());
    this.margin = options.refreshMarginMs ?? 5 * 60_000;
    this.retryMs = options.retryMs ?? 60_000;
  }

  /** The current ID token, or null when signed out. */
  get idToken(): string | null {
    return this.tokens?.idToken ?? null;
  }

  /** Restores the tokens saved in this Office session; true when there were some (refreshes them if due). */
  restore(): boolean {
    try {
      const raw = this.storage?.getItem(STORAGE_KEY);
      const saved = raw ? (JSON.parse(raw) as StoredTokens) : null;
      if (!saved || saved.clientId !== this.options.clientId || !saved.idToken || !saved.refreshToken) return false;
      this.tokens = saved;
    } catch {
      return false;
    }
    this.schedule();
    return true;
  }

  /** Starts the session with the tokens of a sign-in. */
  start(tokens: CognitoTokens): void {
    if (!tokens.refreshToken) throw new CognitoError("unexpected", "no refresh token");
    this.tokens = {
      clientId: this.options.clientId,
      idToken: tokens.idToken,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: this.now() + tokens.expiresIn * 1000,
    };
    this.save();
    this.schedule();
  }

  /**
   * The ID token for a request: refreshed first when due. When the refresh fails the current
   * token is returned anyway, and the API's 401 sends the user back to the sign-in form.
   */
  async getIdToken(): Promise<string> {
    if (this.tokens && this.now() >= this.tokens.expiresAt - this.margin) await this.refreshNow();
    return this.tokens?.idToken ?? "";
  }

  /** Refreshes now (one refresh at a time); never throws. */
  refreshNow(): Promise<void> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const current = this.tokens;
    if (!current) return;
    try {
      const fresh = await this.options.client.refresh(current.refreshToken, current.idToken);
      if (this.tokens !== current) return; // signed out (or in again) meanwhile
      this.tokens = {
        ...current,
        idToken: fresh.idToken,
        accessToken: fresh.accessToken,
        refreshToken: fresh.refreshToken ?? current.refreshToken,
        expiresAt: this.now() + fresh.expiresIn * 1000,
      };
      this.save();
      this.schedule();
    } catch (error) {
      if (this.tokens !== current) return;
      if (error instanceof CognitoError && error.kind === "sessionExpired") {
        this.clear();
        this.options.onExpired?.(COGNITO_MESSAGES.sessionExpired);
        return;
      }
      // Offline or a passing failure: try again soon; the token stays until the server refuses it.
      this.schedule(this.retryMs);
    }
  }

  /** Signs out: forgets the tokens here and in sessionStorage, and revokes the refresh token (best effort). */
  async signOut(): Promise<void> {
    const refreshToken = this.tokens?.refreshToken;
    this.clear();
    if (refreshToken) await this.options.client.revoke(refreshToken).catch(() => undefined);
  }

  /** Stops the refresh timer (the pane unmounts); the tokens stay saved. */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private clear(): void {
    this.dispose();
    this.tokens = null;
    try {
      this.storage?.removeItem(STORAGE_KEY);
    } catch {
      // Storage unavailable: nothing was saved.
    }
  }

  private save(): void {
    try {
      if (this.tokens) this.storage?.setItem(STORAGE_KEY, JSON.stringify(this.tokens));
    } catch {
      // Storage unavailable (private mode): the session lasts while the pane is open.
    }
  }

  /** Arms the timer: `delayMs`, or a margin before the ID token expires. */
  private schedule(delayMs?: number): void {
    this.dispose();
    if (!this.tokens) return;
    const delay = delayMs ?? Math.max(0, this.tokens.expiresAt - this.margin - this.now());
    this.timer = setTimeout(() => void this.refreshNow(), delay);
  }
}
