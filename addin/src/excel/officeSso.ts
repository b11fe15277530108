import { SSO_NEEDS_EXCEL, SsoError, ssoErrorOf, type SsoTokenProvider } from "../auth/sso";

/**
 * Entra ID sign-in with Office SSO: `Office.auth.getAccessToken` returns an access token for the
 * application named in the manifest's `WebApplicationInfo` (its `api://…` resource), which the
 * API's JWT authorizer accepts (issuer `entraIssuer`, audience `entraAudience`). Office caches and
 * renews the token, so the pane calls this before every request instead of storing it. Office may
 * show its sign-in and consent prompts. Failures become `SsoError`s with a Spanish message.
 */
export const getOfficeSsoToken: SsoTokenProvider = async () => {
  if (typeof Office === "undefined" || !Office.auth || typeof Office.auth.getAccessToken !== "function") throw new SsoError(SSO_NEEDS_EXCEL);
  try {
    return await Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true });
  } catch (error) {
    throw ssoErrorOf(error);
  }
};
