/**
 * The pane's Cognito client and session (oidc-client-ts, authorization code + PKCE) against a real
 * local OpenID provider (oidc-provider, set up like the pool's app client: tests/support/
 * oidcProviderServer.mjs): sign-in with the code and the verifier, the ID token's claims, refresh before
 * expiry, an expired (revoked) session, sign-out and its logout URL. No fake: every token comes
 * from the provider over HTTP.
 */
import { InMemoryWebStorage } from "oidc-client-ts";
import type { CognitoAuthConfig } from "@coop-plans/shared/api";
import { createCognitoClient, jwtClaims, type CognitoClient } from "../../addin/src/auth/cognito";
import { CognitoSession } from "../../addin/src/auth/cognitoSession";
import { loginAtProvider, startOidcProvider, type OidcProvider, type TestAccount } from "../support/oidcProvider";

const CLIENT_ID = "panetest1234";
const DIALOG = "http://127.0.0.1:3999/auth-dialog.html";
const gestora: TestAccount = { email: "gestora@aos.example.org", password: "Clave-Segura-123", sub: "7a1b2c3d-gestora", role: "gestor", regions: "08" };

let provider: OidcProvider;
let config: CognitoAuthConfig;

beforeAll(async () => {
  // Short-lived ID and access tokens (8 s), so a refresh is due within the test.
  provider = await startOidcProvider({ clientId: CLIENT_ID, redirectUris: [DIALOG], accounts: [gestora], ttl: { AccessToken: 8, IdToken: 8 } });
  config = { kind: "cognito", region: "sa-east-1", userPoolId: "sa-east-1_Local123", clientId: CLIENT_ID, domain: provider.issuer, redirectUri: DIALOG, authority: provider.issuer };
});
afterAll(() => provider?.stop());

/** A client with its own state storage (as one pane's sessionStorage). */
function newClient(): CognitoClient {
  return createCognitoClient(config, { stateStorage: new InMemoryWebStorage() });
}

/** Signs in as the pane does, the provider's page filled in by `loginAtProvider`. */
async function signIn(client: CognitoClient, account = gestora) {
  const authorizeUrl = await client.signInUrl();
  const callback = await loginAtProvider(authorizeUrl, account.email, account.password, DIALOG);
  return { authorizeUrl, callback, tokens: await client.completeSignIn(callback) };
}

describe("Cognito sign-in: authorization code + PKCE (oidc-client-ts against oidc-provider)", () => {
  it("asks for a code with an S256 challenge, openid email profile and lang=es, and exchanges it for an ID token with the user's attributes", async () => {
    const client = newClient();
    const { authorizeUrl, callback, tokens } = await signIn(client);
    const authorize = new URL(authorizeUrl);
    expect(authorize.origin + authorize.pathname).toBe(`${provider.issuer}/auth`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({ response_type: "code", client_id: CLIENT_ID, redirect_uri: DIALOG, scope: "openid email profile", code_challenge_method: "S256", lang: "es" });
    expect(authorize.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The password went to the provider's page only: nothing of it in what the pane builds or receives.
    expect(authorizeUrl + callback).not.toContain(encodeURIComponent(gestora.password));
    expect(new URL(callback).searchParams.get("code")).toBeTruthy();

    const claims = jwtClaims(tokens.idToken);
    expect(claims).toMatchObject({ iss: provider.issuer, aud: CLIENT_ID, sub: gestora.sub, email: gestora.email, "custom:role": "gestor", "custom:regions": "08" });
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresIn).toBeGreaterThan(0);
    expect(tokens.expiresIn).toBeLessThanOrEqual(8);
  });

  it("a code replayed, or a callback of another sign-in, is refused with a Spanish message", async () => {
    const client = newClient();
    const { callback } = await signIn(client);
    await expect(client.completeSignIn(callback)).rejects.toMatchObject({ kind: "stateMismatch", message: expect.stringMatching(/^La respuesta del inicio de sesión no corresponde/) });
    const other = newClient();
    await expect(other.completeSignIn(callback)).rejects.toMatchObject({ kind: "stateMismatch" });
  });

  it("the provider refuses an exchange without the PKCE verifier (the code alone is worthless)", async () => {
    const client = newClient();
    const authorizeUrl = await client.signInUrl();
    const code = new URL(await loginAtProvider(authorizeUrl, gestora.email, gestora.password, DIALOG)).searchParams.get("code")!;
    const response = await fetch(`${provider.issuer}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "authorization_code", code, client_id: CLIENT_ID, redirect_uri: DIALOG }).toString(),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_grant");
  });

  it("the sign-out URL is Cognito's /logout with client_id and logout_uri", async () => {
    const client = newClient();
    const url = new URL(client.signOutUrl());
    expect(url.origin + url.pathname).toBe(`${provider.issuer}/logout`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: CLIENT_ID, logout_uri: DIALOG });
  });
});

describe("Cognito session: refresh, expiry, sign-out", () => {
  /** A Storage over a Map (as the pane's sessionStorage). */
  const storage = (): Storage => {
    const map = new Map<string, string>();
    return {
      get length() {
        return map.size;
      },
      clear: () => map.clear(),
      getItem: (k) => map.get(k) ?? null,
      key: (i) => [...map.keys()][i] ?? null,
      removeItem: (k) => void map.delete(k),
      setItem: (k, v) => void map.set(k, String(v)),
    };
  };

  it("refreshes before the ID token expires (refresh_token grant), with a new ID token of the same user, kept in storage", async () => {
    const client = newClient();
    const { tokens } = await signIn(client);
    const store = storage();
    const session = new CognitoSession({ client, clientId: CLIENT_ID, storage: store, refreshMarginMs: 6_000 });
    session.start(tokens);
    expect(session.idToken).toBe(tokens.idToken);
    // Due 6 s before the 8 s expiry: within ~2 s the timer has refreshed.
    await new Promise((r) => setTimeout(r, 3_500));
    const refreshed = await session.getIdToken();
    expect(refreshed).not.toBe(tokens.idToken);
    expect(jwtClaims(refreshed)).toMatchObject({ sub: gestora.sub, aud: CLIENT_ID, "custom:role": "gestor" });
    expect((jwtClaims(refreshed).exp as number) > (jwtClaims(tokens.idToken).exp as number)).toBe(true);
    expect(JSON.parse(store.getItem("coopPlans.cognito")!)).toMatchObject({ idToken: refreshed, refreshToken: tokens.refreshToken, clientId: CLIENT_ID });
    session.dispose();
  });

  it("a revoked refresh token ends the session with «Su sesión expiró…» and clears the storage", async () => {
    const client = newClient();
    const { tokens } = await signIn(client);
    const store = storage();
    const onExpired = jest.fn();
    const session = new CognitoSession({ client, clientId: CLIENT_ID, storage: store, onExpired });
    session.start(tokens);
    await client.revoke(tokens.refreshToken!); // as an administrator's global sign-out, or the token's end
    await session.refreshNow();
    expect(onExpired).toHaveBeenCalledWith("Su sesión expiró. Vuelva a iniciar sesión.");
    expect(session.idToken).toBeNull();
    expect(store.getItem("coopPlans.cognito")).toBeNull();
  });

  it("provider unreachable: the refresh is retried later and the token kept (no false sign-out)", async () => {
    const client = createCognitoClient({ ...config, authority: "http://127.0.0.1:9", domain: "http://127.0.0.1:9" }, { stateStorage: new InMemoryWebStorage() });
    const { tokens } = await signIn(newClient());
    const onExpired = jest.fn();
    const session = new CognitoSession({ client, clientId: CLIENT_ID, storage: storage(), onExpired, retryMs: 60_000 });
    session.start(tokens);
    await session.refreshNow();
    expect(onExpired).not.toHaveBeenCalled();
    expect(session.idToken).toBe(tokens.idToken);
    session.dispose();
  });

  it("sign-out forgets the tokens and revokes the refresh token at the provider", async () => {
    const client = newClient();
    const { tokens } = await signIn(client);
    const store = storage();
    const session = new CognitoSession({ client, clientId: CLIENT_ID, storage: store });
    session.start(tokens);
    await session.signOut();
    expect(session.idToken).toBeNull();
    expect(store.getItem("coopPlans.cognito")).toBeNull();
    await expect(client.refresh(tokens.refreshToken!, tokens.idToken)).rejects.toMatchObject({ kind: "sessionExpired" });
  });

  it("restores saved tokens of the same app client only", async () => {
    const client = newClient();
    const { tokens } = await signIn(client);
    const store = storage();
    const first = new CognitoSession({ client, clientId: CLIENT_ID, storage: store });
    first.start(tokens);
    first.dispose();
    const again = new CognitoSession({ client, clientId: CLIENT_ID, storage: store });
    expect(again.restore()).toBe(true);
    expect(again.idToken).toBe(tokens.idToken);
    again.dispose();
    expect(new CognitoSession({ client, clientId: "otherclient", storage: store }).restore()).toBe(false);
  });
});
