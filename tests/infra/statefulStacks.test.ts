import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Annotations, Match } from "aws-cdk-lib/assertions";
import { TABLE_DEFINITION } from "../../functions/src/store/tableDefinition";
import { resourcesOf, synthApp, withoutPlaceholderNoise, type SynthesizedApp } from "./synthApp";

describe("DataStack, IdentityStack and WebStack", () => {
  let app: SynthesizedApp;
  beforeAll(() => {
    app = synthApp();
  });
  afterAll(() => app.cleanup());

  test("the table is built from the table definition, on demand, with PITR, deletion protection and Retain", () => {
    const tables = Object.values(resourcesOf(app.templates.data, "AWS::DynamoDB::GlobalTable"));
    expect(tables).toHaveLength(1);
    const [table] = tables;
    expect(table.DeletionPolicy).toBe("Retain");
    expect(table.UpdateReplacePolicy).toBe("Retain");
    const p = table.Properties!;
    expect(p.TableName).toBeUndefined();
    expect(p.BillingMode).toBe("PAY_PER_REQUEST");
    expect(p.KeySchema).toEqual([
      { AttributeName: TABLE_DEFINITION.partitionKey.name, KeyType: "HASH" },
      { AttributeName: TABLE_DEFINITION.sortKey.name, KeyType: "RANGE" },
    ]);
    const gsi = TABLE_DEFINITION.globalSecondaryIndexes[0];
    expect(p.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: gsi.indexName,
        KeySchema: [
          { AttributeName: gsi.partitionKey.name, KeyType: "HASH" },
          { AttributeName: gsi.sortKey.name, KeyType: "RANGE" },
        ],
        Projection: { ProjectionType: "ALL" },
      },
    ]);
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: TABLE_DEFINITION.timeToLiveAttribute, Enabled: true });
    expect(p.Replicas).toHaveLength(1);
    expect(p.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(p.Replicas[0].DeletionProtectionEnabled).toBe(true);
  });

  test("the user pool has the role and regions attributes that clients can read but never write", () => {
    const identity = app.templates.identity!;
    const [pool] = Object.values(resourcesOf(identity, "AWS::Cognito::UserPool"));
    expect(pool.DeletionPolicy).toBe("Retain");
    expect(pool.Properties!.DeletionProtection).toBe("ACTIVE");
    expect(pool.Properties!.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true });
    const schema = pool.Properties!.Schema as Array<{ Name: string; Mutable?: boolean; AttributeDataType?: string }>;
    for (const name of ["role", "regions"]) {
      expect(schema).toEqual(expect.arrayContaining([expect.objectContaining({ Name: name, AttributeDataType: "String", Mutable: true })]));
    }
    const [client] = Object.values(resourcesOf(identity, "AWS::Cognito::UserPoolClient"));
    expect(client.Properties!.GenerateSecret).toBe(false);
    expect(client.Properties!.ReadAttributes).toEqual(expect.arrayContaining(["custom:role", "custom:regions", "email"]));
    expect(client.Properties!.WriteAttributes.length).toBeGreaterThan(0);
    expect((client.Properties!.WriteAttributes as string[]).filter((a) => a.startsWith("custom:") || a === "email")).toEqual([]);
    identity.hasOutput("UserPoolId", { Value: Match.anyValue() });
    identity.hasOutput("UserPoolClientId", { Value: Match.anyValue() });
  });

  test("the task pane bucket is private and served by CloudFront over HTTPS through OAC", () => {
    const web = app.templates.web;
    web.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    web.resourceCountIs("AWS::CloudFront::OriginAccessControl", 1);
    web.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: "taskpane.html",
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: "redirect-to-https" }),
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
      }),
    });
    // No frame restrictions: Excel on the web shows the pane in an iframe.
    const [policy] = Object.values(resourcesOf(web, "AWS::CloudFront::ResponseHeadersPolicy"));
    expect(policy.Properties!.ResponseHeadersPolicyConfig.SecurityHeadersConfig.FrameOptions).toBeUndefined();
    web.hasOutput("TaskPaneUrl", { Value: { "Fn::Join": ["", ["https://", { "Fn::GetAtt": [Match.stringLikeRegexp("Distribution"), "DomainName"] }]] } });
  });

  test("without a task pane build, a placeholder page is deployed and synth warns", () => {
    withoutPlaceholderNoise(() => Annotations.fromStack(app.stacks.web)).hasWarning("*", Match.stringLikeRegexp("placeholder"));
    app.templates.web.resourceCountIs("Custom::CDKBucketDeployment", 1);
  });
});

describe("WebStack with a task pane build", () => {
  let dist: string;
  let app: SynthesizedApp;
  beforeAll(() => {
    dist = mkdtempSync(path.join(os.tmpdir(), "coop-plans-built-"));
    mkdirSync(path.join(dist, "assets"));
    writeFileSync(path.join(dist, "taskpane.html"), "<!doctype html>");
    writeFileSync(path.join(dist, "assets", "taskpane-abc123.js"), "export {}");
    app = synthApp({}, { taskPaneDistDir: dist });
  });
  afterAll(() => {
    app.cleanup();
    rmSync(dist, { recursive: true, force: true });
  });

  test("deploys hashed assets and icons immutable and the pages revalidated, invalidating CloudFront", () => {
    const web = app.templates.web;
    web.hasResourceProperties("Custom::CDKBucketDeployment", {
      Include: ["assets/*.js", "assets/*.css", "assets/icon-*.png"],
      SystemMetadata: { "cache-control": "public, max-age=31536000, immutable" },
      Prune: false,
    });
    web.hasResourceProperties("Custom::CDKBucketDeployment", {
      // config.json is the API stack's (TaskPaneConfig): excluded, so pruning never deletes it.
      Exclude: ["assets/*.js", "assets/*.css", "assets/icon-*.png", "config.json"],
      SystemMetadata: { "cache-control": "no-cache" },
      DistributionPaths: ["/*"],
    });
    Annotations.fromStack(app.stacks.web).hasNoWarning("*", Match.anyValue());
  });
});
