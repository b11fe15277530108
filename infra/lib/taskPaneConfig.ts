import { Stack } from "aws-cdk-lib";
import type { IDistribution } from "aws-cdk-lib/aws-cloudfront";
import type { IBucket } from "aws-cdk-lib/aws-s3";
import { BucketDeployment, CacheControl, Source } from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import type { PaneConfigInput } from "@coop-plans/shared/api";

/** Object key of the pane's runtime configuration (the pane reads it next to its page; schema: shared/api/paneConfig.ts). */
export const TASK_PANE_CONFIG_KEY = "config.json";

/** How the deployed pane signs in (ids are tokens until deploy). */
export type TaskPaneAuth =
  | { kind: "cognito"; userPoolId: string; clientId: string; domain: string; redirectUri: string }
  | { kind: "entra"; clientId?: string; apiScope?: string };

/** Props of `TaskPaneConfig`. */
export interface TaskPaneConfigProps {
  /** The task pane's bucket (WebStack). */
  bucket: IBucket;
  /** Its distribution: `/config.json` is invalidated after each write. */
  distribution: IDistribution;
  /** The API's base URL (a token until deploy). */
  apiUrl: string;
  auth: TaskPaneAuth;
}

/**
 * Writes `config.json` into the task pane's bucket at deploy time: `{ apiUrl, auth }`, the shape of
 * shared/api/paneConfig.ts (the type is shared, so the two cannot drift). `Source.jsonData`
 * resolves the tokens (API URL, user pool and client ids, region) when CloudFormation runs the
 * deployment. Served with `no-cache` and invalidated in CloudFront, so a redeployment reaches the
 * next pane load.
 *
 * Where it lives: in the API stack, not the Web stack. The API stack already depends on the Web
 * stack (its CORS origin is the CloudFront domain); writing the API URL from the Web stack would
 * make the Web stack depend on the API stack too, a cycle CDK refuses. So the API stack, which
 * holds every value of the file (API URL; the Cognito ids it imports for its authorizer), writes
 * the one object into the Web stack's bucket. It never prunes (the pages belong to the Web stack's
 * deployments), and those deployments exclude `config.json`, so they never delete it.
 */
export class TaskPaneConfig extends Construct {
  readonly deployment: BucketDeployment;
  /** What is written (with tokens). */
  readonly content: PaneConfigInput;

  constructor(scope: Construct, id: string, props: TaskPaneConfigProps) {
    super(scope, id);
    const auth: PaneConfigInput["auth"] =
      props.auth.kind === "cognito"
        ? {
            kind: "cognito",
            region: Stack.of(this).region,
            userPoolId: props.auth.userPoolId,
            clientId: props.auth.clientId,
            domain: props.auth.domain,
            redirectUri: props.auth.redirectUri,
          }
        : {
            kind: "entra",
            ...(props.auth.clientId ? { clientId: props.auth.clientId } : {}),
            ...(props.auth.apiScope ? { apiScope: props.auth.apiScope } : {}),
          };
    this.content = { apiUrl: props.apiUrl, auth };

    this.deployment = new BucketDeployment(this, "Deploy", {
      sources: [Source.jsonData(TASK_PANE_CONFIG_KEY, this.content)],
      destinationBucket: props.bucket,
      // Only config.json: pruning would delete the pages and assets the Web stack deployed.
      prune: false,
      cacheControl: [CacheControl.noCache()],
      contentType: "application/json",
      distribution: props.distribution,
      distributionPaths: [`/${TASK_PANE_CONFIG_KEY}`],
      memoryLimit: 256,
    });
  }
}

