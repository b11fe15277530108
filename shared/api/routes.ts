/** The Lambda handler groups; each is one module under functions/src/handlers exporting `handler`. */
export const HANDLER_GROUPS = ["health", "me", "cooperatives", "plans", "consolidation", "rulePacks"] as const;
export type HandlerGroup = (typeof HANDLER_GROUPS)[number];

/** HTTP methods the API uses. */
export type HttpMethod = "GET" | "PUT" | "POST";

/** One route of the HTTP API. `routeKey` is exactly API Gateway's (`PUT /v1/cooperatives/{id}/plan`). */
export interface RouteDefinition {
  /** Stable name, the API client's method name. */
  name: RouteName;
  method: HttpMethod;
  /** Path template with `{param}` placeholders. */
  path: string;
  routeKey: string;
  /** Handler group that serves it. */
  group: HandlerGroup;
  /** Behind the JWT authorizer (every route but health). */
  authorized: boolean;
}

function route(name: RouteName, method: HttpMethod, path: string, group: HandlerGroup, authorized = true): RouteDefinition {
  return { name, method, path, routeKey: `${method} ${path}`, group, authorized };
}

export type RouteName =
  | "health"
  | "me"
  | "listCooperatives"
  | "registerCooperative"
  | "assignGestor"
  | "getPlan"
  | "putPlan"
  | "listRevisions"
  | "getRevision"
  | "transition"
  | "report"
  | "regionConsolidation"
  | "nationalConsolidation"
  | "listRulePacks"
  | "getRulePack"
  | "publishRulePack"
  | "rulePackImpact";

/** Every route of the API; the CDK stack iterates it to wire routes, the handlers dispatch on it. */
export const ROUTES: Record<RouteName, RouteDefinition> = {
  health: route("health", "GET", "/v1/health", "health", false),
  me: route("me", "GET", "/v1/me", "me"),
  listCooperatives: route("listCooperatives", "GET", "/v1/regions/{code}/cooperatives", "cooperatives"),
  registerCooperative: route("registerCooperative", "POST", "/v1/regions/{code}/cooperatives", "cooperatives"),
  assignGestor: route("assignGestor", "PUT", "/v1/cooperatives/{id}/gestor", "cooperatives"),
  getPlan: route("getPlan", "GET", "/v1/cooperatives/{id}/plan", "plans"),
  putPlan: route("putPlan", "PUT", "/v1/cooperatives/{id}/plan", "plans"),
  listRevisions: route("listRevisions", "GET", "/v1/cooperatives/{id}/plan/revisions", "plans"),
  getRevision: route("getRevision", "GET", "/v1/cooperatives/{id}/plan/revisions/{v}", "plans"),
  transition: route("transition", "POST", "/v1/cooperatives/{id}/plan/transitions", "plans"),
  report: route("report", "GET", "/v1/cooperatives/{id}/report", "plans"),
  regionConsolidation: route("regionConsolidation", "GET", "/v1/regions/{code}/consolidation", "consolidation"),
  nationalConsolidation: route("nationalConsolidation", "GET", "/v1/consolidation", "consolidation"),
  listRulePacks: route("listRulePacks", "GET", "/v1/rule-packs", "rulePacks"),
  getRulePack: route("getRulePack", "GET", "/v1/rule-packs/{year}", "rulePacks"),
  publishRulePack: route("publishRulePack", "PUT", "/v1/rule-packs/{year}", "rulePacks"),
  rulePackImpact: route("rulePackImpact", "GET", "/v1/regions/{code}/rule-pack-impact", "rulePacks"),
};

/** The routes as a list, in declaration order. */
export const ROUTE_LIST: readonly RouteDefinition[] = Object.values(ROUTES);

/** The routes served by one handler group. */
export function routesOfGroup(group: HandlerGroup): RouteDefinition[] {
  return ROUTE_LIST.filter((r) => r.group === group);
}

/**
 * Fills a path template: `buildPath("/v1/cooperatives/{id}/plan", { id: "c1" })` →
 * `/v1/cooperatives/c1/plan` (values URI-encoded). Throws when a placeholder has no value.
 */
export function buildPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`buildPath: missing value for {${key}} in ${template}`);
    return encodeURIComponent(String(value));
  });
}

/** Name of the request header that carries the idempotency key of a plan save. */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

/** Largest request body the API accepts, in bytes as sent (1 MiB); larger bodies get 413. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;
