import type { CognitoClient, CognitoTokens } from "../../../addin/src/auth/cognito";
import { encodeDialogMessage, type AuthDialog } from "../../../addin/src/auth/signInDialog";
import { gestorMe } from "./fakes";

/** An unsigned JWT with the given payload (the pane only decodes tokens; the API verifies them). */
export function fakeJwt(payload: Record<string, unknown>): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${b64({ alg: "RS256", kid: "test" })}.${b64(payload)}.c2lnbmF0dXJl`;
}

/** One recorded request of the fake fetch. */
export interface Recorded {
  url: string;
  headers: Record<string, string>;
}

/**
 * A fetch that plays the API (`/v1/me` answers `gestorMe` when a bearer is sent, 401 otherwise, or
 * always 401 with `refuse`); records every request. (The sign-in itself is tested against a real
 * OpenID provider: tests/addin/cognitoSession.test.ts and the e2e.)
 */
export function fakeFetch(options: { refuse?: boolean } = {}) {
  const calls: Recorded[] = [];
  const fetch = jest.fn(async (url: string, init: { method: string; headers: Record<string, string>; body?: string | Uint8Array }) => {
    const headers = Object.fromEntries(Object.entries(init.headers).map(([k, v]) => [k.toLowerCase(), v]));
    calls.push({ url, headers });
    const respond = (status: number, json: unknown) => ({
      status,
      headers: { get: (name: string) => (name.toLowerCase() === "content-type" ? (status === 401 ? "application/problem+json" : "application/json") : null) },
      text: async () => JSON.stringify(json),
    });
    if (url.endsWith("/v1/me")) {
      if (!headers.authorization || options.refuse) return respond(401, { type: "about:blank", title: "Sesión no válida", status: 401, code: "UNAUTHENTICATED", detail: "Falta el token." });
      return respond(200, gestorMe);
    }
    throw new Error(`unexpected request ${url}`);
  });
  return { fetch, calls };
}

/** A Cognito client for the pane's UI tests: scripted tokens, recorded calls (no network). */
export function scriptedCognitoClient(tokens: CognitoTokens) {
  const calls: string[] = [];
  const client: CognitoClient = {
    signInUrl: async () => {
      calls.push("signInUrl");
      return "https://coopplans-1.auth.sa-east-1.amazoncognito.com/oauth2/authorize?response_type=code&state=s1";
    },
    completeSignIn: async (url) => {
      calls.push(`completeSignIn ${url}`);
      return tokens;
    },
    refresh: async () => tokens,
    revoke: async (token) => void calls.push(`revoke ${token}`),
    signOutUrl: () => "https://coopplans-1.auth.sa-east-1.amazoncognito.com/logout?client_id=c&logout_uri=x",
  };
  return { client, calls };
}

/** A dialog port that answers each `open` with the next scripted reply (a message, or an error to throw); records the URLs. */
export function scriptedDialog(replies: Array<{ callback: string } | { signedOut: true } | Error>): AuthDialog & { urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    open: async (url) => {
      urls.push(url);
      const reply = replies.shift();
      if (!reply) throw new Error(`unscripted dialog ${url}`);
      if (reply instanceof Error) throw reply;
      return encodeDialogMessage("callback" in reply ? { type: "callback", url: reply.callback } : { type: "signedOut" });
    },
  };
}
