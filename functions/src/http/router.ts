import type { Context } from "aws-lambda";
import type { Logger } from "@aws-lambda-powertools/logger";
import { HttpError, Router } from "@aws-lambda-powertools/event-handler/http";
import { tracer as traceRoutes } from "@aws-lambda-powertools/event-handler/http/middleware/tracer";
import type { Middleware, Path } from "@aws-lambda-powertools/event-handler/types";
import { makeProblem, routesOfGroup, type HandlerGroup, type RouteName } from "@coop-plans/shared/api";
import { principalFromClaims, type Claims } from "../auth/principal";
import { countAnswer, createLogger, publishMetrics, tracer } from "../observability";
import { fitResponse } from "./compression";
import { StoreUnavailableError } from "../plans/planStore";
import { databaseUnavailableResponse, jsonResponse, problemOf, problemResponse } from "./httpProblem";
import type { ApiEvent, ApiResult, GroupHandler, RouteFunction } from "./types";

const INTERNAL_DETAIL = "Ocurrió un error inesperado en el servidor. Intente nuevamente; si persiste, avise al equipo de soporte.";

/** `/v1/cooperatives/{id}/plan` (shared/api) → `/v1/cooperatives/:id/plan` (the router's syntax). */
function routerPath(path: string): Path {
  return path.replace(/\{(\w+)\}/g, ":$1") as Path;
}

/** Logs an unexpected error (name, message, stack: never the request) and answers the generic 500. */
function internal(logger: Logger, error: unknown): Response {
  logger.error("Unhandled error", { error: describeError(error) });
  return problemResponse(makeProblem("INTERNAL", INTERNAL_DETAIL));
}

/** Describes an error for the log: name, message, and the same of its cause (never the request). */
function describeError(error: unknown): Record<string, unknown> {
  const e = error as Error | undefined;
  const cause = e?.cause as (Error & { code?: string; $metadata?: { attempts?: number; totalRetryDelay?: number } }) | undefined;
  return {
    name: e?.name, message: e?.message, stack: e?.stack,
    ...(cause ? { cause: { name: cause.name, message: cause.message, code: cause.code, attempts: cause.$metadata?.attempts, totalRetryDelayMs: cause.$metadata?.totalRetryDelay } } : {}),
  };
}

/**
 * Builds a handler group's Lambda handler on Powertools' HTTP router (`@aws-lambda-powertools/event-handler/http`):
 * the group's routes of shared/api ROUTES, each mapping the JWT claims to a principal on
 * authorized routes (401 when missing or unusable) before calling its route function. Middleware,
 * outermost first:
 * 1. access log and metrics: one structured log line per request (request id, route, principal,
 *    status, duration, gzip) and the counts of observability.ts, published per request;
 * 2. X-Ray: a subsegment per route (responses never captured: they carry personal data);
 * 3. fitResponse: gzip for large JSON when accepted, 413 past Lambda's response limit.
 * In each route, DomainError and HttpProblem become problem+json with the status of their code
 * (shared/api PROBLEM_STATUS); the store's StoreUnavailableError (DynamoDB unreachable, timed out
 * or throttled after the SDK's retries) a logged 503 `DATABASE_UNAVAILABLE` with `Retry-After`;
 * anything else a logged 500. An unknown route answers 404 `ROUTE_NOT_FOUND`.
 */
export function createGroupHandler(
  group: HandlerGroup,
  routes: Partial<Record<RouteName, RouteFunction>>,
  logger: Logger = createLogger(group),
): GroupHandler {
  const app = new Router({ logger });

  const observe: Middleware = async ({ reqCtx, next }) => {
    const started = Date.now();
    const event = reqCtx.event as ApiEvent;
    if (reqCtx.context?.awsRequestId) logger.addContext(reqCtx.context);
    logger.resetKeys();
    logger.appendKeys({ requestId: event.requestContext?.requestId, routeKey: event.routeKey });
    await next();
    const status = reqCtx.res.status;
    countAnswer(status, reqCtx.get("problemCode") as string | undefined);
    publishMetrics();
    logger.info("request", { status, durationMs: Date.now() - started, gzip: reqCtx.res.headers.get("content-encoding") === "gzip" });
  };
  const fit: Middleware = async ({ reqCtx, next }) => {
    await next();
    reqCtx.res = await fitResponse(reqCtx.res, reqCtx.req.headers.get("accept-encoding"));
  };
  app.use(observe);
  app.use(traceRoutes(tracer, { captureResponse: false, logger }));
  app.use(fit);

  for (const definition of routesOfGroup(group)) {
    const fn = routes[definition.name];
    if (!fn) continue;
    app.route(async (reqCtx) => {
      const event = reqCtx.event as ApiEvent;
      try {
        const principal = definition.authorized
          ? principalFromClaims(event.requestContext?.authorizer?.jwt?.claims as Claims | undefined)
          : null;
        if (principal) logger.appendKeys({ principalSub: principal.sub, principalRole: principal.role });
        const answer = await fn({ event, req: reqCtx.req, params: reqCtx.params, principal, logger });
        return jsonResponse(answer.status, answer.body, answer.headers);
      } catch (error) {
        // Caught here, not in a middleware around next(): the router (2.35.0) then reports
        // "next() without awaiting", and the outer middleware must still see the answer.
        if (error instanceof StoreUnavailableError) {
          logger.error("Database unavailable", { error: describeError(error) });
          reqCtx.set("problemCode", "DATABASE_UNAVAILABLE");
          return databaseUnavailableResponse();
        }
        const problem = problemOf(error);
        if (!problem) return internal(logger, error);
        reqCtx.set("problemCode", problem.code);
        return problemResponse(problem);
      }
    }, { method: definition.method, path: routerPath(definition.path) });
  }

  app.notFound(async (_error, reqCtx) => {
    const event = reqCtx.event as ApiEvent;
    return problemResponse(makeProblem("ROUTE_NOT_FOUND", `La ruta ${event.routeKey ?? reqCtx.req.method} no existe.`));
  });
  // What escapes the middleware (the router's own checks): a malformed path parameter → 400, else 500.
  app.errorHandler(Error, async (error) => {
    if (error instanceof HttpError || error instanceof URIError) {
      return problemResponse(makeProblem("VALIDATION_FAILED", "La ruta tiene un parámetro vacío o mal codificado: revise la dirección."));
    }
    return internal(logger, error);
  });

  return (event, context) => app.resolve(event as never, (context ?? {}) as Context) as Promise<ApiResult>;
}
