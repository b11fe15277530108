import * as z from "zod";

/**
 * The task pane's runtime configuration: `config.json` next to its page, written at deploy time by
 * the CDK app (infra/lib/taskPaneConfig.ts) and read by the pane (addin/src/config/loadPaneConfig.ts):
 * the contract between the two lives here, in the core, so both import it by package name. Absent (local development), the pane asks for a dev
 * token and the API URL. Pure: no I/O here (see `loadPaneConfig`).
 */

/** An http(s) URL without a trailing slash. */
const HttpUrl = z
  .string()
  .trim()
  .refine((s) => /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(s), { message: "debe ser una URL http(s), por ejemplo https://abc123.execute-api.sa-east-1.amazonaws.com" })
  .transform((s) => s.replace(/\/+$/, ""));

/** Dev tokens (HS256, local backend): the pane shows the token field. */
export const DevAuthConfig = z.object({ kind: z.literal("dev") });

/**
 * Cognito user pool through its managed login (hosted UI): authorization code + PKCE in an Office
 * dialog (addin/src/auth/cognito.ts), the ID token as bearer. The password never reaches our code.
 */
export const CognitoAuthConfig = z
  .object({
    kind: z.literal("cognito"),
    /** AWS region of the user pool, e.g. `sa-east-1`. */
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, { message: "debe ser una región de AWS, por ejemplo sa-east-1" }),
    /** `<region>_<id>`, e.g. `sa-east-1_AbCdEf123`. */
    userPoolId: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+_[0-9A-Za-z]+$/, { message: "debe tener la forma <región>_<id>, por ejemplo sa-east-1_AbCdEf123" }),
    /** The task pane's app client id (the ID token's audience; public client, no secret). */
    clientId: z.string().regex(/^[0-9A-Za-z]+$/, { message: "debe ser el id del cliente de aplicación (letras y dígitos)" }),
    /**
     * Base URL of the user pool's domain (managed login, `/oauth2/*`, `/logout`), e.g.
     * `https://coopplans-123456789012.auth.sa-east-1.amazoncognito.com`.
     */
    domain: HttpUrl,
    /**
     * The sign-in dialog page of the pane (`…/auth-dialog.html`): the app client's callback and
     * sign-out URL, registered exactly so in the user pool.
     */
    redirectUri: HttpUrl,
    /**
     * The OpenID issuer whose discovery document the pane reads. Absent: the user pool's,
     * `https://cognito-idp.<region>.amazonaws.com/<userPoolId>` (see `cognitoAuthority`).
     */
    authority: HttpUrl.optional(),
  })
  .refine((c) => c.userPoolId.startsWith(`${c.region}_`), { message: "la región no coincide con la del grupo de usuarios (userPoolId)", path: ["userPoolId"] });

/** The OpenID issuer of a Cognito configuration: `authority`, or the user pool's issuer URL. */
export function cognitoAuthority(config: Pick<z.output<typeof CognitoAuthConfig>, "region" | "userPoolId" | "authority">): string {
  return config.authority ?? `https://cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`;
}

/**
 * Microsoft Entra ID through Office SSO (`Office.auth.getAccessToken`): the manifest's
 * `WebApplicationInfo` names the application, so the pane needs no id to sign in. `clientId` and
 * `apiScope` are informational (shown in diagnostics; reserved for a dialog sign-in fallback).
 */
export const EntraAuthConfig = z.object({
  kind: z.literal("entra"),
  clientId: z.string().min(1).optional(),
  apiScope: z.string().min(1).optional(),
});

/** How the pane signs in. */
export const AuthConfig = z.discriminatedUnion("kind", [DevAuthConfig, CognitoAuthConfig, EntraAuthConfig]);
export type AuthConfig = z.output<typeof AuthConfig>;
export type CognitoAuthConfig = z.output<typeof CognitoAuthConfig>;
export type EntraAuthConfig = z.output<typeof EntraAuthConfig>;

/** The whole `config.json`. */
export const PaneConfig = z.object({
  /** Base URL of the API (the `ApiUrl` output), without `/v1`. */
  apiUrl: HttpUrl,
  auth: AuthConfig,
});
/** The parsed configuration. */
export type PaneConfig = z.output<typeof PaneConfig>;
/** What the deployment writes (before parsing). */
export type PaneConfigInput = z.input<typeof PaneConfig>;

/** The outcome of reading config.json: a configuration, local mode (no file), or a Spanish error. */
export type PaneConfigResult = { ok: true; config: PaneConfig | null } | { ok: false; message: string };

/**
 * The pane's sign-in dialog page, beside taskpane.html: the first page of the Office dialog (it
 * redirects to the managed login), and the app client's callback and sign-out URL.
 */
export const AUTH_DIALOG_PAGE = "auth-dialog.html";

/** Name of the file, relative to the pane's page. */
export const PANE_CONFIG_FILE = "config.json";

/** "auth.userPoolId: debe tener…" for a zod issue path. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join(".") : "el archivo";
  if (issue.code === "invalid_union" || (issue.code === "invalid_value" && issue.path.at(-1) === "kind")) return `${where}: debe ser "dev", "cognito" o "entra"`;
  if (issue.code === "invalid_type") return `${where}: falta o no es del tipo esperado`;
  return `${where}: ${issue.message}`;
}

/**
 * Parses the text of config.json. Returns a Spanish message naming the wrong fields (for the
 * administrator) when it is not JSON or not the expected shape.
 */
export function parsePaneConfig(text: string): PaneConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: malformed("no es JSON válido") };
  }
  const parsed = PaneConfig.safeParse(json);
  if (!parsed.success) return { ok: false, message: malformed(parsed.error.issues.slice(0, 3).map(describeIssue).join("; ")) };
  return { ok: true, config: parsed.data };
}

/** The Spanish message of a malformed configuration. */
function malformed(detail: string): string {
  return `La configuración del panel (${PANE_CONFIG_FILE}) no es válida: ${detail}. Avise al administrador del sistema; mientras tanto puede validar el plan, pero no sincronizar.`;
}
