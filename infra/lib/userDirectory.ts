import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { AccountRecovery, ClientAttributes, Mfa, StringAttribute, UserPool, UserPoolClient } from "aws-cdk-lib/aws-cognito";
import { Construct } from "constructs";

/** Custom attributes of DESIGN.md ("Identity and authorization"); tokens carry them as `custom:<name>`. */
export const CUSTOM_ATTRIBUTES = {
  /** `gestor` | `aos` | `sercotec`. */
  role: "role",
  /** Comma-separated region codes (`08,16`) or `*` (Sercotec central level). */
  regions: "regions",
} as const;

/**
 * The Cognito user directory: people are created by an administrator (`create-aos-user.sh`, then
 * the AOS its gestores), never by self sign-up; they sign in with their e-mail. Their `role` and
 * `regions` are custom attributes that only administrators can set: the app client may READ them
 * (so the ID token carries them) but may write nothing but the display name, or a user could
 * promote themselves with UpdateUserAttributes. E-mail changes take effect only once verified.
 * Retained and deletion-protected: losing it loses every account.
 */
export class UserDirectory extends Construct {
  readonly userPool: UserPool;
  /** The task pane's public client (no secret: it runs in the user's Excel). */
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string) {
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
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.client = this.userPool.addClient("TaskPaneClient", {
      generateSecret: false,
      // No hosted UI: the task pane takes the ID token itself, so no OAuth flows or callback URLs.
      disableOAuth: true,
      // USER_PASSWORD_AUTH: the task pane's e-mail + password sign-in (addin/src/auth/cognito.ts,
      // over TLS, no client secret) and get-id-token.sh; SRP kept for clients that prefer it.
      // Refresh (REFRESH_TOKEN_AUTH) is always allowed.
      authFlows: { userSrp: true, userPassword: true },
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
  }
}
