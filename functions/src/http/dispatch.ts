import type { Logger } from "@aws-lambda-powertools/logger";
import { makeProblem, routesOfGroup, type HandlerGroup, type RouteName } from "@coop-plans/shared/api";
import { principalFromClaims, type Claims } from "../auth/principal";
import { fitResponse } from "./compression";
import { HttpProblem } from "./httpProblem";
import { createLogger } from "./logger";
import { header } from "./params";
import { jsonResponse, problemResponse } from "./responses";
import type { ApiEvent, ApiResult, GroupHandler, RouteFunction } from "./types";

/**
 * Builds a handler group's Lambda handler: dispatches on `event.routeKey` to the group's routes
 * (as listed in shared/api ROUTES), maps the JWT claims to a principal on authorized routes (401
 * when missing or unusable), turns HttpProblem into problem+json and anything else into a logged
 * 500, compresses large JSON answers with gzip when the client accepts it and refuses with 413
 * those Lambda could not return (see fitResponse), and writes one structured access log line per request.
 */
export function createGroupHandler(
  group: HandlerGroup,
  routes: Partial<Record<RouteName, RouteFunction>>,
  logger: Logger = createLogger(group),
): GroupHandler {
  const table = new Map(routesOfGroup(group).map((r) => [r.routeKey, { definition: r, fn: routes[r.name] }]));
  return async (event: ApiEvent, context) => {
    const started = Date.now();
    if (context) logger.addContext(context);
    logger.resetKeys();
    logger.appendKeys({ requestId: event.requestContext?.requestId, routeKey: event.routeKey });
    let result: ApiResult;
    try {
      const entry = table.get(event.routeKey);
      if (!entry || !entry.fn) {
        throw new HttpProblem("ROUTE_NOT_FOUND", `La ruta ${event.routeKey} no existe.`);
      }
      const principal = entry.definition.authorized
        ? principalFromClaims(event.requestContext?.authorizer?.jwt?.claims as Claims | undefined)
        : null;
      if (principal) logger.appendKeys({ principalSub: principal.sub, principalRole: principal.role });
      const response = await entry.fn({ event, principal, logger });
      result = jsonResponse(response.status, response.body, response.headers);
    } catch (error) {
      if (error instanceof HttpProblem) {
        result = problemResponse(error.problem);
      } else {
        logger.error("Unhandled error", { error: { name: (error as Error)?.name, message: (error as Error)?.message, stack: (error as Error)?.stack } });
        result = problemResponse(makeProblem("INTERNAL", "Ocurrió un error inesperado en el servidor. Intente nuevamente; si persiste, avise al equipo de soporte."));
      }
    }
    result = fitResponse(result, header(event, "accept-encoding"));
    logger.info("request", { status: result.statusCode, durationMs: Date.now() - started, gzip: result.isBase64Encoded === true });
    return result;
  };
}
