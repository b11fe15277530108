import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { makeProblem, PROBLEM_CONTENT_TYPE, ROUTE_LIST, type HandlerGroup, type ProblemCode, type RouteDefinition } from "@coop-plans/shared/api";
import type { DevTokenCheck } from "./devTokens";
import { LOCAL_API_HOST, LOCAL_API_PORT } from "./address";

/** A Lambda handler of one group, as functions/src/handlers/* export it. */
export type LambdaHandler = (event: APIGatewayProxyEventV2WithJWTAuthorizer) => Promise<APIGatewayProxyResultV2>;

/** Verifies a bearer token (without "Bearer "); null when the request carried none. */
export type Authenticate = (token: string | null) => Promise<DevTokenCheck>;

/** Origins of the task pane in local mode (vite dev server over http, the dev-certs https). */
export const LOCAL_ALLOWED_ORIGINS = ["http://127.0.0.1:3000", "https://localhost:3000"];

/** Environment variable with extra CORS origins, comma-separated (e.g. a task pane served on another port). */
export const ALLOWED_ORIGINS_ENV = "COOP_PLANS_ALLOWED_ORIGINS";

/** The default CORS origins: LOCAL_ALLOWED_ORIGINS plus those of `COOP_PLANS_ALLOWED_ORIGINS`. */
export function defaultAllowedOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const extra = (env[ALLOWED_ORIGINS_ENV] ?? "").split(",").map((o) => o.trim().replace(/\/+$/, "")).filter(Boolean);
  return [...new Set([...LOCAL_ALLOWED_ORIGINS, ...extra])];
}

/** Default address of the local API (functions/local/address.ts). */
export { LOCAL_API_HOST, LOCAL_API_PORT };

/** API Gateway's own payload limit for HTTP APIs (10 MB); the handlers enforce the API's 1 MiB. */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The handler modules, one per group, loaded on first use (literal imports, so tsx and bundlers see them). */
const HANDLER_MODULES: Record<HandlerGroup, () => Promise<{ handler: unknown }>> = {
  health: () => import("../src/handlers/health"),
  me: () => import("../src/handlers/me"),
  cooperatives: () => import("../src/handlers/cooperatives"),
  plans: () => import("../src/handlers/plans"),
  consolidation: () => import("../src/handlers/consolidation"),
  rulePacks: () => import("../src/handlers/rulePacks"),
};

/** Options of the local adapter. */
export interface LocalServerOptions {
  host?: string;
  /** 0 picks a free port. Default 4000. */
  port?: number;
  /** Token verification; default: dev tokens signed with the key under `.data/` (created if missing). */
  authenticate?: Authenticate;
  /** Handlers by group; default: the modules of functions/src/handlers. Tests inject echo handlers. */
  handlers?: Partial<Record<HandlerGroup, LambdaHandler>>;
  /** Origins allowed by CORS (default `defaultAllowedOrigins()`: LOCAL_ALLOWED_ORIGINS + COOP_PLANS_ALLOWED_ORIGINS). */
  allowedOrigins?: string[];
  /** Where one line per request goes (method, path, status, ms; never tokens or bodies). Default: nowhere. */
  log?: (line: string) => void;
  /** Clock, for tests. */
  now?: () => Date;
}

/** A running local API. */
export interface LocalServer {
  server: Server;
  /** `http://127.0.0.1:4000` */
  url: string;
  port: number;
  /**
   * Stops accepting connections and drains: requests in flight are answered (up to `graceMs`,
   * default 10 000 ms), idle keep-alive connections are closed at once, then the rest.
   */
  close(graceMs?: number): Promise<void>;
}

/** A route of the table compiled to a matcher. */
interface CompiledRoute {
  route: RouteDefinition;
  pattern: RegExp;
  params: string[];
}

function compile(route: RouteDefinition): CompiledRoute {
  const params: string[] = [];
  const source = route.path
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (m) {
        params.push(m[1]);
        return "([^/]+)";
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return { route, pattern: new RegExp(`^${source}$`), params };
}

const COMPILED = ROUTE_LIST.map(compile);

/** The route a request matches, with its decoded path parameters; null when none (API Gateway: 404). */
export function matchRoute(method: string, rawPath: string): { route: RouteDefinition; pathParameters: Record<string, string> } | null {
  for (const c of COMPILED) {
    if (c.route.method !== method) continue;
    const m = c.pattern.exec(rawPath);
    if (!m) continue;
    const pathParameters: Record<string, string> = {};
    c.params.forEach((name, i) => {
      pathParameters[name] = safeDecode(m[i + 1]);
    });
    return { route: c.route, pathParameters };
  }
  return null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `12/Mar/2020:19:03:58 +0000`, the format of API Gateway's `requestContext.time`. */
export function gatewayTime(date: Date): string {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${p(date.getUTCHours())}:${p(date.getUTCMinutes())}:${p(date.getUTCSeconds())} +0000`;
}

/**
 * Claims as API Gateway's JWT authorizer hands them to the integration: every value a string
 * (numbers and booleans as text, arrays flattened to `[a b]`).
 */
export function gatewayClaims(claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) out[name] = `[${value.map(String).join(" ")}]`;
    else if (typeof value === "object") out[name] = JSON.stringify(value);
    else out[name] = String(value);
  }
  return out;
}

/** Whether a request body is text API Gateway passes as is (otherwise base64 with `isBase64Encoded`). */
function isTextBody(headers: Record<string, string>): boolean {
  const encoding = headers["content-encoding"];
  if (encoding && encoding.toLowerCase() !== "identity") return false;
  const type = (headers["content-type"] ?? "").toLowerCase();
  if (type === "") return true;
  return /^text\/|[/+]json\b|[/+]xml\b|javascript|x-www-form-urlencoded/.test(type);
}

/** What the adapter read of an incoming request. */
export interface RawRequest {
  method: string;
  /** Path and query exactly as sent (`/v1/me?x=1`). */
  url: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
  sourceIp: string;
}

/**
 * Builds the API Gateway HTTP API payload v2 event of a request, as the real service does:
 * `version` "2.0", `routeKey`, `rawPath`, `rawQueryString`, lower-cased `headers` (repeated ones
 * joined by commas, cookies moved to `cookies`), `queryStringParameters` (decoded, repeated keys
 * joined by commas; absent when none), `pathParameters` (decoded; absent when none), `body`
 * (base64 with `isBase64Encoded` for compressed or binary bodies; absent when empty), and
 * `requestContext` with `http`, `requestId`, `routeKey`, `stage` "$default", `time`, `timeEpoch`
 * and, on an authorized route, `authorizer.jwt { claims, scopes }`.
 */
export function buildEvent(
  request: RawRequest,
  route: RouteDefinition,
  pathParameters: Record<string, string>,
  claims: Record<string, unknown> | null,
  now: Date,
  requestId: string,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const q = request.url.indexOf("?");
  const rawPath = q >= 0 ? request.url.slice(0, q) : request.url;
  const rawQueryString = q >= 0 ? request.url.slice(q + 1) : "";

  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    if (key === "cookie") {
      cookies = (Array.isArray(value) ? value.join("; ") : value).split(/;\s*/).filter(Boolean);
      continue;
    }
    headers[key] = Array.isArray(value) ? value.join(",") : value;
  }
  headers["x-forwarded-for"] ??= request.sourceIp;
  headers["x-forwarded-proto"] ??= "http";

  let queryStringParameters: Record<string, string> | undefined;
  if (rawQueryString) {
    queryStringParameters = {};
    for (const pair of rawQueryString.split("&")) {
      if (!pair) continue;
      const eq = pair.indexOf("=");
      const key = safeDecode((eq >= 0 ? pair.slice(0, eq) : pair).replace(/\+/g, " "));
      const value = safeDecode((eq >= 0 ? pair.slice(eq + 1) : "").replace(/\+/g, " "));
      queryStringParameters[key] = key in queryStringParameters ? `${queryStringParameters[key]},${value}` : value;
    }
  }

  const event: APIGatewayProxyEventV2WithJWTAuthorizer = {
    version: "2.0",
    routeKey: route.routeKey,
    rawPath,
    rawQueryString,
    headers,
    requestContext: {
      accountId: "000000000000",
      apiId: "local",
      domainName: headers.host ?? `${LOCAL_API_HOST}:${LOCAL_API_PORT}`,
      domainPrefix: (headers.host ?? LOCAL_API_HOST).split(".")[0].split(":")[0],
      http: {
        method: request.method,
        path: rawPath,
        protocol: "HTTP/1.1",
        sourceIp: request.sourceIp,
        userAgent: headers["user-agent"] ?? "",
      },
      requestId,
      routeKey: route.routeKey,
      stage: "$default",
      time: gatewayTime(now),
      timeEpoch: now.getTime(),
      // Overwritten below on authorized routes; API Gateway sends no authorizer on a public route.
      authorizer: undefined as unknown as APIGatewayProxyEventV2WithJWTAuthorizer["requestContext"]["authorizer"],
    },
    isBase64Encoded: false,
  };
  if (!claims) delete (event.requestContext as { authorizer?: unknown }).authorizer;
  else {
    const scope = typeof claims.scope === "string" ? claims.scope.split(" ").filter(Boolean) : null;
    event.requestContext.authorizer = { principalId: "", integrationLatency: 0, jwt: { claims: gatewayClaims(claims), scopes: scope } };
  }
  if (cookies) event.cookies = cookies;
  if (queryStringParameters) event.queryStringParameters = queryStringParameters;
  if (Object.keys(pathParameters).length > 0) event.pathParameters = pathParameters;
  if (request.body.length > 0) {
    if (isTextBody(headers)) event.body = request.body.toString("utf8");
    else {
      event.body = request.body.toString("base64");
      event.isBase64Encoded = true;
    }
  }
  return event;
}

/** An API Gateway style request id (`ABcdEFghIJklMNo=`). */
function newRequestId(): string {
  return randomBytes(11).toString("base64").slice(0, 14) + "=";
}

function problemResult(code: ProblemCode, detail: string): APIGatewayProxyStructuredResultV2 {
  const problem = makeProblem(code, detail);
  return { statusCode: problem.status, headers: { "content-type": PROBLEM_CONTENT_TYPE }, body: JSON.stringify(problem) };
}

/**
 * What API Gateway makes of a handler's return value (payload v2): a structured result as is
 * (status 200 when missing); a string or any other value becomes a 200 JSON body.
 */
function normaliseResult(result: APIGatewayProxyResultV2): APIGatewayProxyStructuredResultV2 {
  if (result && typeof result === "object" && "statusCode" in result) return result as APIGatewayProxyStructuredResultV2;
  if (typeof result === "string") return { statusCode: 200, headers: { "content-type": "application/json" }, body: result };
  return { statusCode: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(result ?? null) };
}

/** Reads a request body up to `limit` bytes; null when larger (the rest is drained). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) tooLarge = true;
    else chunks.push(buf);
  }
  return tooLarge ? null : Buffer.concat(chunks);
}

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const text = header.trim();
  // API Gateway's JWT authorizer accepts the token with or without the "Bearer " prefix.
  const m = /^Bearer\s+(.+)$/i.exec(text);
  const token = (m ? m[1] : text).trim();
  return token || null;
}

function corsHeaders(origin: string | undefined, allowed: string[]): Record<string, string> {
  if (!origin || !allowed.includes(origin)) return {};
  return {
    "access-control-allow-origin": origin,
    // As the AWS stack (infra/lib/plansHttpApi.ts): the pane reads these on cross-origin answers.
    "access-control-expose-headers": "content-type,apigw-requestid,location,idempotent-replayed,retry-after",
    vary: "origin",
  };
}

/**
 * The default verifier: dev tokens signed with the key under `.data/` (created when missing).
 * jose is loaded here, on demand, so that the adapter itself loads without it. A token verified
 * once is remembered (up to 256) until its `exp`: jose's HMAC goes through WebCrypto, a thread-pool
 * round trip on every request, which the sync benchmark counts as overhead of a save.
 */
export async function devTokenAuthenticator(): Promise<Authenticate> {
  const m = await import("./devTokens");
  const key = m.loadOrCreateDevKey();
  const verified = new Map<string, DevTokenCheck & { ok: true }>();
  return async (token) => {
    const known = token ? verified.get(token) : undefined;
    if (known && known.claims.exp > Date.now() / 1000) return known;
    const check = await m.verifyDevToken(key, token);
    if (check.ok && token) {
      if (verified.size >= 256) verified.clear();
      verified.set(token, check);
    } else if (token) {
      verified.delete(token);
    }
    return check;
  };
}

function lazyDevTokenAuthenticator(): Authenticate {
  let verify: Promise<Authenticate> | null = null;
  return async (token) => {
    verify ??= devTokenAuthenticator();
    return (await verify)(token);
  };
}

/**
 * The request listener of the local API: CORS (preflight answered here, as API Gateway does),
 * route match against shared/api's table (no match → 404), the JWT authorizer on authorized
 * routes, the v2 event, the handler of the route's group, and its result written back.
 */
export function createRequestListener(options: LocalServerOptions = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const allowed = options.allowedOrigins ?? defaultAllowedOrigins();
  const authenticate = options.authenticate ?? lazyDevTokenAuthenticator();
  const now = options.now ?? (() => new Date());
  const loaded = new Map<HandlerGroup, Promise<LambdaHandler>>();
  const handlerOf = (group: HandlerGroup): Promise<LambdaHandler> => {
    const injected = options.handlers?.[group];
    if (injected) return Promise.resolve(injected);
    let p = loaded.get(group);
    if (!p) {
      p = HANDLER_MODULES[group]().then((m) => m.handler as LambdaHandler);
      loaded.set(group, p);
    }
    return p;
  };

  return (req, res) => {
    const started = Date.now();
    const requestId = newRequestId();
    const method = (req.method ?? "GET").toUpperCase();
    const url = req.url ?? "/";
    const cors = corsHeaders(req.headers.origin, allowed);

    const send = (result: APIGatewayProxyStructuredResultV2) => {
      const status = result.statusCode ?? 200;
      const headers: Record<string, string | string[]> = { ...cors, "apigw-requestid": requestId };
      for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = String(v);
      if (result.cookies && result.cookies.length > 0) headers["set-cookie"] = result.cookies;
      const body = result.body === undefined ? Buffer.alloc(0) : Buffer.from(result.body, result.isBase64Encoded ? "base64" : "utf8");
      headers["content-length"] = String(body.length);
      res.writeHead(status, headers);
      res.end(body);
      options.log?.(`${method} ${url.split("?")[0]} → ${status} (${Date.now() - started} ms)`);
    };

    const run = async () => {
      if (method === "OPTIONS" && req.headers["access-control-request-method"]) {
        // CORS preflight: API Gateway answers it before routes and authorizers.
        req.resume();
        const preflight = cors["access-control-allow-origin"]
          ? {
            ...cors,
            "access-control-allow-methods": "GET,PUT,POST,OPTIONS",
            "access-control-allow-headers": "authorization,content-type,content-encoding,idempotency-key",
            "access-control-max-age": "600",
          }
          : {};
        res.writeHead(204, { ...preflight, "apigw-requestid": requestId });
        res.end();
        options.log?.(`OPTIONS ${url.split("?")[0]} → 204`);
        return;
      }
      const rawPath = url.split("?")[0];
      const match = matchRoute(method, rawPath);
      if (!match) {
        req.resume();
        // AWS answers {"message":"Not Found"}; we answer our problem+json with a Spanish detail.
        send(problemResult("ROUTE_NOT_FOUND", `No existe la ruta ${method} ${rawPath}.`));
        return;
      }
      const body = await readBody(req, GATEWAY_MAX_BODY_BYTES);
      if (body === null) {
        // AWS answers {"message":"Request Entity Too Large"}.
        send(problemResult("PAYLOAD_TOO_LARGE", "La solicitud supera los 10 MB que admite la API."));
        return;
      }
      let claims: Record<string, unknown> | null = null;
      if (match.route.authorized) {
        const check = await authenticate(bearerToken(req.headers.authorization));
        if (!check.ok) {
          // API Gateway's JWT authorizer answers 401 {"message":"Unauthorized"} without calling the
          // function; we answer the same status with our problem+json and a Spanish detail, so
          // the client shows one kind of error everywhere.
          const detail = check.reason === "missing"
            ? "Falta el token de acceso: inicie sesión (coop-plans login) y vuelva a intentar."
            : check.reason === "expired"
              ? "Su sesión expiró: vuelva a iniciar sesión."
              : "El token de acceso no es válido: vuelva a iniciar sesión.";
          send(problemResult("UNAUTHENTICATED", detail));
          return;
        }
        claims = check.claims as unknown as Record<string, unknown>;
      }
      const event = buildEvent(
        { method, url, headers: req.headers, body, sourceIp: normaliseIp(req.socket.remoteAddress) },
        match.route, match.pathParameters, claims, now(), requestId,
      );
      let result: APIGatewayProxyStructuredResultV2;
      try {
        const handler = await handlerOf(match.route.group);
        result = normaliseResult(await handler(event));
      } catch (error) {
        // AWS answers 500 {"message":"Internal Server Error"} when the function throws.
        process.stderr.write(`[local-api] ${match.route.routeKey} falló: ${(error as Error)?.stack ?? String(error)}\n`);
        result = problemResult("INTERNAL", "Error interno del servidor local. Revise la consola de npm start.");
      }
      send(result);
    };
    run().catch((error: unknown) => {
      process.stderr.write(`[local-api] ${(error as Error)?.stack ?? String(error)}\n`);
      if (!res.headersSent) send(problemResult("INTERNAL", "Error interno del servidor local."));
      else res.end();
    });
  };
}

function normaliseIp(address: string | undefined): string {
  if (!address) return "127.0.0.1";
  return address.startsWith("::ffff:") ? address.slice(7) : address === "::1" ? "127.0.0.1" : address;
}

/**
 * Starts the local API (default http://127.0.0.1:4000). Resolves once it listens.
 * @throws Error with a Spanish message when the port is taken.
 */
export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const host = options.host ?? LOCAL_API_HOST;
  const authenticate = options.authenticate ?? (await devTokenAuthenticator());
  const server = createServer(createRequestListener({ ...options, authenticate }));
  server.keepAliveTimeout = 5_000;
  const inFlight = new Set<ServerResponse>();
  server.on("request", (_req, res) => {
    inFlight.add(res);
    res.on("close", () => inFlight.delete(res));
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === "EADDRINUSE"
        ? new Error(`El puerto ${options.port ?? LOCAL_API_PORT} ya está en uso: cierre el otro proceso (¿otro npm start?) o elija otro puerto.`)
        : error);
    };
    server.once("error", onError);
    server.listen(options.port ?? LOCAL_API_PORT, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://${host}:${port}`,
    close: async (graceMs = 10_000) => {
      // Before: closeAllConnections() first cut the requests in flight (a save half-way got a reset).
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A keep-alive connection whose last request ends during the drain is idle then: close it.
      server.on("request", (_req, res) => res.on("close", () => setImmediate(() => server.closeIdleConnections())));
      for (const res of inFlight) res.on("close", () => setImmediate(() => server.closeIdleConnections()));
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
    },
  };
}
