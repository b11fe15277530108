import { Match } from "aws-cdk-lib/assertions";
import { HANDLER_GROUPS, ROUTE_LIST, type HandlerGroup } from "@coop-plans/shared/api";
import { TABLE_ACTIONS_BY_GROUP } from "../../functions/src/store/tableActions";
import { DIRECTORY_ACTIONS } from "../../functions/src/directory/directoryActions";
import { HANDLER_SETTINGS } from "../../infra/lib/handlerSettings";
import { BUSINESS_BURSTS } from "../../infra/lib/apiMonitoring";
import { METRICS_NAMESPACE } from "../../infra/lib/handlerFunction";
import { METRIC, METRICS_NAMESPACE as FUNCTIONS_NAMESPACE } from "../../functions/src/observability";
import { resourcesOf, synthApp, type CfnResource, type SynthesizedApp } from "./synthApp";

const ORIGINS = ["https://a.example.cl", "https://b.example.cl"];

/** The logical id of the function serving a handler group (by its description). */
function functionIdOf(app: SynthesizedApp, group: HandlerGroup): string {
  const fns = resourcesOf(app.templates.api, "AWS::Lambda::Function");
  const ids = Object.keys(fns).filter((id) => fns[id].Properties?.Description === `coop-plans API: ${group} routes`);
  expect(ids).toHaveLength(1);
  return ids[0];
}

/** The cognito-idp actions granted to a group's function, and the statements granting them. */
function cognitoGrants(app: SynthesizedApp, group: HandlerGroup): { actions: string[]; resources: unknown[] } {
  const fn = resourcesOf(app.templates.api, "AWS::Lambda::Function")[functionIdOf(app, group)];
  const roleId = fn.Properties!.Role["Fn::GetAtt"][0] as string;
  const statements = Object.values(resourcesOf(app.templates.api, "AWS::IAM::Policy"))
    .filter((p) => (p.Properties!.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId))
    .flatMap((p) => p.Properties!.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>)
    .filter((st) => ([] as string[]).concat(st.Action).some((a) => a.startsWith("cognito-idp:")));
  return {
    actions: statements.flatMap((st) => ([] as string[]).concat(st.Action)).filter((a) => a.startsWith("cognito-idp:")).sort(),
    resources: statements.map((st) => st.Resource),
  };
}

describe("ApiStack (Cognito, with allowedOrigins)", () => {
  let app: SynthesizedApp;
  beforeAll(() => {
    app = synthApp({ allowedOrigins: ORIGINS.join(","), throttleRateLimit: "25", throttleBurstLimit: "40" });
  });
  afterAll(() => app.cleanup());

  test("has exactly the routes of shared/api, each on its group's function, JWT on all but health", () => {
    const api = app.templates.api;
    const routes = Object.values(resourcesOf(api, "AWS::ApiGatewayV2::Route"));
    expect(routes.map((r) => r.Properties!.RouteKey).sort()).toEqual(ROUTE_LIST.map((r) => r.routeKey).sort());

    const authorizers = resourcesOf(api, "AWS::ApiGatewayV2::Authorizer");
    expect(Object.keys(authorizers)).toHaveLength(1);
    const authorizerId = Object.keys(authorizers)[0];
    const integrations = resourcesOf(api, "AWS::ApiGatewayV2::Integration");

    for (const def of ROUTE_LIST) {
      const route = routes.find((r) => r.Properties!.RouteKey === def.routeKey)!;
      if (def.authorized) {
        expect({ key: def.routeKey, type: route.Properties!.AuthorizationType }).toEqual({ key: def.routeKey, type: "JWT" });
        expect(route.Properties!.AuthorizerId).toEqual({ Ref: authorizerId });
      } else {
        expect({ key: def.routeKey, type: route.Properties!.AuthorizationType }).toEqual({ key: def.routeKey, type: "NONE" });
        expect(route.Properties!.AuthorizerId).toBeUndefined();
      }
      const integrationId = (route.Properties!.Target as { "Fn::Join": [string, unknown[]] })["Fn::Join"][1][1] as { Ref: string };
      const uri = integrations[integrationId.Ref].Properties!.IntegrationUri;
      expect(uri).toEqual({ "Fn::GetAtt": [functionIdOf(app, def.group), "Arn"] });
    }
    // Health is the only public route.
    expect(ROUTE_LIST.filter((r) => !r.authorized).map((r) => r.name)).toEqual(["health"]);
  });

  test("the authorizer trusts the Cognito user pool and the task pane client", () => {
    const [authorizer] = Object.values(resourcesOf(app.templates.api, "AWS::ApiGatewayV2::Authorizer"));
    expect(authorizer.Properties!.AuthorizerType).toBe("JWT");
    expect(authorizer.Properties!.IdentitySource).toEqual(["$request.header.Authorization"]);
    expect(JSON.stringify(authorizer.Properties!.JwtConfiguration.Issuer)).toMatch(/https:\/\/cognito-idp\..*amazonaws\.com\/.*UserPool/);
    expect(JSON.stringify(authorizer.Properties!.JwtConfiguration.Audience)).toMatch(/TaskPaneClient/);
  });

  test("CORS allows exactly the CloudFront origin and the configured origins", () => {
    const [api] = Object.values(resourcesOf(app.templates.api, "AWS::ApiGatewayV2::Api"));
    const cors = api.Properties!.CorsConfiguration;
    expect(cors.AllowOrigins).toHaveLength(ORIGINS.length + 1);
    expect(cors.AllowOrigins.slice(1)).toEqual(ORIGINS);
    const cloudFront = cors.AllowOrigins[0];
    expect(cloudFront).toEqual({ "Fn::Join": ["", ["https://", expect.anything()]] });
    expect(JSON.stringify(cloudFront)).toMatch(/CoopPlansWeb.*TaskPaneDistribution.*DomainName/);
    expect(cors.AllowOrigins).not.toContain("*");
    expect(cors.AllowCredentials).toBe(false);
    expect(cors.AllowMethods).toEqual(["GET", "PUT", "POST"]);
    expect(cors.AllowHeaders).toEqual(expect.arrayContaining(["authorization", "content-type", "idempotency-key"]));
  });

  test("the $default stage throttles every route with the configured rate and burst", () => {
    app.templates.api.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 25, ThrottlingBurstLimit: 40 },
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  test("one function per handler group: nodejs22.x, arm64, sized as HANDLER_SETTINGS, Powertools environment", () => {
    // Besides them, only the BucketDeployment provider that writes the task pane's config.json.
    const all = resourcesOf(app.templates.api, "AWS::Lambda::Function");
    const provider = Object.keys(all).filter((id) => id.startsWith("CustomCDKBucketDeployment"));
    expect(provider).toHaveLength(1);
    const fns = Object.fromEntries(Object.entries(all).filter(([id]) => !provider.includes(id)));
    expect(Object.keys(fns)).toHaveLength(HANDLER_GROUPS.length);
    for (const fn of Object.values(fns)) {
      expect(fn.Properties!.Runtime).toBe("nodejs22.x");
      expect(fn.Properties!.Architectures).toEqual(["arm64"]);
      expect(fn.Properties!.Handler).toBe("index.handler");
    }
    for (const group of HANDLER_GROUPS) {
      const fn = fns[functionIdOf(app, group)];
      const env = fn.Properties!.Environment.Variables;
      expect(fn.Properties!.MemorySize).toBe(HANDLER_SETTINGS[group].memorySize);
      expect(fn.Properties!.Timeout).toBe(HANDLER_SETTINGS[group].timeoutSeconds);
      expect(fn.Properties!.Timeout).toBeLessThan(30);
      expect(env.POWERTOOLS_SERVICE_NAME).toBe("coop-plans");
      expect(env.POWERTOOLS_LOG_LEVEL).toBe("INFO");
      expect(env.NODE_OPTIONS).toBe("--enable-source-maps");
      expect(JSON.stringify(env.TABLE_NAME)).toMatch(/PlansTable/);
    }
  });

  test("no IAM policy grants dynamodb:* or a DynamoDB action on Resource \"*\"", () => {
    let dynamoStatements = 0;
    for (const template of app.all) {
      for (const [id, policy] of Object.entries(resourcesOf(template, "AWS::IAM::Policy"))) {
        for (const statement of policy.Properties!.PolicyDocument.Statement as Array<Record<string, unknown>>) {
          const actions = ([] as unknown[]).concat(statement.Action ?? []);
          const resources = ([] as unknown[]).concat(statement.Resource ?? []);
          expect({ id, actions }).not.toEqual({ id, actions: expect.arrayContaining(["*"]) });
          const dynamo = actions.filter((a) => typeof a === "string" && a.toLowerCase().startsWith("dynamodb:"));
          if (dynamo.length === 0) continue;
          dynamoStatements++;
          expect({ id, dynamo }).not.toEqual({ id, dynamo: expect.arrayContaining(["dynamodb:*"]) });
          expect(dynamo.some((a) => (a as string).includes("*"))).toBe(false);
          expect({ id, resources }).not.toEqual({ id, resources: expect.arrayContaining(["*"]) });
          expect(statement.NotResource).toBeUndefined();
          expect(statement.Effect).toBe("Allow");
        }
      }
    }
    expect(dynamoStatements).toBeGreaterThan(0);
  });

  test("each function may call exactly the table actions its code sends (store/tableActions.ts), on the table and its indexes", () => {
    const roles = resourcesOf(app.templates.api, "AWS::IAM::Policy");
    for (const group of HANDLER_GROUPS) {
      const fn = resourcesOf(app.templates.api, "AWS::Lambda::Function")[functionIdOf(app, group)];
      const roleId = fn.Properties!.Role["Fn::GetAtt"][0] as string;
      const policies = Object.values(roles).filter((p) => (p.Properties!.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId));
      const statements = policies.flatMap((p) => p.Properties!.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>);
      const actions = statements.flatMap((s) => ([] as string[]).concat(s.Action)).filter((a) => a.startsWith("dynamodb:"));
      expect({ group, actions: [...actions].sort() }).toEqual({ group, actions: [...TABLE_ACTIONS_BY_GROUP[group]].sort() });
      expect(actions).not.toContain("dynamodb:Scan");
      // The X-Ray statement (tracing) is on "*", as X-Ray requires; every DynamoDB statement is on the table.
      for (const s of statements.filter((st) => ([] as string[]).concat(st.Action).some((a) => a.startsWith("dynamodb:")))) {
        const text = JSON.stringify(s.Resource);
        expect(text).toMatch(/PlansTable/);
      }
    }
    // Written out (issue 13 item 7): before, plans had UpdateItem and DeleteItem it never sends,
    // and health had no table access at all.
    const granted = (group: string) => {
      const fn = resourcesOf(app.templates.api, "AWS::Lambda::Function")[functionIdOf(app, group as never)];
      const roleId = fn.Properties!.Role["Fn::GetAtt"][0] as string;
      return Object.values(roles)
        .filter((p) => (p.Properties!.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId))
        .flatMap((p) => (p.Properties!.PolicyDocument.Statement as Array<{ Action: string | string[] }>).flatMap((st) => ([] as string[]).concat(st.Action)))
        .filter((a) => a.startsWith("dynamodb:"))
        .sort();
    };
    expect(granted("health")).toEqual(["dynamodb:GetItem"]);
    expect(granted("me")).toEqual(["dynamodb:BatchGetItem", "dynamodb:Query"]);
    expect(granted("consolidation")).toEqual(["dynamodb:BatchGetItem", "dynamodb:Query"]);
    expect(granted("plans")).toEqual(["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]);
    expect(granted("cooperatives")).toEqual(["dynamodb:BatchGetItem", "dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"]);
    expect(granted("rulePacks")).toEqual(["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"]);
  });

  test("an error and a throttle alarm per function, a 5xx-rate alarm, a table-throttle alarm, a dashboard", () => {
    const alarms = Object.values(resourcesOf(app.templates.api, "AWS::CloudWatch::Alarm"));
    const onFunction = (metric: string, fnId: string) =>
      alarms.filter((a) => a.Properties!.Namespace === "AWS/Lambda" && a.Properties!.MetricName === metric && JSON.stringify(a.Properties!.Dimensions) === JSON.stringify([{ Name: "FunctionName", Value: { Ref: fnId } }]));
    for (const group of HANDLER_GROUPS) {
      const fnId = functionIdOf(app, group);
      expect({ group, errors: onFunction("Errors", fnId).length }).toEqual({ group, errors: 1 });
      expect({ group, throttles: onFunction("Throttles", fnId).length }).toEqual({ group, throttles: 1 });
    }
    const math = alarms.filter((a) => Array.isArray(a.Properties!.Metrics));
    const rate = math.find((a) => JSON.stringify(a.Properties!.Metrics).includes("5xx"));
    expect(rate).toBeDefined();
    expect(rate!.Properties!.Threshold).toBe(5);
    expect(JSON.stringify(rate!.Properties!.Metrics)).toMatch(/"MetricName":"Count"/);
    expect(math.some((a) => JSON.stringify(a.Properties!.Metrics).includes("WriteThrottleEvents"))).toBe(true);
    // Every alarm notifies the topic.
    for (const a of alarms) expect(a.Properties!.AlarmActions).toHaveLength(1);
    app.templates.api.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
    app.templates.api.resourceCountIs("AWS::SNS::Topic", 1);
  });

  test("bursts of 5xx, 409 and 413 counted by the functions each raise an alarm (sum over 5 minutes, service dimension)", () => {
    const alarms = Object.values(resourcesOf(app.templates.api, "AWS::CloudWatch::Alarm"));
    const business = alarms.filter((a) => a.Properties!.Namespace === METRICS_NAMESPACE);
    const byMetric = Object.fromEntries(business.map((a) => [a.Properties!.MetricName, a.Properties!]));
    expect(Object.keys(byMetric).sort()).toEqual(["Conflicts", "ServerErrors", "TooLarge"]);
    expect(byMetric.ServerErrors).toMatchObject({ Threshold: 5, Statistic: "Sum", Period: 300, EvaluationPeriods: 1, ComparisonOperator: "GreaterThanOrEqualToThreshold", TreatMissingData: "notBreaching" });
    expect(byMetric.Conflicts).toMatchObject({ Threshold: 20, Statistic: "Sum", Period: 300 });
    expect(byMetric.TooLarge).toMatchObject({ Threshold: 5, Statistic: "Sum", Period: 300 });
    for (const a of business) {
      expect(a.Properties!.Dimensions).toEqual([{ Name: "service", Value: "coop-plans" }]);
      expect(a.Properties!.AlarmActions).toHaveLength(1);
    }
    // The names the functions emit (functions/src/observability.ts) are the ones alarmed.
    expect(BUSINESS_BURSTS.map((b) => b.metricName)).toEqual([METRIC.serverErrors, METRIC.conflicts, METRIC.tooLarge]);
    expect(METRICS_NAMESPACE).toBe(FUNCTIONS_NAMESPACE);
  });

  test("every function traces with X-Ray and publishes metrics to the namespace", () => {
    const fns = Object.values(resourcesOf(app.templates.api, "AWS::Lambda::Function")).filter((f) => String(f.Properties?.Description ?? "").startsWith("coop-plans API:"));
    expect(fns).toHaveLength(HANDLER_GROUPS.length);
    for (const fn of fns) {
      expect(fn.Properties!.TracingConfig).toEqual({ Mode: "Active" });
      expect(fn.Properties!.Environment.Variables).toMatchObject({ POWERTOOLS_SERVICE_NAME: "coop-plans", POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE });
    }
  });

  test("page tokens: the cooperatives function alone gets PAGE_TOKEN_SECRET, resolved from a generated Secrets Manager secret", () => {
    const secrets = resourcesOf(app.templates.api, "AWS::SecretsManager::Secret");
    const [secretId, secret] = Object.entries(secrets).find(([id]) => id.startsWith("PageTokenSecret"))!;
    expect(secret.Properties!.GenerateSecretString).toMatchObject({ PasswordLength: 48, ExcludePunctuation: true });
    const fns = resourcesOf(app.templates.api, "AWS::Lambda::Function");
    for (const group of HANDLER_GROUPS) {
      const value = fns[functionIdOf(app, group)].Properties!.Environment.Variables.PAGE_TOKEN_SECRET;
      if (group === "cooperatives") expect(JSON.stringify(value)).toMatch(new RegExp(`\\{\\{resolve:secretsmanager:.*${secretId}`));
      else expect({ group, value }).toEqual({ group, value: undefined });
    }
  });

  test("outputs ApiUrl", () => {
    app.templates.api.hasOutput("ApiUrl", { Value: Match.anyValue() });
  });

  test("the cooperatives function may call exactly the cognito-idp actions the user directory sends, on the user pool; no other function any", () => {
    const coops = cognitoGrants(app, "cooperatives");
    expect(coops.actions).toEqual(["cognito-idp:AdminCreateUser", "cognito-idp:AdminGetUser", "cognito-idp:AdminUpdateUserAttributes"]);
    expect(coops.actions).toEqual([...DIRECTORY_ACTIONS].sort());
    expect(coops.resources).toHaveLength(1);
    expect(JSON.stringify(coops.resources[0])).toMatch(/UserPool.*Arn/);
    for (const group of HANDLER_GROUPS.filter((g) => g !== "cooperatives")) expect({ group, ...cognitoGrants(app, group) }).toEqual({ group, actions: [], resources: [] });
    const env = resourcesOf(app.templates.api, "AWS::Lambda::Function")[functionIdOf(app, "cooperatives")].Properties!.Environment.Variables;
    expect(env.USER_DIRECTORY).toBe("cognito");
    expect(JSON.stringify(env.USER_POOL_ID)).toMatch(/UserPool/);
  });
});

function cognitoResources(app: SynthesizedApp): CfnResource[] {
  return app.all.flatMap((t) => Object.values(resourcesOf(t, "AWS::Cognito::UserPool")));
}

describe("ApiStack with Entra ID", () => {
  const ISSUER = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0";
  const AUDIENCE = "api://coop-plans";
  let app: SynthesizedApp;
  beforeAll(() => {
    app = synthApp({ entraIssuer: ISSUER, entraAudience: AUDIENCE });
  });
  afterAll(() => app.cleanup());

  test("the context switches the issuer and audience, and no user pool is made", () => {
    const authorizers = Object.values(resourcesOf(app.templates.api, "AWS::ApiGatewayV2::Authorizer"));
    expect(authorizers).toHaveLength(1);
    expect(authorizers[0].Properties!.AuthorizerType).toBe("JWT");
    expect(authorizers[0].Properties!.JwtConfiguration).toEqual({ Issuer: ISSUER, Audience: [AUDIENCE] });
    expect(app.stacks.identity).toBeUndefined();
    expect(cognitoResources(app)).toHaveLength(0);
    const routes = Object.values(resourcesOf(app.templates.api, "AWS::ApiGatewayV2::Route"));
    expect(routes.filter((r) => r.Properties!.AuthorizationType === "JWT")).toHaveLength(ROUTE_LIST.filter((r) => r.authorized).length);
    app.templates.api.hasOutput("JwtIssuer", { Value: ISSUER });
  });

  test("no function may call Cognito; the cooperatives function knows its directory is Entra ID (it cannot create users)", () => {
    for (const group of HANDLER_GROUPS) expect({ group, ...cognitoGrants(app, group) }).toEqual({ group, actions: [], resources: [] });
    const env = resourcesOf(app.templates.api, "AWS::Lambda::Function")[functionIdOf(app, "cooperatives")].Properties!.Environment.Variables;
    expect(env.USER_DIRECTORY).toBe("entra");
    expect(env.USER_POOL_ID).toBeUndefined();
  });

  test("without allowedOrigins, CORS allows the CloudFront origin only", () => {
    const [api] = Object.values(resourcesOf(app.templates.api, "AWS::ApiGatewayV2::Api"));
    const origins = api.Properties!.CorsConfiguration.AllowOrigins;
    expect(origins).toHaveLength(1);
    expect(JSON.stringify(origins[0])).toMatch(/TaskPaneDistribution.*DomainName/);
  });
});
