/**
 * Entry of auth-dialog.html, the sign-in window's page (the app client's callback and sign-out
 * URL). Opened by the pane with `?start=<authorize or logout URL>` it goes there (only to the
 * configured Cognito domain); back from the managed login (`?code=…`, `?error=…`) or from the
 * logout endpoint (no parameter) it hands the outcome to the pane: `messageParent` in an Office
 * dialog, `window.opener.postMessage` in the preview's popup. Nothing else runs here: the code is
 * exchanged by the pane, which holds the PKCE verifier.
 */
import { loadPaneConfig } from "./config/loadPaneConfig";
import { DIALOG_START_PARAM, dialogPageStep, encodeDialogMessage } from "./auth/signInDialog";
import { sendToOfficePane } from "./excel/officeAuthDialog";
import { VIA_OPENER_PARAM } from "./preview/popupAuthDialog";

const OPENER_KEY = "coopPlans.dialogViaOpener";

function show(text: string): void {
  const status = document.getElementById("status");
  if (status) status.textContent = text;
}

async function run(): Promise<void> {
  const here = new URL(location.href);
  if (here.searchParams.has(DIALOG_START_PARAM)) {
    // The window keeps its sessionStorage across the round trip to the Cognito domain.
    if (here.searchParams.get(VIA_OPENER_PARAM) === "opener") sessionStorage.setItem(OPENER_KEY, "1");
    else sessionStorage.removeItem(OPENER_KEY);
  }
  const loaded = await loadPaneConfig((url, init) => globalThis.fetch(url, init), document.baseURI);
  const domain = loaded.ok && loaded.config?.auth.kind === "cognito" ? loaded.config.auth.domain : null;
  const step = dialogPageStep(location.href, domain);
  if (step.kind === "show") return show(step.text);
  if (step.kind === "redirect") return location.replace(step.to);
  show(step.message.type === "signedOut" ? "Sesión cerrada. Volviendo al panel…" : "Volviendo al panel…");
  const message = encodeDialogMessage(step.message);
  if (sessionStorage.getItem(OPENER_KEY) === "1" && window.opener) {
    sessionStorage.removeItem(OPENER_KEY);
    (window.opener as Window).postMessage(message, location.origin);
    return;
  }
  if (!(await sendToOfficePane(message))) show("Esta ventana debe abrirse desde el panel Plan Cooperativo de Excel. Ciérrela y pulse «Iniciar sesión» en el panel.");
}

void run().catch(() => show("No se pudo completar el inicio de sesión en esta ventana. Ciérrela y vuelva a pulsar «Iniciar sesión» en el panel."));
