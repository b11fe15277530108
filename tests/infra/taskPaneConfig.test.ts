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
    expect(sources.some((s) => /CoopPlansIdentity.*UsersUserPool(?!TaskPaneClient)/.test(s))).toBe(true);
    expect(sources.some((s) => /CoopPlansIdentity.*TaskPaneClient/.test(s))).toBe(true);

    const text = stagedConfig(app, deployment);
    // (The imports name AWS::Region too, as the region of the stack they read: test them first.)
    const resolved = resolveMarkers(text, markers, (source) =>
      /ApiEndpoint/.test(source)
        ? "https://a1b2c3d4e5.execute-api.sa-east-1.amazonaws.com"
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
        auth: { kind: "cognito", region: "sa-east-1", userPoolId: "sa-east-1_AbCdEf123", clientId: "1example23456789abcdefghij" },
      },
    });
  });

  test("no dependency cycle: the API stack depends on the Web stack, never the reverse", () => {
    expect(app.stacks.api.dependencies).toContain(app.stacks.web);
    expect(app.stacks.web.dependencies).not.toContain(app.stacks.api);
    expect(resourcesOf(app.templates.web, "Custom::CDKBucketDeployment")).toBeDefined();
  });

  test("the app client allows USER_PASSWORD_AUTH and refresh, with no secret", () => {
    const [client] = Object.values(resourcesOf(app.templates.identity!, "AWS::Cognito::UserPoolClient"));
    expect(client.Properties!.ExplicitAuthFlows).toEqual(expect.arrayContaining(["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]));
    expect(client.Properties!.GenerateSecret).toBe(false);
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
