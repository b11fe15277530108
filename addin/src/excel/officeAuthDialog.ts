import { CognitoError } from "../auth/cognitoErrors";
import { dialogError, type AuthDialog } from "../auth/signInDialog";

/**
 * The sign-in window inside Excel: `Office.context.ui.displayDialogAsync` opens the page (of the
 * add-in's own origin, as the dialog API requires for its first page; it then navigates to the
 * Cognito domain, which the manifest's AppDomains lists) and resolves with the first
 * `messageParent` it sends, closing the dialog. Office's error codes become `CognitoError`s with a
 * Spanish message (12007 a dialog already open, 12009 ignored, 12011 popup blocked, 12006 closed…).
 * Never `displayInIframe`: Cognito's pages refuse to be framed.
 */
export const officeAuthDialog: AuthDialog = {
  open(url) {
    const ui = typeof Office !== "undefined" ? Office.context?.ui : undefined;
    if (!ui || typeof ui.displayDialogAsync !== "function") return Promise.reject(new CognitoError("dialogUnavailable"));
    return new Promise<string>((resolve, reject) => {
      ui.displayDialogAsync(url, { height: 70, width: 35, displayInIframe: false, promptBeforeOpen: true }, (result) => {
        if (result.status === Office.AsyncResultStatus.Failed) {
          reject(dialogError(result.error.code, result.error.message));
          return;
        }
        const dialog = result.value;
        let done = false;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
          if (done) return;
          done = true;
          dialog.close();
          resolve("message" in arg ? String(arg.message) : "");
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
          if (done) return;
          done = true;
          reject(dialogError("error" in arg ? arg.error : undefined));
        });
      });
    });
  },
};

/**
 * The dialog page's side: sends `message` to the task pane with `Office.context.ui.messageParent`
 * once Office is ready; false when the page is not in an Office dialog (no messageParent).
 */
export async function sendToOfficePane(message: string): Promise<boolean> {
  if (typeof Office === "undefined") return false;
  await Office.onReady();
  const ui = Office.context?.ui;
  if (!ui || typeof ui.messageParent !== "function") return false;
  ui.messageParent(message);
  return true;
}
