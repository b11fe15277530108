import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import type { Construct } from "constructs";
import { TaskPaneHosting } from "./taskPaneHosting";

/** Props of `WebStack`. */
export interface WebStackProps extends StackProps {
  /** The task pane build directory (`addin/dist`). */
  taskPaneDistDir: string;
}

/**
 * The stateless hosting stack of the Excel task pane (S3 + CloudFront). Outputs `TaskPaneUrl`,
 * which `scripts/write-manifest-from-outputs.ts` turns into the add-in manifest.
 */
export class WebStack extends Stack {
  readonly hosting: TaskPaneHosting;
  /** The task pane's origin, `https://<id>.cloudfront.net`: the API's CORS origin. */
  readonly taskPaneOrigin: string;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, { description: "coop-plans: Excel task pane hosting (S3 + CloudFront)", ...props });
    this.hosting = new TaskPaneHosting(this, "TaskPane", { distDir: props.taskPaneDistDir });
    this.taskPaneOrigin = this.hosting.url;
    new CfnOutput(this, "TaskPaneUrl", { value: this.hosting.url, description: "Base URL of the task pane (write-manifest --url)" });
  }
}
