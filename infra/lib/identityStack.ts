import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import type { IUserPool, IUserPoolClient } from "aws-cdk-lib/aws-cognito";
import type { Construct } from "constructs";
import { UserDirectory } from "./userDirectory";

/**
 * The stateful identity stack: the Cognito user pool and the task pane's app client, created only
 * when no Entra ID issuer is configured. Outputs `UserPoolId` and `UserPoolClientId`.
 */
export class IdentityStack extends Stack {
  readonly userPool: IUserPool;
  readonly client: IUserPoolClient;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, { description: "coop-plans: user directory (Cognito user pool)", ...props });
    const directory = new UserDirectory(this, "Users");
    this.userPool = directory.userPool;
    this.client = directory.client;
    new CfnOutput(this, "UserPoolId", { value: directory.userPool.userPoolId, description: "Cognito user pool id (create-aos-user.sh --user-pool-id)" });
    new CfnOutput(this, "UserPoolClientId", { value: directory.client.userPoolClientId, description: "App client id of the task pane (JWT audience)" });
  }
}
