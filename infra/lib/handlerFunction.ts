import path from "node:path";
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import type { ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import { Architecture, Runtime, Tracing } from "aws-cdk-lib/aws-lambda";
import { NodejsFunction, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import type { HandlerGroup } from "@coop-plans/shared/api";
import { TABLE_ACTIONS_BY_GROUP } from "@coop-plans/functions/table-actions";
import { TABLE_NAME_ENV } from "@coop-plans/functions/table-definition";
import type { HandlerSettings } from "./handlerSettings";

/** Service name every function logs, counts and traces under (Powertools `POWERTOOLS_SERVICE_NAME`; functions/src/observability.ts). */
export const SERVICE_NAME = "coop-plans";

/** CloudWatch namespace of the functions' business metrics (Powertools Metrics; functions/src/observability.ts `METRICS_NAMESPACE`). */
export const METRICS_NAMESPACE = "CoopPlans";

/**
 * ESM bundles still meet CommonJS dependencies that call `require` (e.g. of Node built-ins): the
 * banner gives them a real one. `__cdkRequire` avoids a clash with any bundled `require` binding.
 */
const ESM_REQUIRE_BANNER = "import { createRequire as __cdkCreateRequire } from 'node:module'; const require = __cdkCreateRequire(import.meta.url);";

/** Props of `HandlerFunction`. */
export interface HandlerFunctionProps {
  /** The handler group: bundles `functions/src/handlers/<group>.ts`, export `handler`. */
  group: HandlerGroup;
  settings: HandlerSettings;
  table: ITableV2;
  /** Repository root: esbuild's project root, holding the one package-lock.json. */
  repoRoot: string;
  logLevel: string;
  /** Extra environment variables of this group (e.g. PAGE_TOKEN_SECRET for `cooperatives`). */
  environment?: Record<string, string>;
}

/**
 * One Lambda function per handler group: Node.js 22 on arm64 (cheaper per GB-second than x86),
 * bundled by the repository's own esbuild (no Docker) into a minified ESM `index.mjs` with a
 * source map (`NODE_OPTIONS=--enable-source-maps` gives TypeScript lines in stack traces). The AWS
 * SDK v3 is left out of the bundle (`@aws-sdk/*`): the nodejs22.x runtime provides it. Logs go
 * to a log group of its own, kept three months. X-Ray tracing is active (Powertools Tracer: a
 * subsegment per route and per DynamoDB call); Powertools Metrics publish to METRICS_NAMESPACE.
 * The function may only call the DynamoDB actions its code sends (functions/src/store/tableActions.ts
 * TABLE_ACTIONS_BY_GROUP), on the table and its indexes.
 */
export class HandlerFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly group: HandlerGroup;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    const { group, settings, table, repoRoot } = props;
    this.group = group;

    const actions = TABLE_ACTIONS_BY_GROUP[group];
    const logGroup = new LogGroup(this, "Logs", {
      retention: RetentionDays.THREE_MONTHS,
      // Logs are operational (no personal data is logged), so they go with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.fn = new NodejsFunction(this, "Function", {
      description: `coop-plans API: ${group} routes`,
      entry: path.join(repoRoot, "functions", "src", "handlers", `${group}.ts`),
      handler: "handler",
      projectRoot: repoRoot,
      depsLockFilePath: path.join(repoRoot, "package-lock.json"),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: settings.memorySize,
      timeout: Duration.seconds(settings.timeoutSeconds),
      logGroup,
      tracing: Tracing.ACTIVE,
      environment: {
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: props.logLevel,
        // A group without table access gets no table name either.
        ...(actions.length > 0 ? { [TABLE_NAME_ENV]: table.tableName } : {}),
        NODE_OPTIONS: "--enable-source-maps",
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: "node22",
        platform: "node",
        mainFields: ["module", "main"],
        minify: true,
        sourceMap: true,
        // Line mapping is what stack traces need; embedding the sources would double the asset.
        sourcesContent: false,
        externalModules: ["@aws-sdk/*"],
        banner: ESM_REQUIRE_BANNER,
        forceDockerBundling: false,
      },
    });

    if (actions.length > 0) table.grant(this.fn, ...actions);
  }
}
