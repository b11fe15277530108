import { gestorMe } from "./fakes";

/** An unsigned JWT with the given payload (the pane only decodes tokens; the API verifies them). */
export function fakeJwt(payload: Record<string, unknown>): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${b64({ alg: "RS256", kid: "test" })}.${b64(payload)}.c2lnbmF0dXJl`;
}

/** One recorded request of the fake fetch. */
export interface Recorded {
  url: string;
  target?: string;
  headers: Record<string, string>;
  body: Record<string, unknown> | undefined;
}

/** A scripted Cognito answer: status and JSON body, or a thrown network error. */
export type CognitoAnswer = { status: number; body: unknown } | "network";

/** The body of a successful authentication. */
export function tokensAnswer(idToken: string, refreshToken: string | undefined = "refresh-1", expiresIn = 3600): CognitoAnswer {
  return { status: 200, body: { AuthenticationResult: { IdToken: idToken, AccessToken: `access-${idToken.slice(-6)}`, RefreshToken: refreshToken, ExpiresIn: expiresIn, TokenType: "Bearer" } } };
}

/** A Cognito error answer, as the service sends it. */
export function errorAnswer(type: string, message: string): CognitoAnswer {
  return { status: 400, body: { __type: type, message } };
}

/**
 * A fetch that plays Cognito (answers scripted per X-Amz-Target, in order) and the API (`/v1/me`
 * answers `gestorMe` when a bearer is sent, 401 otherwise); records every request.
 */
export function fakeFetch(script: Partial<Record<"InitiateAuth" | "RespondToAuthChallenge" | "RevokeToken", CognitoAnswer[]>>) {
  const calls: Recorded[] = [];
  const fetch = jest.fn(async (url: string, init: { method: string; headers: Record<string, string>; body?: string | Uint8Array }) => {
    const headers = Object.fromEntries(Object.entries(init.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const body = typeof init.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    const target = headers["x-amz-target"]?.replace("AWSCognitoIdentityProviderService.", "");
    calls.push({ url, target, headers, body });
    const respond = (status: number, json: unknown) => ({
      status,
      headers: { get: (name: string) => (name.toLowerCase() === "content-type" ? (status === 401 ? "application/problem+json" : "application/json") : null) },
      text: async () => JSON.stringify(json),
    });
    if (url.startsWith("https://cognito-idp.")) {
      const answer = (script[target as keyof typeof script] ?? []).shift();
      if (!answer) throw new Error(`unscripted Cognito call ${target}`);
      if (answer === "network") throw new TypeError("Failed to fetch");
      return respond(answer.status, answer.body);
    }
    if (url.endsWith("/v1/me")) {
      if (!headers.authorization) return respond(401, { type: "about:blank", title: "Sesión no válida", status: 401, code: "UNAUTHENTICATED", detail: "Falta el token." });
      return respond(200, gestorMe);
    }
    throw new Error(`unexpected request ${url}`);
  });
  return { fetch, calls };
}
