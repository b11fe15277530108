import { CognitoError } from "../auth/cognitoErrors";
import type { AuthDialog } from "../auth/signInDialog";

/** The start URL's parameter telling the dialog page to answer through `window.opener` (no Office). */
export const VIA_OPENER_PARAM = "via";

/**
 * The preview's stand-in for Office's dialog (there is no Office in a plain browser): a popup window
 * on the same page, which answers with `window.opener.postMessage` (same origin only) instead of
 * `messageParent`. A blocked popup reads as Office's 12011, a closed one as 12006.
 */
export function popupAuthDialog(win: Window = window): AuthDialog {
  return {
    open(url) {
      const target = new URL(url);
      target.searchParams.set(VIA_OPENER_PARAM, "opener");
      const popup = win.open(target.toString(), "coop-plans-sign-in", "popup,width=520,height=680");
      if (!popup) return Promise.reject(new CognitoError("popupBlocked", "window.open returned null"));
      return new Promise<string>((resolve, reject) => {
        const onMessage = (event: MessageEvent) => {
          if (event.origin !== win.location.origin || event.source !== popup || typeof event.data !== "string") return;
          finish();
          popup.close();
          resolve(event.data);
        };
        const closed = win.setInterval(() => {
          if (popup.closed) {
            finish();
            reject(new CognitoError("cancelled", "popup closed"));
          }
        }, 500);
        const finish = () => {
          win.removeEventListener("message", onMessage);
          win.clearInterval(closed);
        };
        win.addEventListener("message", onMessage);
      });
    },
  };
}
