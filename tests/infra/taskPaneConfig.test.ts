import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Stage } from "aws-cdk-lib";
import { parsePaneConfig } from "@coop-plans/shared/api";
import { resourcesOf, synthApp, type CfnResource, type SynthesizedApp } from "./synthApp";

/** The API stack's deployment of config.json (the only BucketDeployment there). */
function configDeployment(app: SynthesizedApp): CfnResource {
  const deployments = Object.values(resourcesOf(app.templates.api, "Custom::CDKBucketDeployment"));
  expect(deployments).toHaveLength(1);
  return deployments[0];
}

/** The text of config.json as staged in the cloud assembly (deploy-time values still markers). */
function stagedConfig(app: SynthesizedApp, deployment: CfnResource): string {
  const [key] = deployment.Properties!.SourceObjectKeys as string[];
  const dir = path.join(Stage.of(app.stacks.api)!.outdir, `asset.${key.replace(/\.zip$/, "")}`);
  const file = path.join(dir, "config.json");
  expect(existsSync(file)).toBe(true);
  return readFileSync(file, "utf8");
}

/** Replaces each marker by a deploy-time value chosen by what CloudFormation resolves it from. */
function resolveMarkers(text: string, markers: Record<string, unknown>, valueOf: (source: string) => string): string {
  let out = text;
  for (const [marker, source] of Object.entries(markers)) out = out.split(marker).join(valueOf(JSON.stringify(source)));
  return out;
}

describe("task pane config.json (Cognito)", () => {
  let app: SynthesizedApp;
  beforeAll(() => {
    app = synthApp();
  });
  afterAll(() => app.cleanup());

  test("the API stack writes config.json into the Web stack's bucket, without pruning, no-cache, invalidated", () => {
    const deployment = configDeployment(app);
    const p = deployment.Properties!;
    expect(JSON.stringify(p.DestinationBucketName)).toMatch(/CoopPlansWeb.*TaskPaneBucket/);
    expect(JSON.stringify(p.DistributionId)).toMatch(/CoopPlansWeb.*TaskPaneDistribution/);
    expect(p.Prune).toBe(false);
    expect(p.DistributionPaths).toEqual(["/config.json"]);
    expect(p.SystemMetadata).toEqual({ "cache-control": "no-cache", "content-type": "application/json" });
  });

  test("it carries the API URL, the region and the Cognito ids, resolved at deploy time into a valid config", () => {
    const deployment = configDeployment(app);
    const markers = (deployment.Properties!.SourceMarkers as Record<string, unknown>[])[0];
    const sources = Object.values(markers).map((v) => JSON.stringify(v));
    expect(sources.some((s) => /HttpApi.*ApiEndpoint/.test(s))).toBe(true);
    expect(sources.some((s) => s === JSON.stringify({ Ref: "AWS::Region" }))).toBe(true);
    expect(sources.some((s) => /CoopPlansIdentity.*"OutputName":"PublishOutputRefUsersUserPool[0-9A-F]+"/.test(s))).toBe(true);
    expect(sources.some((s) => /CoopPlansIdentity.*TaskPaneClient/.test(s))).toBe(true);
    expect(sources.some((s) => /CoopPlansIdentity.*UserPoolDomain/.test(s))).toBe(true);
    expect(sources.some((s) => /CoopPlansWeb.*TaskPaneDistribution.*DomainName/.test(s))).toBe(true);

    const text = stagedConfig(app, deployment);
    // (The imports name AWS::Region too, as the region of the stack they read: test them first.)
    const resolved = resolveMarkers(text, markers, (source) =>
      /ApiEndpoint/.test(source)
        ? "https://a1b2c3d4e5.execute-api.sa-east-1.amazonaws.com"
        : /UserPoolDomain/.test(source)
          ? "coopplans-123456789012"
        : /TaskPaneDistribution/.test(source)
          ? "d111111abcdef8.cloudfront.net"
        : /TaskPaneClient/.test(source)
          ? "1example23456789abcdefghij"
          : /UserPool/.test(source)
            ? "sa-east-1_AbCdEf123"
            : "sa-east-1",
    );
    expect(parsePaneConfig(resolved)).toEqual({
      ok: true,
      config: {
        apiUrl: "https://a1b2c3d4e5.execute-api.sa-east-1.amazonaws.com",
        auth: {
          kind: "cognito",
          region: "sa-east-1",
          userPoolId: "sa-east-1_AbCdEf123",
          clientId: "1example23456789abcdefghij",
          domain: "https://coopplans-123456789012.auth.sa-east-1.amazoncognito.com",
          redirectUri: "https://d111111abcdef8.cloudfront.net/auth-dialog.html",
        },
      },
    });
  });

  test("no dependency cycle: the API stack depends on the Web stack, never the reverse", () => {
    expect(app.stacks.api.dependencies).toContain(app.stacks.web);
    expect(app.stacks.web.dependencies).not.toContain(app.stacks.api);
    expect(resourcesOf(app.templates.web, "Custom::CDKBucketDeployment")).toBeDefined();
  });

  test("the app client: authorization code only (PKCE, no secret), openid email profile, the dialog page as callback and sign-out URL, no password flow", () => {
    const [client] = Object.values(resourcesOf(app.templates.identity!, "AWS::Cognito::UserPoolClient"));
    const p = client.Properties!;
    expect(p.GenerateSecret).toBe(false);
    expect(p.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(p.AllowedOAuthFlows).toEqual(["code"]);
    expect([...p.AllowedOAuthScopes].sort()).toEqual(["email", "openid", "profile"]);
    expect(p.SupportedIdentityProviders).toEqual(["COGNITO"]);
    // The pane never sees a password: no USER_PASSWORD_AUTH, no SRP; only the administrator's
    // ADMIN_USER_PASSWORD_AUTH (AWS-signed, get-id-token.sh) and refresh.
    expect([...p.ExplicitAuthFlows].sort()).toEqual(["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
    for (const urls of [p.CallbackURLs, p.LogoutURLs]) {
      expect(urls).toHaveLength(1);
      const [url] = urls as unknown[];
      // https://<the Web stack's CloudFront domain>/auth-dialog.html
      expect(url).toEqual({ "Fn::Join": ["", ["https://", expect.anything(), "/auth-dialog.html"]] });
      expect(JSON.stringify(url)).toMatch(/"StackName":"CoopPlansWeb".*TaskPaneDistribution[0-9A-F]+DomainName/);
    }
  });

  test("the managed login: a Cognito domain with the newer managed login, branded for the pane's client, prefix <stack prefix>-<account>", () => {
    const domains = Object.values(resourcesOf(app.templates.identity!, "AWS::Cognito::UserPoolDomain"));
    expect(domains).toHaveLength(1);
    expect(domains[0].Properties!.ManagedLoginVersion).toBe(2);
    expect(domains[0].Properties!.Domain).toEqual({ "Fn::Join": ["", ["coopplans-", { Ref: "AWS::AccountId" }]] });
    const brandings = Object.values(resourcesOf(app.templates.identity!, "AWS::Cognito::ManagedLoginBranding"));
    expect(brandings).toHaveLength(1);
    expect(brandings[0].Properties!.UseCognitoProvidedValues).toBe(true);
    expect(JSON.stringify(brandings[0].Properties!.ClientId)).toMatch(/TaskPaneClient/);
    const [pool] = Object.values(resourcesOf(app.templates.identity!, "AWS::Cognito::UserPool"));
    expect(pool.Properties!.UserPoolTier).toBe("ESSENTIALS");
    expect(Object.keys(app.templates.identity!.findOutputs("CognitoDomainUrl"))).toEqual(["CognitoDomainUrl"]);
  });

  test("a configured domain prefix is used as given; a bad one is refused", () => {
    const other = synthApp({ cognitoDomainPrefix: "sercotec-coop-plans" });
    try {
      const [domain] = Object.values(resourcesOf(other.templates.identity!, "AWS::Cognito::UserPoolDomain"));
      expect(domain.Properties!.Domain).toBe("sercotec-coop-plans");
    } finally {
      other.cleanup();
    }
    expect(() => synthApp({ cognitoDomainPrefix: "Coop_Plans" })).toThrow(/cognitoDomainPrefix must be lower-case/);
    expect(() => synthApp({ cognitoDomainPrefix: "coop-cognito" })).toThrow(/may not contain/);
  });
});

describe("task pane config.json (Entra ID)", () => {
  let app: SynthesizedApp;
  const clientId = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";
  beforeAll(() => {
    app = synthApp({
      entraIssuer: "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0",
      entraAudience: `api://d111111abcdef8.cloudfront.net/${clientId},${clientId}`,
      entraApiScope: `api://d111111abcdef8.cloudfront.net/${clientId}/access_as_user`,
    });
  });
  afterAll(() => app.cleanup());

  test("carries kind entra with the client id (the GUID audience) and the API scope", () => {
    const deployment = configDeployment(app);
    const markers = (deployment.Properties!.SourceMarkers as Record<string, unknown>[])[0];
    expect(Object.values(markers).map((v) => JSON.stringify(v))).toEqual([expect.stringMatching(/ApiEndpoint/)]);
    const resolved = resolveMarkers(stagedConfig(app, deployment), markers, () => "https://x.execute-api.sa-east-1.amazonaws.com");
    expect(parsePaneConfig(resolved)).toEqual({
      ok: true,
      config: {
        apiUrl: "https://x.execute-api.sa-east-1.amazonaws.com",
        auth: { kind: "entra", clientId, apiScope: `api://d111111abcdef8.cloudfront.net/${clientId}/access_as_user` },
      },
    });
    expect(app.stacks.identity).toBeUndefined();
  });
});
