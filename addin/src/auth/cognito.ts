/**
 * The pane's Cognito client: authorization code with PKCE against the user pool's managed login
 * (hosted UI), over oidc-client-ts. The pane never sees a password: the person types it on
 * Cognito's page, in an Office dialog (see signInDialog.ts); the pane gets a one-time code back
 * and exchanges it, with the PKCE verifier it kept, at the token endpoint. The managed login also
 * asks for a new password at a first sign-in with a temporary one.
 *
 * Endpoints come from the issuer's discovery document (`https://cognito-idp.<region>.amazonaws.com/
 * <pool>/.well-known/openid-configuration`, or `authority` in config.json), but for the revocation
 * endpoint, always the Cognito domain's `/oauth2/revoke`, and the logout URL (`/logout`, built here
 * in Cognito's documented form).
 */
import { ErrorResponse, InMemoryWebStorage, OidcClient, WebStorageStateStore, type RefreshState } from "oidc-client-ts";
import { cognitoAuthority, type CognitoAuthConfig } from "@coop-plans/shared/api";
import { CognitoError } from "./cognitoErrors";

/** Tokens of a successful sign-in or refresh. */
export interface CognitoTokens {
  /** The bearer the API's JWT authorizer expects (audience = the app client id). */
  idToken: string;
  accessToken: string;
  /** Absent after a refresh (Cognito does not rotate it unless configured to): keep the old one. */
  refreshToken?: string;
  /** Lifetime of the ID and access tokens, in seconds. */
  expiresIn: number;
}

export { COGNITO_MESSAGES, CognitoError, type CognitoErrorKind } from "./cognitoErrors";

/**
 * Maps what oidc-client-ts threw to a kind: an OAuth error answer (`ErrorResponse`: `invalid_grant`
 * on a refresh is an expired or revoked session), a missing sign-in state, or a failed fetch.
 */
export function classifyOidcError(error: unknown, during: "signIn" | "refresh" | "revoke"): CognitoError {
  if (error instanceof CognitoError) return error;
  if (error instanceof ErrorResponse) {
    const code = error.error ?? "";
    const detail = `${code}${error.error_description ? `: ${error.error_description}` : ""}`;
    if (code === "invalid_grant") return new CognitoError(during === "refresh" ? "sessionExpired" : "stateMismatch", detail);
    if (code === "access_denied") return new CognitoError("accessDenied", detail);
    if (["invalid_client", "unauthorized_client", "invalid_scope", "unsupported_response_type", "invalid_request"].includes(code)) return new CognitoError("misconfigured", detail);
    return new CognitoError("unexpected", detail);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/no matching state/i.test(message)) return new CognitoError("stateMismatch", message);
  if (error instanceof TypeError || /network|fetch|timed out/i.test(message)) return new CognitoError("network", message);
  return new CognitoError("unexpected", message);
}

/** The calls the pane makes. Every method throws `CognitoError`. */
export interface CognitoClient {
  /** The authorize URL of a new sign-in (code + PKCE S256, `lang=es`); its state and verifier are kept until `completeSignIn`. */
  signInUrl(): Promise<string>;
  /** Exchanges the code of the callback URL (`…/auth-dialog.html?code=…&state=…`) for tokens. */
  completeSignIn(callbackUrl: string): Promise<CognitoTokens>;
  /** New ID and access tokens with the refresh token; `idToken` is the current one (its subject must not change). */
  refresh(refreshToken: string, idToken: string): Promise<CognitoTokens>;
  /** Revokes the refresh token (and the tokens it issued). */
  revoke(refreshToken: string): Promise<void>;
  /** The managed login's sign-out URL: ends the Cognito session, then returns to the dialog page. */
  signOutUrl(): string;
}

/** Options of `createCognitoClient`. */
export interface CognitoClientOptions {
  /** Where the sign-in state (PKCE verifier) waits for the callback; default sessionStorage, else memory. */
  stateStorage?: Storage;
}

/** The claims of a JWT, unverified (the pane only reads them; the API verifies the signature). */
export function jwtClaims(token: string): Record<string, unknown> {
  const part = token.split(".")[1] ?? "";
  try {
    const base64 = part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "=");
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Creates the client of the task pane's app client (public, no secret). */
export function createCognitoClient(config: CognitoAuthConfig, options: CognitoClientOptions = {}): CognitoClient {
  const store = options.stateStorage ?? (globalThis.sessionStorage as Storage | undefined) ?? new InMemoryWebStorage();
  const oidc = new OidcClient({
    authority: cognitoAuthority(config),
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    response_type: "code",
    scope: "openid email profile",
    // Cognito's discovery document may lack it; the domain serves it (a seed overrides discovery).
    metadataSeed: { revocation_endpoint: `${config.domain}/oauth2/revoke` },
    // RFC 7009: an empty 200 answer, whatever its content type (text/plain from some servers).
    revokeTokenAdditionalContentTypes: ["text/plain", "application/x-amz-json-1.1"],
    // The managed login in Spanish.
    extraQueryParams: { lang: "es" },
    loadUserInfo: false,
    stateStore: new WebStorageStateStore({ prefix: "coopPlans.oidc.", store }),
    requestTimeoutInSeconds: 30,
  });

  const tokensOf = (response: { id_token?: string; access_token: string; refresh_token?: string; expires_in?: number }): CognitoTokens => {
    if (!response.id_token || !response.access_token) throw new CognitoError("unexpected", "token response without an ID or access token");
    return { idToken: response.id_token, accessToken: response.access_token, refreshToken: response.refresh_token, expiresIn: response.expires_in ?? 3600 };
  };

  return {
    async signInUrl() {
      try {
        await oidc.clearStaleState();
        return (await oidc.createSigninRequest({})).url;
      } catch (error) {
        throw classifyOidcError(error, "signIn");
      }
    },
    async completeSignIn(callbackUrl) {
      try {
        return tokensOf(await oidc.processSigninResponse(callbackUrl));
      } catch (error) {
        throw classifyOidcError(error, "signIn");
      }
    },
    async refresh(refreshToken, idToken) {
      try {
        // RefreshState is a type only in oidc-client-ts' exports: its fields, as it reads them.
        const state = { refresh_token: refreshToken, id_token: idToken, session_state: null, profile: jwtClaims(idToken) } as unknown as RefreshState;
        return tokensOf(await oidc.useRefreshToken({ state }));
      } catch (error) {
        throw classifyOidcError(error, "refresh");
      }
    },
    async revoke(refreshToken) {
      try {
        await oidc.revokeToken(refreshToken, "refresh_token");
      } catch (error) {
        throw classifyOidcError(error, "revoke");
      }
    },
    signOutUrl() {
      // Cognito's documented form (`client_id` + `logout_uri`, a registered sign-out URL).
      return `${config.domain}/logout?${new URLSearchParams({ client_id: config.clientId, logout_uri: config.redirectUri })}`;
    },
  };
}
