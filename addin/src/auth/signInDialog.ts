/**
 * The sign-in dialog, seen from the pane: a port (`AuthDialog`) that opens a page of ours in a
 * separate window and resolves with the first message that page sends back; Office's dialog API
 * implements it inside Excel (addin/src/excel/officeAuthDialog.ts), a popup in the preview
 * (addin/src/preview/popupAuthDialog.ts). The page (auth-dialog.html, addin/src/authDialog.ts)
 * redirects to the managed login, and on the way back sends the callback URL. Pure but for the
 * port it is given.
 */
import type { CognitoClient, CognitoTokens } from "./cognito";
import { CognitoError, type CognitoErrorKind } from "./cognitoErrors";

/** Opens `url` (a page of the pane's own origin) and resolves with the first message it sends; rejects with a `CognitoError`. */
export interface AuthDialog {
  open(url: string): Promise<string>;
}

/** What the dialog page sends back. */
export type DialogMessage = { type: "callback"; url: string } | { type: "signedOut" } | { type: "error"; message: string };

/** Serialises a dialog message (Office's messageParent carries strings). */
export function encodeDialogMessage(message: DialogMessage): string {
  return JSON.stringify({ coopPlansAuth: message });
}

/** Reads a dialog message; null for anything else. */
export function decodeDialogMessage(text: string): DialogMessage | null {
  try {
    const m = (JSON.parse(text) as { coopPlansAuth?: DialogMessage }).coopPlansAuth;
    if (m?.type === "callback" && typeof m.url === "string") return m;
    if (m?.type === "signedOut") return m;
    if (m?.type === "error" && typeof m.message === "string") return m;
  } catch {
    // Not ours.
  }
  return null;
}

/** The dialog page's parameter naming where to go first (the authorize or logout URL). */
export const DIALOG_START_PARAM = "start";

/** The dialog page URL that starts at `target`. */
export function dialogStartUrl(dialogPage: string, target: string): string {
  return `${dialogPage}?${new URLSearchParams({ [DIALOG_START_PARAM]: target })}`;
}

/** What the dialog page does with its own URL. */
export type DialogPageStep = { kind: "redirect"; to: string } | { kind: "send"; message: DialogMessage } | { kind: "show"; text: string };

/**
 * The dialog page's decision, from its URL and the configured Cognito domain:
 * - `?start=<url>` → go there, only if it is on the Cognito domain (never an open redirect);
 * - `?code=…` or `?error=…` (back from the managed login) → send the whole URL to the pane;
 * - no parameter (back from the logout endpoint) → send «signed out».
 */
export function dialogPageStep(href: string, cognitoDomain: string | null): DialogPageStep {
  const url = new URL(href);
  const start = url.searchParams.get(DIALOG_START_PARAM);
  if (start !== null) {
    let target: URL | null = null;
    try {
      target = new URL(start);
    } catch {
      target = null;
    }
    if (!cognitoDomain || !target || target.origin !== new URL(cognitoDomain).origin) {
      return { kind: "show", text: "Esta ventana solo abre la página de inicio de sesión configurada para el panel. Ciérrela y vuelva a pulsar «Iniciar sesión» en el panel." };
    }
    return { kind: "redirect", to: target.toString() };
  }
  if (url.searchParams.has("code") || url.searchParams.has("error")) return { kind: "send", message: { type: "callback", url: href } };
  return { kind: "send", message: { type: "signedOut" } };
}

/**
 * Signs in: asks the client for an authorize URL (PKCE), opens the dialog page on it, and exchanges
 * the code the page sends back. `dialogPage`: config.json's `redirectUri`.
 */
export async function signInWithDialog(client: CognitoClient, dialog: AuthDialog, dialogPage: string): Promise<CognitoTokens> {
  const authorizeUrl = await client.signInUrl();
  const reply = decodeDialogMessage(await dialog.open(dialogStartUrl(dialogPage, authorizeUrl)));
  if (reply?.type === "error") throw new CognitoError("dialogFailed", reply.message);
  if (reply?.type !== "callback") throw new CognitoError("unexpected", "the dialog sent no callback");
  return client.completeSignIn(reply.url);
}

/** Ends the managed login's session (so the next sign-in asks for the password again) through the dialog. */
export async function signOutWithDialog(client: CognitoClient, dialog: AuthDialog, dialogPage: string): Promise<void> {
  const reply = decodeDialogMessage(await dialog.open(dialogStartUrl(dialogPage, client.signOutUrl())));
  if (reply?.type !== "signedOut") throw new CognitoError("unexpected", "the dialog did not confirm the sign-out");
}

/**
 * The kind of an Office dialog error code (displayDialogAsync's, or a DialogEventReceived's):
 * 12004/12005 untrusted or http URL, 12007 a dialog already open, 12009 the user ignored the dialog,
 * 12011 the browser blocked the popup, 12006 the user closed it, 12002/12003 its page did not load.
 */
export function dialogErrorKind(code: number | undefined): CognitoErrorKind {
  switch (code) {
    case 12006:
      return "cancelled";
    case 12007:
      return "dialogAlreadyOpen";
    case 12009:
      return "dialogIgnored";
    case 12011:
      return "popupBlocked";
    case 12004:
    case 12005:
      return "misconfigured";
    default:
      return "dialogFailed";
  }
}

/** The `CognitoError` of an Office dialog error code. */
export function dialogError(code: number | undefined, detail?: string): CognitoError {
  return new CognitoError(dialogErrorKind(code), `Office dialog ${code ?? "?"}${detail ? `: ${detail}` : ""}`);
}
