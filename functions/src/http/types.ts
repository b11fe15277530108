import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import type { Logger } from "@aws-lambda-powertools/logger";
import type { Principal } from "../auth/principal";

/** An API Gateway HTTP API (payload v2) event behind the JWT authorizer; `authorizer` is absent on public routes. */
export type ApiEvent = Omit<APIGatewayProxyEventV2WithJWTAuthorizer, "requestContext"> & {
  requestContext: Omit<APIGatewayProxyEventV2WithJWTAuthorizer["requestContext"], "authorizer"> & {
    authorizer?: Partial<APIGatewayProxyEventV2WithJWTAuthorizer["requestContext"]["authorizer"]>;
  };
};

/** The structured payload v2 result. */
export type ApiResult = APIGatewayProxyStructuredResultV2;

/** What a route function receives: the event (for the raw body), the Web request (headers), the decoded path parameters and the principal (null only on public routes). */
export interface RouteRequest {
  event: ApiEvent;
  req: Request;
  params: Record<string, string>;
  principal: Principal | null;
  logger: Logger;
}

/** What a route function returns: a status and a JSON body (and optional extra headers). */
export interface RouteResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A route's implementation. */
export type RouteFunction = (request: RouteRequest) => Promise<RouteResponse>;

/** The Lambda handler signature of every group. */
export type GroupHandler = (event: ApiEvent, context?: Context) => Promise<ApiResult>;
