import type { IHttpRouteAuthorizer } from "aws-cdk-lib/aws-apigatewayv2";
import { HttpJwtAuthorizer, HttpUserPoolAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import type { IUserPool, IUserPoolClient } from "aws-cdk-lib/aws-cognito";

/** The identity provider the API trusts, resolved to constructs or values. */
export type ApiIdentity =
  | {
      kind: "cognito";
      userPool: IUserPool;
      client: IUserPoolClient;
      /** The managed login's base URL, for the pane's config.json. */
      domainUrl: string;
      /** The pane's sign-in dialog page (the app client's callback), for config.json. */
      dialogUrl: string;
    }
  | { kind: "entra"; issuer: string; audiences: string[]; clientId?: string; apiScope?: string };

/**
 * The JWT authorizer of every authorized route. Cognito: issuer
 * `https://cognito-idp.<region>.amazonaws.com/<pool id>`, audience the task pane's client id (the
 * ID token's `aud`, which carries `custom:role` and `custom:regions`). Entra ID: the configured
 * issuer and audiences. API Gateway verifies signature, issuer, audience and expiry; the handlers
 * map the claims to a principal (functions/src/auth).
 */
export function createApiAuthorizer(identity: ApiIdentity): IHttpRouteAuthorizer {
  if (identity.kind === "cognito") {
    return new HttpUserPoolAuthorizer("CognitoAuthorizer", identity.userPool, {
      userPoolClients: [identity.client],
      identitySource: ["$request.header.Authorization"],
    });
  }
  return new HttpJwtAuthorizer("EntraIdAuthorizer", identity.issuer, {
    jwtAudience: identity.audiences,
    identitySource: ["$request.header.Authorization"],
  });
}
