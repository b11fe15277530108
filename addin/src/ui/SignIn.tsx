import { useState, type FormEvent } from "react";
import { Button, Field, Input, Text, Textarea } from "@fluentui/react-components";
import type { Session } from "./session";

/** Props of the sign-in form. */
export interface SignInProps {
  initialApiUrl: string;
  onSignIn(session: Session): void;
}

/**
 * Sign-in for local mode (no config.json, or `auth.kind` "dev"): the API URL (settings) and a dev
 * token pasted from `npm start`'s output (or `coop-plans login --dev`). In AWS, config.json selects
 * CognitoSignIn (e-mail and password) or EntraSignIn (Office SSO) instead.
 */
export function SignIn({ initialApiUrl, onSignIn }: SignInProps) {
  const [apiUrl, setApiUrl] = useState(initialApiUrl);
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^https?:\/\/\S+$/.test(apiUrl.trim())) return setError("Escriba la dirección del servidor, por ejemplo http://127.0.0.1:4000.");
    if (token.trim().split(".").length !== 3) return setError("El token no parece válido: copie el token completo (tres partes separadas por puntos).");
    setError(null);
    onSignIn({ apiUrl: apiUrl.trim().replace(/\/+$/, ""), token: token.trim() });
  };

  return (
    <form onSubmit={submit} aria-labelledby="signin-title" className="pane-section">
      <h2 id="signin-title">Iniciar sesión</h2>
      <Text as="p">Para sincronizar, inicie sesión. Validar funciona sin sesión.</Text>
      <Field label="Servidor (URL de la API)" validationState={error?.startsWith("Escriba") ? "error" : "none"}>
        <Input value={apiUrl} onChange={(_, d) => setApiUrl(d.value)} />
      </Field>
      <Field label="Token de desarrollo" hint="Lo imprime «npm start» en modo local." validationState={error && !error.startsWith("Escriba") ? "error" : "none"}>
        <Textarea value={token} onChange={(_, d) => setToken(d.value)} resize="vertical" />
      </Field>
      {error && (
        <Text as="p" role="alert" className="pane-error">
          {error}
        </Text>
      )}
      <Button appearance="primary" type="submit">
        Iniciar sesión
      </Button>
    </form>
  );
}
