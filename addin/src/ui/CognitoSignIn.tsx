import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button, Field, Input, Text } from "@fluentui/react-components";
import { CognitoError, COGNITO_MESSAGES, type CognitoClient, type CognitoTokens, type PasswordSignInResult } from "../auth/cognito";

/** Props of the Cognito sign-in form. */
export interface CognitoSignInProps {
  client: CognitoClient;
  /** Called with the tokens once Cognito has signed the user in. */
  onSignedIn(tokens: CognitoTokens): void;
}

/** The user pool's password policy (infra/lib/userDirectory.ts), checked before asking Cognito. */
export function newPasswordProblem(password: string, repeated: string): string | null {
  if (password.length < 12 || !/[a-z]/.test(password) || !/[A-Z]/.test(password) || !/\d/.test(password)) return COGNITO_MESSAGES.passwordPolicy;
  if (password !== repeated) return "Las dos contraseñas nuevas no coinciden. Escríbalas de nuevo.";
  return null;
}

/** The Spanish message of anything the sign-in calls threw. */
function messageOf(error: unknown): string {
  return error instanceof CognitoError ? error.message : COGNITO_MESSAGES.unexpected;
}

/**
 * Sign-in with the Cognito user pool: e-mail and password (USER_PASSWORD_AUTH); on the first
 * sign-in (temporary password) a second form asks for a new password (NEW_PASSWORD_REQUIRED).
 * Errors are announced (role="alert") and the field at fault is marked; focus moves to the first
 * field of each step.
 */
export function CognitoSignIn({ client, onSignedIn }: CognitoSignInProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [challenge, setChallenge] = useState<{ session: string; username: string } | null>(null);
  const [newPassword, setNewPassword] = useState("");
  const [repeated, setRepeated] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; field: "email" | "password" | "newPassword" | null } | null>(null);
  const newPasswordRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (challenge) newPasswordRef.current?.focus();
  }, [challenge]);

  const handle = (result: PasswordSignInResult) => {
    if (result.kind === "signedIn") return onSignedIn(result.tokens);
    setPassword("");
    setChallenge({ session: result.session, username: result.username });
  };

  const fail = (e: unknown, step: "password" | "newPassword") => {
    const kind = e instanceof CognitoError ? e.kind : "unexpected";
    if (kind === "challengeExpired") {
      setChallenge(null);
      setNewPassword("");
      setRepeated("");
      emailRef.current?.focus();
    }
    const field = kind === "wrongCredentials" ? "password" : kind === "userNotFound" ? "email" : kind === "passwordPolicy" ? "newPassword" : null;
    setError({ text: messageOf(e), field: step === "password" || field === "newPassword" ? field : null });
  };

  const submitPassword = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) return setError({ text: "Escriba su correo electrónico, por ejemplo nombre@cooperativa.cl.", field: "email" });
    if (!password) return setError({ text: "Escriba su contraseña.", field: "password" });
    setError(null);
    setBusy(true);
    try {
      handle(await client.signInWithPassword(email.trim(), password));
    } catch (e) {
      fail(e, "password");
    } finally {
      setBusy(false);
    }
  };

  const submitNewPassword = async (event: FormEvent) => {
    event.preventDefault();
    const problem = newPasswordProblem(newPassword, repeated);
    if (problem) return setError({ text: problem, field: "newPassword" });
    setError(null);
    setBusy(true);
    try {
      handle(await client.completeNewPassword(challenge!, newPassword));
    } catch (e) {
      fail(e, "newPassword");
    } finally {
      setBusy(false);
    }
  };

  const invalid = (field: "email" | "password" | "newPassword") => (error?.field === field ? "error" : "none");
  const alert = error && (
    <Text as="p" role="alert" className="pane-error">
      {error.text}
    </Text>
  );

  if (challenge) {
    return (
      <form onSubmit={(e) => void submitNewPassword(e)} aria-labelledby="signin-title" className="pane-section" aria-busy={busy} noValidate>
        <h2 id="signin-title">Cambio de contraseña</h2>
        <Text as="p">Es su primer inicio de sesión: elija una contraseña nueva, de 12 caracteres o más, con mayúsculas, minúsculas y dígitos.</Text>
        <Field label="Nueva contraseña" validationState={invalid("newPassword")}>
          <Input ref={newPasswordRef} type="password" autoComplete="new-password" value={newPassword} onChange={(_, d) => setNewPassword(d.value)} />
        </Field>
        <Field label="Repita la nueva contraseña" validationState={invalid("newPassword")}>
          <Input type="password" autoComplete="new-password" value={repeated} onChange={(_, d) => setRepeated(d.value)} />
        </Field>
        {alert}
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? "Guardando…" : "Guardar contraseña e ingresar"}
        </Button>{" "}
        <Button
          appearance="subtle"
          type="button"
          disabled={busy}
          onClick={() => {
            setChallenge(null);
            setError(null);
          }}
        >
          Volver
        </Button>
      </form>
    );
  }

  return (
    <form onSubmit={(e) => void submitPassword(e)} aria-labelledby="signin-title" className="pane-section" aria-busy={busy} noValidate>
      <h2 id="signin-title">Iniciar sesión</h2>
      <Text as="p">Para sincronizar, inicie sesión con el correo y la contraseña de su cuenta. Validar funciona sin sesión.</Text>
      <Field label="Correo electrónico" validationState={invalid("email")}>
        <Input ref={emailRef} type="email" autoComplete="username" value={email} onChange={(_, d) => setEmail(d.value)} />
      </Field>
      <Field label="Contraseña" hint="La primera vez, la contraseña temporal que recibió por correo." validationState={invalid("password")}>
        <Input type="password" autoComplete="current-password" value={password} onChange={(_, d) => setPassword(d.value)} />
      </Field>
      {alert}
      <Button appearance="primary" type="submit" disabled={busy}>
        {busy ? "Iniciando sesión…" : "Iniciar sesión"}
      </Button>
    </form>
  );
}
