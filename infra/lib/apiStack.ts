import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import type { IDistribution } from "aws-cdk-lib/aws-cloudfront";
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";
import { HANDLER_GROUPS, type HandlerGroup } from "@coop-plans/shared/api";
import { PAGE_TOKEN_SECRET_ENV } from "@coop-plans/functions/page-token";
import { DIRECTORY_ACTIONS, USER_DIRECTORY_ENV, USER_POOL_ID_ENV } from "@coop-plans/functions/directory-actions";
import { createApiAuthorizer, type ApiIdentity } from "./apiAuthorizer";
import { ApiMonitoring } from "./apiMonitoring";
import type { DeploymentConfig } from "./deploymentConfig";
import { HandlerFunction } from "./handlerFunction";
import { HANDLER_SETTINGS } from "./handlerSettings";
import { PlansHttpApi } from "./plansHttpApi";
import { TaskPaneConfig } from "./taskPaneConfig";

/** Props of `ApiStack`. */
export interface ApiStackProps extends StackProps {
  table: ITableV2;
  identity: ApiIdentity;
  /** The task pane's origin (`https://<id>.cloudfront.net`, a token until deploy): always a CORS origin. */
  taskPaneOrigin: string;
  /**
   * The task pane's bucket and distribution (WebStack): this stack writes the pane's config.json
   * there (see TaskPaneConfig for why here and not in the Web stack); absent, no config.json.
   */
  taskPane?: { bucket: IBucket; distribution: IDistribution };
  config: Pick<DeploymentConfig, "allowedOrigins" | "logLevel" | "throttleRateLimit" | "throttleBurstLimit" | "alarmEmail">;
  /** Repository root (esbuild project root and lock file). */
  repoRoot: string;
}

/**
 * The stateless API stack: one function per handler group of shared/api, the HTTP API with every
 * route of the route table behind the JWT authorizer (health aside), alarms and a dashboard.
 * Writes the task pane's config.json (API URL, sign-in settings) into the Web stack's bucket.
 * Outputs `ApiUrl`, `DashboardName` and `AlarmTopicArn`.
 */
export class ApiStack extends Stack {
  readonly functions: Record<HandlerGroup, HandlerFunction>;
  readonly httpApi: PlansHttpApi;
  readonly monitoring: ApiMonitoring;
  /** The HMAC key of the page tokens (in the cooperatives function's environment). */
  readonly pageTokenSecret: Secret;
  /** The task pane's config.json deployment, when `taskPane` was given. */
  readonly taskPaneConfig?: TaskPaneConfig;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, { description: "coop-plans: HTTP API, Lambda functions, alarms and dashboard", ...props });
    const { table, config, repoRoot } = props;

    // The key that signs the region list's page tokens (functions/src/cooperatives/pageToken.ts):
    // generated once by Secrets Manager, resolved by CloudFormation into the cooperatives function's
    // environment (encrypted at rest by Lambda; whoever may read the function's configuration could
    // forge page tokens, which still only page within the regions their own token allows).
    this.pageTokenSecret = new Secret(this, "PageTokenSecret", {
      description: "coop-plans: HMAC key of the region list's page tokens",
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    // The cooperatives function asks the user directory before assigning a gestor/a
    // (functions/src/directory): Cognito's pool (invites missing accounts), or Entra ID.
    const identity = props.identity;
    const directory: Record<string, string> = identity.kind === "cognito"
      ? { [USER_DIRECTORY_ENV]: "cognito", [USER_POOL_ID_ENV]: identity.userPool.userPoolId }
      : { [USER_DIRECTORY_ENV]: "entra" };
    const environment: Partial<Record<HandlerGroup, Record<string, string>>> = {
      cooperatives: { [PAGE_TOKEN_SECRET_ENV]: this.pageTokenSecret.secretValue.unsafeUnwrap(), ...directory },
    };

    const functions = {} as Record<HandlerGroup, HandlerFunction>;
    const fns = {} as Record<HandlerGroup, IFunction>;
    for (const group of HANDLER_GROUPS) {
      functions[group] = new HandlerFunction(this, `${pascal(group)}Handler`, {
        group,
        settings: HANDLER_SETTINGS[group],
        table,
        repoRoot,
        logLevel: config.logLevel,
        environment: environment[group],
      });
      fns[group] = functions[group].fn;
    }
    this.functions = functions;
    // Exactly the cognito-idp actions the directory sends, on the pool only, to that function only.
    if (identity.kind === "cognito") identity.userPool.grant(functions.cooperatives.fn, ...DIRECTORY_ACTIONS);

    this.httpApi = new PlansHttpApi(this, "Http", {
      functions: fns,
      authorizer: createApiAuthorizer(props.identity),
      allowedOrigins: [props.taskPaneOrigin, ...config.allowedOrigins],
      throttle: { rateLimit: config.throttleRateLimit, burstLimit: config.throttleBurstLimit },
    });

    this.monitoring = new ApiMonitoring(this, "Monitoring", { api: this.httpApi.api, functions: fns, table, alarmEmail: config.alarmEmail });

    if (props.taskPane) {
      this.taskPaneConfig = new TaskPaneConfig(this, "TaskPaneConfig", {
        bucket: props.taskPane.bucket,
        distribution: props.taskPane.distribution,
        apiUrl: this.httpApi.url,
        auth:
          identity.kind === "cognito"
            ? { kind: "cognito", userPoolId: identity.userPool.userPoolId, clientId: identity.client.userPoolClientId, domain: identity.domainUrl, redirectUri: identity.dialogUrl }
            : { kind: "entra", clientId: identity.clientId, apiScope: identity.apiScope },
      });
    }

    new CfnOutput(this, "ApiUrl", { value: this.httpApi.url, description: "Base URL of the API (the task pane's server address)" });
    new CfnOutput(this, "DashboardName", { value: this.monitoring.dashboard.dashboardName, description: "CloudWatch dashboard of the API" });
    new CfnOutput(this, "AlarmTopicArn", { value: this.monitoring.topic.topicArn, description: "SNS topic the alarms notify" });
    if (props.identity.kind === "entra") new CfnOutput(this, "JwtIssuer", { value: props.identity.issuer, description: "Entra ID issuer trusted by the API" });
  }
}

/** `consolidation` → `Consolidation` (construct ids). */
function pascal(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
