import { Duration, RemovalPolicy } from "aws-cdk-lib";
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolDomain,
} from "aws-cdk-lib/aws-cognito";
import { Construct } from "constructs";

/** Custom attributes of DESIGN.md ("Identity and authorization"); tokens carry them as `custom:<name>`. */
export const CUSTOM_ATTRIBUTES = {
  /** `gestor` | `aos` | `sercotec`. */
  role: "role",
  /** Comma-separated region codes (`08,16`) or `*` (Sercotec central level). */
  regions: "regions",
} as const;

/** Props of `UserDirectory`. */
export interface UserDirectoryProps {
  /**
   * The task pane's sign-in dialog page (`https://<cloudfront>/auth-dialog.html`, a token until
   * deploy): the app client's only callback and sign-out URL.
   */
  dialogUrl: string;
  /** Prefix of the user pool's domain, `<prefix>.auth.<region>.amazoncognito.com` (a token allowed). */
  domainPrefix: string;
}

/**
 * The Cognito user directory: people are created by an administrator (`create-aos-user.sh`, then
 * the AOS its gestores), never by self sign-up; they sign in with their e-mail. Their `role` and
 * `regions` are custom attributes that only administrators can set: the app client may READ them
 * (so the ID token carries them) but may write nothing but the display name, or a user could
 * promote themselves with UpdateUserAttributes. E-mail changes take effect only once verified.
 * Retained and deletion-protected: losing it loses every account.
 *
 * People sign in on the pool's managed login pages (a Cognito domain with the newer managed login
 * and Cognito's default branding), opened by the task pane in an Office dialog: authorization code
 * with PKCE, so the password never reaches our code, and the managed login asks for the new
 * password at a first sign-in with a temporary one.
 */
export class UserDirectory extends Construct {
  readonly userPool: UserPool;
  /** The task pane's public client (no secret: it runs in the user's Excel). */
  readonly client: UserPoolClient;
  /** The managed login's domain. */
  readonly domain: UserPoolDomain;
  /** `https://<prefix>.auth.<region>.amazoncognito.com` (a token until deploy). */
  readonly domainUrl: string;

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);
    this.userPool = new UserPool(this, "UserPool", {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      // E-mail not "required" in the schema: Cognito wants required attributes writable by clients;
      // every account is created by an administrator with its e-mail anyway.
      standardAttributes: { email: { required: false, mutable: true }, fullname: { required: false, mutable: true } },
      customAttributes: {
        [CUSTOM_ATTRIBUTES.role]: new StringAttribute({ minLen: 3, maxLen: 16, mutable: true }),
        [CUSTOM_ATTRIBUTES.regions]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: false, tempPasswordValidity: Duration.days(7) },
      // Essentials: the newer managed login (Lite has only the classic, English-only hosted UI).
      featurePlan: FeaturePlan.ESSENTIALS,
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.client = this.userPool.addClient("TaskPaneClient", {
      // Public client: it runs in the user's Excel, so no secret; PKCE protects the code.
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [props.dialogUrl],
        logoutUrls: [props.dialogUrl],
      },
      // No password flow for the pane (USER_PASSWORD_AUTH would hand it the password; SRP is not
      // used either). ADMIN_USER_PASSWORD_AUTH is an administrator's call signed with AWS
      // credentials (cognito-idp:AdminInitiateAuth): infra/scripts/get-id-token.sh uses it.
      // Refresh (REFRESH_TOKEN_AUTH) is always allowed.
      authFlows: { adminUserPassword: true, userPassword: false, userSrp: false, custom: false },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      enableTokenRevocation: true,
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(CUSTOM_ATTRIBUTES.role, CUSTOM_ATTRIBUTES.regions),
      // Never the custom attributes (see the class comment); e-mail is changed by an administrator.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });

    this.domain = this.userPool.addDomain("Domain", {
      cognitoDomain: { domainPrefix: props.domainPrefix },
      // The newer managed login: localized (the pane asks for lang=es), unlike the classic hosted UI.
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    this.domainUrl = this.domain.baseUrl();
    // The newer managed login shows its pages only to an app client with a branding style.
    new CfnManagedLoginBranding(this, "TaskPaneLoginBranding", {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
  }
}
