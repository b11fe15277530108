import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import type { IUserPool, IUserPoolClient } from "aws-cdk-lib/aws-cognito";
import type { Construct } from "constructs";
import { UserDirectory } from "./userDirectory";

/** Props of `IdentityStack`. */
export interface IdentityStackProps extends StackProps {
  /** The task pane's sign-in dialog page, `https://<cloudfront>/auth-dialog.html` (from the Web stack). */
  dialogUrl: string;
  /** Prefix of the Cognito domain (deployment config `cognitoDomainPrefix`; a token allowed). */
  domainPrefix: string;
}

/**
 * The stateful identity stack: the Cognito user pool, its managed login domain and the task pane's
 * app client (authorization code + PKCE, callback and sign-out URL the pane's dialog page), created
 * only when no Entra ID issuer is configured. Outputs `UserPoolId`, `UserPoolClientId` and
 * `CognitoDomainUrl` (the manifest's AppDomains lists it: the sign-in dialog navigates there).
 */
export class IdentityStack extends Stack {
  readonly userPool: IUserPool;
  readonly client: IUserPoolClient;
  /** `https://<prefix>.auth.<region>.amazoncognito.com` (a token until deploy). */
  readonly domainUrl: string;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    const { dialogUrl, domainPrefix, ...stackProps } = props;
    super(scope, id, { description: "coop-plans: user directory (Cognito user pool)", ...stackProps });
    const directory = new UserDirectory(this, "Users", { dialogUrl, domainPrefix });
    this.userPool = directory.userPool;
    this.client = directory.client;
    this.domainUrl = directory.domainUrl;
    new CfnOutput(this, "UserPoolId", { value: directory.userPool.userPoolId, description: "Cognito user pool id (create-aos-user.sh --user-pool-id)" });
    new CfnOutput(this, "UserPoolClientId", { value: directory.client.userPoolClientId, description: "App client id of the task pane (JWT audience)" });
    new CfnOutput(this, "CognitoDomainUrl", { value: directory.domainUrl, description: "Managed login of the user pool (the pane's sign-in dialog; an AppDomain of the manifest)" });
  }
}
