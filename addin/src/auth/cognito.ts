/**
 * A minimal typed client of the Cognito user-pool API calls the pane needs: InitiateAuth
 * (USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH), RespondToAuthChallenge (NEW_PASSWORD_REQUIRED) and
 * RevokeToken. These are public calls of an app client without a secret: a JSON POST to
 * `https://cognito-idp.<region>.amazonaws.com/` with an `X-Amz-Target` header, no SigV4 signing.
 *
 * Why not a library: none is installed that fits (no amazon-cognito-identity-js or Amplify in
 * node_modules, and packages may not be added here); `@aws-sdk/client-cognito-identity-provider`
 * is barred by the layering rule (the AWS SDK only in functions/src/store) and would add its
 * middleware stack to the pane's bundle for three POSTs. This file is a few hundred bytes gzipped
 * and takes the fetch it uses, so tests pass a fake.
 */

/** The part of fetch the client uses (`globalThis.fetch` fits). */
export type CognitoFetch = (
  url: string,
  init: { method: "POST"; headers: Record<string, string>; body: string },
) => Promise<{ status: number; text(): Promise<string> }>;

/** Tokens of a successful sign-in or refresh. */
export interface CognitoTokens {
  /** The bearer the API's JWT authorizer expects (audience = the app client id). */
  idToken: string;
  accessToken: string;
  /** Absent after a refresh (Cognito does not rotate it unless configured to): keep the old one. */
  refreshToken?: string;
  /** Lifetime of the ID and access tokens, in seconds. */
  expiresIn: number;
}

/** The outcome of a password sign-in: tokens, or the first-sign-in password change. */
export type PasswordSignInResult =
  | { kind: "signedIn"; tokens: CognitoTokens }
  | { kind: "newPasswordRequired"; session: string; username: string };

/** The kinds of failure the pane tells apart (each has a Spanish message). */
export type CognitoErrorKind =
  | "wrongCredentials"
  | "userNotFound"
  | "tooManyAttempts"
  | "passwordPolicy"
  | "passwordResetRequired"
  | "challengeExpired"
  | "sessionExpired"
  | "unsupportedChallenge"
  | "misconfigured"
  | "network"
  | "unexpected";

/** Spanish messages, with what to do, by kind. */
export const COGNITO_MESSAGES: Record<CognitoErrorKind, string> = {
  wrongCredentials: "Correo o contraseña incorrectos. Revise que el correo sea el de su cuenta y vuelva a escribir la contraseña.",
  userNotFound: "No hay una cuenta con ese correo. Revise el correo o pida al AOS (o al administrador) que le cree una cuenta.",
  tooManyAttempts: "Demasiados intentos seguidos. Espere unos minutos antes de volver a intentarlo.",
  passwordPolicy: "La nueva contraseña no cumple las reglas: al menos 12 caracteres, con mayúsculas, minúsculas y dígitos.",
  passwordResetRequired: "Su contraseña debe restablecerse. Pida al administrador una contraseña temporal nueva.",
  challengeExpired: "El cambio de contraseña tardó demasiado y la sesión expiró. Inicie sesión otra vez con la contraseña temporal.",
  sessionExpired: "Su sesión expiró. Vuelva a iniciar sesión.",
  unsupportedChallenge: "Su cuenta pide un paso de inicio de sesión que el panel no admite (por ejemplo, un segundo factor). Pida al administrador que lo revise.",
  misconfigured: "El inicio de sesión no está bien configurado en el servidor. Avise al administrador del sistema.",
  network: "No fue posible conectarse con el servicio de inicio de sesión. Revise su conexión a internet y vuelva a intentarlo.",
  unexpected: "El servicio de inicio de sesión respondió con un error inesperado. Vuelva a intentarlo en un momento; si se repite, avise al equipo de soporte.",
};

/** A failed Cognito call: `kind` for the pane, `type` and `detail` as Cognito sent them (English, for logs). */
export class CognitoError extends Error {
  constructor(
    readonly kind: CognitoErrorKind,
    readonly type?: string,
    readonly detail?: string,
  ) {
    super(COGNITO_MESSAGES[kind]);
    this.name = "CognitoError";
  }
}

/** Maps Cognito's error `__type` and message to a kind. */
export function classifyCognitoError(type: string, message: string, during: "signIn" | "challenge" | "refresh"): CognitoErrorKind {
  const t = type.includes("#") ? type.slice(type.lastIndexOf("#") + 1) : type;
  const m = message.toLowerCase();
  switch (t) {
    case "NotAuthorizedException":
      if (m.includes("attempts exceeded")) return "tooManyAttempts";
      if (during === "refresh") return "sessionExpired";
      if (during === "challenge" && m.includes("session")) return "challengeExpired";
      if (m.includes("not enabled") || m.includes("secret hash")) return "misconfigured";
      return "wrongCredentials";
    case "UserNotFoundException":
      return "userNotFound";
    case "TooManyRequestsException":
    case "TooManyFailedAttemptsException":
    case "LimitExceededException":
      return "tooManyAttempts";
    case "InvalidPasswordException":
      return "passwordPolicy";
    case "PasswordResetRequiredException":
      return "passwordResetRequired";
    case "CodeMismatchException":
    case "ExpiredCodeException":
      return "challengeExpired";
    case "InvalidParameterException":
      if (during === "challenge" && m.includes("password")) return "passwordPolicy";
      return "misconfigured";
    case "ResourceNotFoundException":
    case "InvalidUserPoolConfigurationException":
    case "UserPoolTaggingException":
      return "misconfigured";
    default:
      return "unexpected";
  }
}

/** Options of `createCognitoClient`. */
export interface CognitoClientOptions {
  region: string;
  /** The task pane's app client id (public client, no secret). */
  clientId: string;
  fetch: CognitoFetch;
}

/** The calls the pane makes. Every method throws `CognitoError`. */
export interface CognitoClient {
  signInWithPassword(email: string, password: string): Promise<PasswordSignInResult>;
  completeNewPassword(challenge: { session: string; username: string }, newPassword: string): Promise<PasswordSignInResult>;
  refresh(refreshToken: string): Promise<CognitoTokens>;
  /** Revokes the refresh token (and the tokens it issued); best effort. */
  revoke(refreshToken: string): Promise<void>;
}

interface AuthenticationResult {
  IdToken?: string;
  AccessToken?: string;
  RefreshToken?: string;
  ExpiresIn?: number;
}
interface AuthResponse {
  AuthenticationResult?: AuthenticationResult;
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
}

/** Creates the client for one app client of one user pool. */
export function createCognitoClient({ region, clientId, fetch }: CognitoClientOptions): CognitoClient {
  const endpoint = `https://cognito-idp.${region}.amazonaws.com/`;

  async function call<T>(action: string, body: Record<string, unknown>, during: "signIn" | "challenge" | "refresh"): Promise<T> {
    let response: Awaited<ReturnType<CognitoFetch>>;
    let text: string;
    try {
      response = await fetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `AWSCognitoIdentityProviderService.${action}` },
        body: JSON.stringify(body),
      });
      text = await response.text();
    } catch {
      throw new CognitoError("network");
    }
    let json: Record<string, unknown> = {};
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      // Not JSON (a proxy's error page): handled below by the status.
    }
    if (response.status >= 200 && response.status < 300) return json as T;
    const type = typeof json.__type === "string" ? json.__type : "";
    const message = typeof json.message === "string" ? json.message : typeof json.Message === "string" ? json.Message : "";
    throw new CognitoError(type ? classifyCognitoError(type, message, during) : "unexpected", type || `HTTP ${response.status}`, message);
  }

  function tokensOf(result: AuthenticationResult | undefined): CognitoTokens {
    if (!result?.IdToken || !result.AccessToken) throw new CognitoError("unexpected", "NoTokens", "AuthenticationResult without tokens");
    return { idToken: result.IdToken, accessToken: result.AccessToken, refreshToken: result.RefreshToken, expiresIn: result.ExpiresIn ?? 3600 };
  }

  function outcome(response: AuthResponse, username: string): PasswordSignInResult {
    if (response.AuthenticationResult) return { kind: "signedIn", tokens: tokensOf(response.AuthenticationResult) };
    if (response.ChallengeName === "NEW_PASSWORD_REQUIRED" && response.Session) {
      // With e-mail sign-in the pool's username is an id, which the challenge must be answered with.
      return { kind: "newPasswordRequired", session: response.Session, username: response.ChallengeParameters?.USER_ID_FOR_SRP ?? username };
    }
    throw new CognitoError("unsupportedChallenge", response.ChallengeName ?? "NoResult");
  }

  return {
    async signInWithPassword(email, password) {
      const username = email.trim();
      const response = await call<AuthResponse>("InitiateAuth", { AuthFlow: "USER_PASSWORD_AUTH", ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } }, "signIn");
      return outcome(response, username);
    },
    async completeNewPassword(challenge, newPassword) {
      const response = await call<AuthResponse>(
        "RespondToAuthChallenge",
        { ChallengeName: "NEW_PASSWORD_REQUIRED", ClientId: clientId, Session: challenge.session, ChallengeResponses: { USERNAME: challenge.username, NEW_PASSWORD: newPassword } },
        "challenge",
      );
      return outcome(response, challenge.username);
    },
    async refresh(refreshToken) {
      const response = await call<AuthResponse>("InitiateAuth", { AuthFlow: "REFRESH_TOKEN_AUTH", ClientId: clientId, AuthParameters: { REFRESH_TOKEN: refreshToken } }, "refresh");
      return tokensOf(response.AuthenticationResult);
    },
    async revoke(refreshToken) {
      await call("RevokeToken", { ClientId: clientId, Token: refreshToken }, "refresh");
    },
  };
}
