/** The sign-in dialog page's decisions and Office's dialog error codes (pure). */
import { decodeDialogMessage, dialogErrorKind, dialogPageStep, dialogStartUrl, encodeDialogMessage } from "../../addin/src/auth/signInDialog";

const PAGE = "https://d111111abcdef8.cloudfront.net/auth-dialog.html";
const DOMAIN = "https://coopplans-1.auth.sa-east-1.amazoncognito.com";

describe("the dialog page", () => {
  it("goes to the authorize (or logout) URL it was opened with, only on the configured Cognito domain", () => {
    const authorize = `${DOMAIN}/oauth2/authorize?response_type=code&client_id=c&code_challenge=x`;
    expect(dialogPageStep(dialogStartUrl(PAGE, authorize), DOMAIN)).toEqual({ kind: "redirect", to: authorize });
    for (const evil of ["https://evil.example/oauth2/authorize", "javascript:alert(1)", "not a url", `${DOMAIN}.evil.example/x`]) {
      expect(dialogPageStep(dialogStartUrl(PAGE, evil), DOMAIN)).toMatchObject({ kind: "show", text: expect.stringMatching(/^Esta ventana solo abre la página de inicio de sesión configurada/) });
    }
    expect(dialogPageStep(dialogStartUrl(PAGE, authorize), null).kind).toBe("show");
  });

  it("back from the managed login (code or error) sends its whole URL; back from the logout sends «signed out»", () => {
    expect(dialogPageStep(`${PAGE}?code=abc&state=s1`, DOMAIN)).toEqual({ kind: "send", message: { type: "callback", url: `${PAGE}?code=abc&state=s1` } });
    expect(dialogPageStep(`${PAGE}?error=access_denied&state=s1`, DOMAIN)).toEqual({ kind: "send", message: { type: "callback", url: `${PAGE}?error=access_denied&state=s1` } });
    expect(dialogPageStep(PAGE, DOMAIN)).toEqual({ kind: "send", message: { type: "signedOut" } });
  });

  it("messages round-trip; anything else is not ours", () => {
    expect(decodeDialogMessage(encodeDialogMessage({ type: "callback", url: "u" }))).toEqual({ type: "callback", url: "u" });
    expect(decodeDialogMessage(encodeDialogMessage({ type: "signedOut" }))).toEqual({ type: "signedOut" });
    expect(decodeDialogMessage("hola")).toBeNull();
    expect(decodeDialogMessage(JSON.stringify({ type: "callback", url: "u" }))).toBeNull();
  });
});

describe("Office dialog error codes", () => {
  it.each([
    [12002, "dialogFailed"],
    [12003, "dialogFailed"],
    [12004, "misconfigured"],
    [12005, "misconfigured"],
    [12006, "cancelled"],
    [12007, "dialogAlreadyOpen"],
    [12009, "dialogIgnored"],
    [12011, "popupBlocked"],
    [undefined, "dialogFailed"],
  ])("%s → %s", (code, kind) => {
    expect(dialogErrorKind(code)).toBe(kind);
  });
});
