import { useState } from "react";
import { Button, Text } from "@fluentui/react-components";
import { CognitoError, COGNITO_MESSAGES } from "../auth/cognito";

/** Props of the Cognito sign-in. */
export interface CognitoSignInProps {
  /** Opens the sign-in dialog and starts the session; rejects with a `CognitoError`. */
  onSignIn(): Promise<void>;
}

/**
 * Sign-in with the Cognito user pool's managed login: one button that opens the sign-in window
 * (an Office dialog), where the person types their e-mail and password on Cognito's page and, at a
 * first sign-in, chooses a new password. The pane never sees the password. Failures (the window
 * blocked, closed, or the dialog API missing) are announced (role="alert") with what to do.
 */
export function CognitoSignIn({ onSignIn }: CognitoSignInProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const signIn = async () => {
    setError(null);
    setBusy(true);
    try {
      await onSignIn();
    } catch (e) {
      setError(e instanceof CognitoError ? e.message : COGNITO_MESSAGES.unexpected);
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="signin-title" className="pane-section" aria-busy={busy}>
      <h2 id="signin-title">Iniciar sesión</h2>
      <Text as="p">
        Para sincronizar, inicie sesión con el correo y la contraseña de su cuenta en la ventana que se abrirá. La primera vez use la contraseña temporal que recibió por correo: ahí mismo
        elegirá una nueva. Validar funciona sin sesión.
      </Text>
      {error && (
        <Text as="p" role="alert" className="pane-error">
          {error}
        </Text>
      )}
      <Button appearance="primary" onClick={() => void signIn()} disabled={busy}>
        {busy ? "Esperando el inicio de sesión…" : "Iniciar sesión"}
      </Button>
    </section>
  );
}
