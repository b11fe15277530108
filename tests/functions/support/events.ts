import type { Claims } from "../../../functions/src/auth/principal";
import type { ApiEvent } from "../../../functions/src/http/types";

/** What a test request carries. */
export interface TestRequest {
  routeKey: string;
  rawPath: string;
  pathParameters?: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  headers?: Record<string, string>;
  /** A JSON value (stringified), a raw string, or bytes (sent base64-encoded, as API Gateway does for binary bodies). */
  body?: unknown;
  /** JWT claims where the authorizer puts them; omit for no token. */
  claims?: Claims;
}

let counter = 0;

/** Builds an API Gateway HTTP API payload v2 event behind the JWT authorizer. */
export function apiEvent(request: TestRequest): ApiEvent {
  const [method] = request.routeKey.split(" ");
  let body: string | undefined;
  let isBase64Encoded = false;
  if (request.body instanceof Uint8Array) {
    body = Buffer.from(request.body).toString("base64");
    isBase64Encoded = true;
  } else if (typeof request.body === "string") {
    body = request.body;
  } else if (request.body !== undefined) {
    body = JSON.stringify(request.body);
  }
  const headers: Record<string, string> = { "content-type": "application/json", ...lower(request.headers ?? {}) };
  counter += 1;
  return {
    version: "2.0",
    routeKey: request.routeKey,
    rawPath: request.rawPath,
    rawQueryString: new URLSearchParams(request.queryStringParameters ?? {}).toString(),
    headers,
    queryStringParameters: request.queryStringParameters,
    pathParameters: request.pathParameters,
    isBase64Encoded,
    body,
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      domainName: "127.0.0.1",
      domainPrefix: "127",
      http: { method, path: request.rawPath, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "jest" },
      requestId: `test-${counter}`,
      routeKey: request.routeKey,
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      ...(request.claims ? { authorizer: { principalId: "", integrationLatency: 0, jwt: { claims: request.claims as Record<string, string>, scopes: null } } } : {}),
    },
  } as ApiEvent;
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

const inOneHour = () => Math.floor(Date.now() / 1000) + 3600;

/** Claims of a gestor/a (Cognito style). */
export function gestorClaims(email: string, regions = "08"): Claims {
  return { sub: `sub-${email}`, email, "custom:role": "gestor", "custom:regions": regions, exp: inOneHour() };
}

/** Claims of an AOS. */
export function aosClaims(regions = "08", email = "aos@operador.cl"): Claims {
  return { sub: `sub-${email}`, email, "custom:role": "aos", "custom:regions": regions, exp: inOneHour() };
}

/** Claims of Sercotec (`*` for the central level). */
export function sercotecClaims(regions = "*", email = "central@sercotec.cl"): Claims {
  return { sub: `sub-${email}`, email, "custom:role": "sercotec", "custom:regions": regions, exp: inOneHour() };
}
