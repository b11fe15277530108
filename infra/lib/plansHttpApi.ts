import { Duration, RemovalPolicy } from "aws-cdk-lib";
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  LogGroupLogDestination,
  type HttpStage,
  type IHttpRouteAuthorizer,
} from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { IDEMPOTENCY_KEY_HEADER, ROUTE_LIST, type HandlerGroup, type RouteDefinition } from "@coop-plans/shared/api";

/** Props of `PlansHttpApi`. */
export interface PlansHttpApiProps {
  /** The function serving each handler group. */
  functions: Record<HandlerGroup, IFunction>;
  /** JWT authorizer put on every route whose definition says `authorized`. */
  authorizer: IHttpRouteAuthorizer;
  /** Exact CORS origins: the task pane's CloudFront origin and the configured extra ones. */
  allowedOrigins: string[];
  /** Default-route throttling of the stage. */
  throttle: { rateLimit: number; burstLimit: number };
  /** The route table; defaults to shared/api's `ROUTE_LIST`. */
  routes?: readonly RouteDefinition[];
}

/**
 * The HTTP API: exactly the routes of shared/api's route table, each integrated with its handler
 * group's function (payload format 2.0). The JWT authorizer is the API's default, so a route is
 * public only when its definition says so (health), through an explicit `HttpNoneAuthorizer`.
 * CORS answers preflights for the listed origins only (no credentials: the token travels in the
 * Authorization header) and allows exactly the request headers the API client sends
 * (tests/infra/corsClientHeaders.test.ts drives the client to check it). The `$default` stage auto-deploys, throttles every route (rate and burst)
 * and writes JSON access logs.
 */
export class PlansHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** `https://<api id>.execute-api.<region>.amazonaws.com` (no trailing slash). */
  readonly url: string;

  constructor(scope: Construct, id: string, props: PlansHttpApiProps) {
    super(scope, id);
    if (props.allowedOrigins.length === 0) throw new Error("PlansHttpApi: at least one CORS origin is required");

    this.api = new HttpApi(this, "Api", {
      description: "coop-plans API (plans of the Sercotec cooperatives program)",
      createDefaultStage: false,
      defaultAuthorizer: props.authorizer,
      corsPreflight: {
        allowOrigins: props.allowedOrigins,
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.PUT, CorsHttpMethod.POST],
        // Exactly what shared/api/client.ts sends beyond the safelisted headers: content-encoding
        // on gzip-compressed saves (over 256 KiB), or every large sync fails its preflight.
        allowHeaders: ["authorization", "content-type", "content-encoding", IDEMPOTENCY_KEY_HEADER.toLowerCase()],
        // retry-after: the pane reads when to retry a 503 (database unavailable) or a 429.
        exposeHeaders: ["location", "idempotent-replayed", "retry-after"],
        allowCredentials: false,
        maxAge: Duration.hours(1),
      },
    });

    const accessLogs = new LogGroup(this, "AccessLogs", { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    this.stage = this.api.addStage("DefaultStage", {
      stageName: "$default",
      autoDeploy: true,
      throttle: { rateLimit: props.throttle.rateLimit, burstLimit: props.throttle.burstLimit },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
    });
    this.url = this.api.apiEndpoint;

    const integrations = new Map<HandlerGroup, HttpLambdaIntegration>();
    const integrationOf = (group: HandlerGroup): HttpLambdaIntegration => {
      let integration = integrations.get(group);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${group}Integration`, props.functions[group]);
        integrations.set(group, integration);
      }
      return integration;
    };

    for (const route of props.routes ?? ROUTE_LIST) {
      this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrationOf(route.group),
        authorizer: route.authorized ? props.authorizer : new HttpNoneAuthorizer(),
      });
    }
  }
}
