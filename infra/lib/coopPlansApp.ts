import path from "node:path";
import { Aws, type App, type StackProps } from "aws-cdk-lib";
import { AUTH_DIALOG_PAGE } from "@coop-plans/shared/api";
import { ApiStack } from "./apiStack";
import type { ApiIdentity } from "./apiAuthorizer";
import { DataStack } from "./dataStack";
import { readDeploymentConfig, type DeploymentConfig } from "./deploymentConfig";
import { IdentityStack } from "./identityStack";
import { WebStack } from "./webStack";

/** Options of `createCoopPlansStacks`. */
export interface CoopPlansAppOptions {
  /** Repository root (holds package-lock.json, functions/ and addin/). */
  repoRoot: string;
  /** Task pane build to deploy; defaults to `<repoRoot>/addin/dist`. */
  taskPaneDistDir?: string;
  /** Configuration; defaults to the app's context (`readDeploymentConfig`). */
  config?: DeploymentConfig;
}

/** The stacks of one deployment; `identity` exists only with Cognito. */
export interface CoopPlansStacks {
  config: DeploymentConfig;
  data: DataStack;
  identity?: IdentityStack;
  web: WebStack;
  api: ApiStack;
}

/**
 * Adds the coop-plans stacks to an app: `<prefix>Data` (table), `<prefix>Web` (task pane hosting),
 * `<prefix>Identity` (Cognito, unless Entra ID is configured; its app client's callback is the
 * Web stack's dialog page, so it depends on the Web stack) and `<prefix>Api` (functions, HTTP
 * API, alarms, and the task pane's config.json written into the Web bucket), which depends on the
 * others. Stacks are environment-agnostic (no account or
 * region: synth needs no credentials; `cdk deploy` targets the CLI's profile and region).
 */
export function createCoopPlansStacks(app: App, options: CoopPlansAppOptions): CoopPlansStacks {
  const config = options.config ?? readDeploymentConfig(app.node);
  const prefix = config.stackPrefix;
  const common: StackProps = { tags: { application: "coop-plans" } };

  const data = new DataStack(app, `${prefix}Data`, common);
  const web = new WebStack(app, `${prefix}Web`, { ...common, taskPaneDistDir: options.taskPaneDistDir ?? path.join(options.repoRoot, "addin", "dist") });
  // The app client's callback is the pane's dialog page: Identity reads the Web stack's domain.
  const dialogUrl = `${web.taskPaneOrigin}/${AUTH_DIALOG_PAGE}`;
  const identityStack =
    config.identity.kind === "cognito"
      ? new IdentityStack(app, `${prefix}Identity`, { ...common, dialogUrl, domainPrefix: config.cognitoDomainPrefix ?? `${prefix.toLowerCase()}-${Aws.ACCOUNT_ID}` })
      : undefined;

  const identity: ApiIdentity =
    config.identity.kind === "cognito"
      ? { kind: "cognito", userPool: identityStack!.userPool, client: identityStack!.client, domainUrl: identityStack!.domainUrl, dialogUrl }
      : config.identity;

  const api = new ApiStack(app, `${prefix}Api`, {
    ...common,
    table: data.table,
    identity,
    taskPaneOrigin: web.taskPaneOrigin,
    taskPane: { bucket: web.hosting.bucket, distribution: web.hosting.distribution },
    config,
    repoRoot: options.repoRoot,
  });
  return { config, data, identity: identityStack, web, api };
}
