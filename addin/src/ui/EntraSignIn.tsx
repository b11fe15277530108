import { useState } from "react";
import { Button, Text } from "@fluentui/react-components";
import { SSO_NEEDS_EXCEL, ssoErrorOf, type SsoTokenProvider } from "../auth/sso";

/** Props of the Entra ID sign-in. */
export interface EntraSignInProps {
  /** Office SSO (addin/src/excel/officeSso.ts); absent outside Excel (the preview page). */
  sso?: SsoTokenProvider;
  /** Called with the first access token once Office has signed the user in. */
  onSignedIn(token: string): void;
}

/**
 * Sign-in with Microsoft Entra ID through Office SSO: one button; Office shows its own sign-in or
 * consent prompt when needed. Outside Excel it says that SSO needs Excel.
 */
export function EntraSignIn({ sso, onSignedIn }: EntraSignInProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const signIn = async () => {
    if (!sso) return;
    setError(null);
    setBusy(true);
    try {
      onSignedIn(await sso());
    } catch (e) {
      setError(ssoErrorOf(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="signin-title" className="pane-section" aria-busy={busy}>
      <h2 id="signin-title">Iniciar sesión</h2>
      {sso ? (
        <>
          <Text as="p">Para sincronizar, inicie sesión con la cuenta Microsoft de su organización (la misma de Office). Validar funciona sin sesión.</Text>
          {error && (
            <Text as="p" role="alert" className="pane-error">
              {error}
            </Text>
          )}
          <Button appearance="primary" onClick={() => void signIn()} disabled={busy}>
            {busy ? "Iniciando sesión…" : "Iniciar sesión con Microsoft"}
          </Button>
        </>
      ) : (
        <Text as="p" role="note">
          {SSO_NEEDS_EXCEL} Validar funciona sin sesión.
        </Text>
      )}
    </section>
  );
}
