import * as z from "zod";
import { ApiError } from "./apiError";
import { ConsolidationResponse } from "./consolidation";
import { AssignGestorRequest, CooperativeAssigned, CooperativeList, RegisterCooperativeRequest, type CooperativeSummary } from "./cooperatives";
import { HealthResponse } from "./health";
import { MeResponse } from "./me";
import { PlanResponse, PutPlanRequest, PutPlanResponse, Revision, RevisionList, TransitionRequest, TransitionResponse } from "./plans";
import { ProgressReportResponse } from "./report";
import { RulePackImpactResponse, RulePackList, type PublishRulePackRequest } from "./rulePacks";
import { RulePack } from "../rules/calls/rulePack";
import { makeProblem, Problem, PROBLEM_STATUS, type ProblemCode } from "./problem";
import { buildPath, IDEMPOTENCY_KEY_HEADER, ROUTES, type RouteName } from "./routes";

/** The part of a fetch Response the client reads. */
export interface FetchResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The injected fetch: the client's only I/O. `globalThis.fetch` fits. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string | Uint8Array },
) => Promise<FetchResponseLike>;

/** Options of `createApiClient`. */
export interface ApiClientOptions {
  /** Base URL without the `/v1` prefix, e.g. `http://127.0.0.1:4000` or the API Gateway URL. */
  baseUrl: string;
  /** Returns the bearer token (an ID/access token), or null when signed out. */
  getToken: () => string | null | undefined | Promise<string | null | undefined>;
  fetch: FetchLike;
  /**
   * Request bodies larger than this many bytes are sent gzip-compressed (`Content-Encoding:
   * gzip`) when the runtime has `CompressionStream`; default 256 KiB. `Infinity` turns it off.
   */
  compressAboveBytes?: number;
}

/** Options of `listCooperatives`: page size 1–100 and the token of the previous page. */
export interface ListOptions {
  limit?: number;
  nextToken?: string | null;
}

/** The typed API client. Every method throws `ApiError` with the problem on a non-2xx answer. */
export interface ApiClient {
  health(): Promise<HealthResponse>;
  me(): Promise<MeResponse>;
  listCooperatives(regionCode: string, options?: ListOptions): Promise<CooperativeList>;
  /** Registers a cooperative; with `idempotencyKey`, a retry with the same key and body returns the first result. */
  registerCooperative(regionCode: string, body: RegisterCooperativeRequest, idempotencyKey?: string): Promise<CooperativeAssigned>;
  /** Assigns (or reassigns) the gestor/a; `gestorAccount` says what the user directory did (AWS). */
  assignGestor(cooperativeId: string, body: AssignGestorRequest): Promise<CooperativeAssigned>;
  getPlan(cooperativeId: string): Promise<PlanResponse>;
  putPlan(cooperativeId: string, body: PutPlanRequest, idempotencyKey: string): Promise<PutPlanResponse>;
  listRevisions(cooperativeId: string): Promise<RevisionList>;
  getRevision(cooperativeId: string, version: number): Promise<Revision>;
  transition(cooperativeId: string, body: TransitionRequest): Promise<TransitionResponse>;
  /** The progress report of the latest revision at `asOf` (ISO date; default today on the server). */
  report(cooperativeId: string, options?: { asOf?: string }): Promise<ProgressReportResponse>;
  regionConsolidation(regionCode: string): Promise<ConsolidationResponse>;
  nationalConsolidation(): Promise<ConsolidationResponse>;
  /** The rule packs in force: the newest version of each year (built-in ones included). */
  listRulePacks(): Promise<RulePackList>;
  /** One year's pack in force, or the given version. */
  getRulePack(year: number, options?: { version?: number }): Promise<RulePack>;
  /** Publishes a new version of a year's pack (Sercotec central); the answer is the pack as published (server-assigned version and publishedAt). */
  publishRulePack(year: number, body: PublishRulePackRequest): Promise<RulePack>;
  /** Which of a region's plans change findings under a pack version (default the one in force). */
  rulePackImpact(regionCode: string, options: { year: number; version?: number; asOf?: string }): Promise<RulePackImpactResponse>;
}

const DEFAULT_COMPRESS_ABOVE = 256 * 1024;

/** Code used when an error answer carries no readable problem body. */
function codeForStatus(status: number): ProblemCode {
  const byStatus: Partial<Record<number, ProblemCode>> = {
    400: "VALIDATION_FAILED", 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "ROUTE_NOT_FOUND",
    409: "VERSION_CONFLICT", 413: "PAYLOAD_TOO_LARGE", 415: "UNSUPPORTED_MEDIA_TYPE", 422: "VALIDATION_FAILED",
  };
  return byStatus[status] ?? "INTERNAL";
}

function fallbackDetail(status: number): string {
  if (status === 401) return "Su sesión no es válida o expiró: vuelva a iniciar sesión.";
  if (status === 403) return "No tiene permiso para esta operación.";
  if (status === 413) return "La solicitud es demasiado grande.";
  return `El servidor respondió con el estado ${status}. Intente nuevamente más tarde.`;
}

async function gzip(text: string): Promise<Uint8Array | null> {
  const Stream = (globalThis as { CompressionStream?: new (format: "gzip") => TransformStream<Uint8Array, Uint8Array> }).CompressionStream;
  if (!Stream) return null;
  const input = new Blob([text]).stream().pipeThrough(new Stream("gzip"));
  return new Uint8Array(await new Response(input).arrayBuffer());
}

/**
 * Creates the typed client of the coop-plans HTTP API. Its only I/O is the injected `fetch`;
 * responses are parsed with the contract's zod schemas (`INVALID_RESPONSE` when they don't fit),
 * errors become `ApiError` with the server's problem (`NETWORK_ERROR` when fetch rejects).
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const compressAbove = options.compressAboveBytes ?? DEFAULT_COMPRESS_ABOVE;

  async function call<S extends z.ZodType>(
    name: RouteName,
    schema: S,
    request: { params?: Record<string, string | number>; query?: Record<string, string | number | undefined | null>; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<z.output<S>> {
    const route = ROUTES[name];
    let url = baseUrl + buildPath(route.path, request.params);
    const query = Object.entries(request.query ?? {}).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null);
    if (query.length > 0) url += "?" + query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join("&");

    const headers: Record<string, string> = { accept: "application/json", ...request.headers };
    if (route.authorized) {
      const token = await options.getToken();
      if (token) headers.authorization = `Bearer ${token}`;
    }
    let body: string | Uint8Array | undefined;
    if (request.body !== undefined) {
      const text = JSON.stringify(request.body);
      headers["content-type"] = "application/json";
      body = text;
      if (text.length > compressAbove) {
        const compressed = await gzip(text);
        if (compressed) {
          body = compressed;
          headers["content-encoding"] = "gzip";
        }
      }
    }

    let response: FetchResponseLike;
    try {
      response = await options.fetch(url, { method: route.method, headers, body });
    } catch {
      throw new ApiError(makeProblem("NETWORK_ERROR", "No fue posible conectarse con el servidor: revise su conexión e intente nuevamente."));
    }
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (response.status < 200 || response.status >= 300) {
      const problem = Problem.safeParse(json);
      if (problem.success) throw new ApiError(problem.data);
      const code = codeForStatus(response.status);
      throw new ApiError({ ...makeProblem(code, fallbackDetail(response.status)), status: response.status });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ApiError({
        ...makeProblem("INVALID_RESPONSE", `La respuesta del servidor a ${route.routeKey} no tiene la forma esperada.`),
        status: PROBLEM_STATUS.INVALID_RESPONSE,
      });
    }
    return parsed.data;
  }

  return {
    health: () => call("health", HealthResponse),
    me: () => call("me", MeResponse),
    listCooperatives: (regionCode, list = {}) =>
      call("listCooperatives", CooperativeList, { params: { code: regionCode }, query: { limit: list.limit, nextToken: list.nextToken } }),
    registerCooperative: (regionCode, body, idempotencyKey) =>
      call("registerCooperative", CooperativeAssigned, {
        params: { code: regionCode },
        body,
        headers: idempotencyKey ? { [IDEMPOTENCY_KEY_HEADER.toLowerCase()]: idempotencyKey } : undefined,
      }),
    assignGestor: (cooperativeId, body) => call("assignGestor", CooperativeAssigned, { params: { id: cooperativeId }, body }),
    getPlan: (cooperativeId) => call("getPlan", PlanResponse, { params: { id: cooperativeId } }),
    putPlan: (cooperativeId, body, idempotencyKey) =>
      call("putPlan", PutPlanResponse, { params: { id: cooperativeId }, body, headers: { [IDEMPOTENCY_KEY_HEADER.toLowerCase()]: idempotencyKey } }),
    listRevisions: (cooperativeId) => call("listRevisions", RevisionList, { params: { id: cooperativeId } }),
    getRevision: (cooperativeId, version) => call("getRevision", Revision, { params: { id: cooperativeId, v: version } }),
    transition: (cooperativeId, body) => call("transition", TransitionResponse, { params: { id: cooperativeId }, body }),
    report: (cooperativeId, options = {}) => call("report", ProgressReportResponse, { params: { id: cooperativeId }, query: { asOf: options.asOf } }),
    regionConsolidation: (regionCode) => call("regionConsolidation", ConsolidationResponse, { params: { code: regionCode } }),
    nationalConsolidation: () => call("nationalConsolidation", ConsolidationResponse),
    listRulePacks: () => call("listRulePacks", RulePackList),
    getRulePack: (year, options = {}) => call("getRulePack", RulePack, { params: { year }, query: { version: options.version } }),
    publishRulePack: (year, body) => call("publishRulePack", RulePack, { params: { year }, body }),
    rulePackImpact: (regionCode, options) =>
      call("rulePackImpact", RulePackImpactResponse, { params: { code: regionCode }, query: { year: options.year, version: options.version, asOf: options.asOf } }),
  };
}

/**
 * Every cooperative of a region, in the server's order (by name): `listCooperatives` page after
 * page (`pageSize`, 1–100, default 100), passing each page's `nextToken` back until it is null.
 * Throws what `listCooperatives` throws (ApiError), and Error when the server hands back a token it
 * already gave (it would page forever).
 */
export async function listAllCooperatives(
  client: Pick<ApiClient, "listCooperatives">,
  regionCode: string,
  pageSize = 100,
): Promise<CooperativeSummary[]> {
  const all: CooperativeSummary[] = [];
  const seen = new Set<string>();
  let nextToken: string | null = null;
  do {
    const page: CooperativeList = await client.listCooperatives(regionCode, { limit: pageSize, nextToken });
    all.push(...page.items);
    nextToken = page.nextToken;
    if (nextToken !== null) {
      if (seen.has(nextToken)) throw new Error(`The server repeated a page token of region ${regionCode}`);
      seen.add(nextToken);
    }
  } while (nextToken);
  return all;
}
