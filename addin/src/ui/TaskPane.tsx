import { useEffect, useMemo, useRef, useState } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, Select, Text, Field } from "@fluentui/react-components";
import { ApiError, ROLE_LABELS, isApiError, makeProblem, type MeResponse } from "@coop-plans/shared/api";
import type { Modality } from "@coop-plans/shared/domain";
import type { WorkbookHost } from "../host/WorkbookHost";
import { CognitoError, createCognitoClient } from "../auth/cognito";
import { CognitoSession } from "../auth/cognitoSession";
import { signInWithDialog, signOutWithDialog, type AuthDialog } from "../auth/signInDialog";
import { ssoErrorOf, type SsoTokenProvider } from "../auth/sso";
import type { PaneConfig } from "@coop-plans/shared/api";
import { AosView } from "./AosView";
import { CognitoSignIn } from "./CognitoSignIn";
import { EntraSignIn } from "./EntraSignIn";
import { FileConsolidation } from "./FileConsolidation";
import { GestorView } from "./GestorView";
import { SignIn } from "./SignIn";
import { defaultServices, type PaneServices } from "./services";
import { loadSession, saveSession, savedApiUrl, type Session } from "./session";
import type { SyncState } from "./syncState";
import type { ValidationOutcome } from "./validation";
import { messageOf } from "./errors";
import { browserPackStorage, refreshPacks, storedPacks } from "./rulePackCache";

/** Props of the task pane. */
export interface TaskPaneProps {
  host: WorkbookHost;
  services?: PaneServices;
  /** Overrides the saved session (tests). */
  session?: Session | null;
  initialSync?: SyncState;
  initialOutcome?: ValidationOutcome;
  /** The deployment's config.json; null or absent: local mode (dev token and API URL fields). */
  config?: PaneConfig | null;
  /** A Spanish message when config.json exists but is malformed (no sign-in is offered then). */
  configError?: string | null;
  /** Office SSO for Entra ID (from addin/src/excel); absent outside Excel. */
  sso?: SsoTokenProvider;
  /** The sign-in window of Cognito's managed login: Office's dialog in Excel, a popup in the preview; absent, a Spanish message says what to do. */
  authDialog?: AuthDialog;
}

/**
 * The task pane: account (sign-in per config.json: a dev token in local mode, Cognito's managed
 * login in a dialog (code + PKCE), Office SSO with Entra ID), the gestor's tools (Validar, Sincronizar, Enviar), the
 * AOS's region view, and "Insertar plantilla" for an empty workbook. Every word is Spanish; every
 * action is a button reachable by keyboard.
 */
export function TaskPane({ host, services = defaultServices, session: sessionProp, initialSync, initialOutcome, config = null, configError = null, sso, authDialog }: TaskPaneProps) {
  const auth = config?.auth ?? { kind: "dev" as const };
  const [session, setSession] = useState<Session | null>(sessionProp !== undefined ? sessionProp : auth.kind === "dev" && !configError ? loadSession() : null);
  const [signedOutMessage, setSignedOutMessage] = useState<string | null>(null);
  const [me, setMe] = useState<MeResponse | null>(null);
  const [meError, setMeError] = useState<string | null>(null);
  // The API could not be reached (not a refused sign-in): one state with «Reintentar».
  const [offline, setOffline] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [templateMessage, setTemplateMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [modality, setModality] = useState<Modality>("creacion");
  const client = useMemo(() => (session ? services.createClient(session) : null), [session, services]);
  // The rule packs in force: those kept in the browser for this API (else the built-in ones) until
  // the API's are fetched once signed in; Validar and the template use them.
  const [packs, setPacks] = useState(() => storedPacks(browserPackStorage(), session?.apiUrl ?? null));

  // Cognito: the tokens (memory + sessionStorage) and their refresh timer, for this configuration.
  const onExpired = useRef<(message: string) => void>(() => undefined);
  onExpired.current = (message) => {
    setSession(null);
    setSignedOutMessage(message);
  };
  const cognitoKey = auth.kind === "cognito" ? `${auth.region}/${auth.clientId}` : null;
  const cognito = useMemo(() => {
    if (auth.kind !== "cognito") return null;
    const cognitoClient = services.createCognitoClient ? services.createCognitoClient(auth) : createCognitoClient(auth);
    return { client: cognitoClient, tokens: new CognitoSession({ client: cognitoClient, clientId: auth.clientId, onExpired: (m) => onExpired.current(m) }) };
  }, [cognitoKey, services]); // keyed by the configured ids, not the config object
  useEffect(() => {
    const tokens = cognito?.tokens;
    if (!tokens || !config) return undefined;
    if (sessionProp === undefined && tokens.restore()) setSession(cognitoSession(config.apiUrl, tokens));
    return () => tokens.dispose();
  }, [cognito]); // once per Cognito configuration

  useEffect(() => {
    setMe(null);
    setMeError(null);
    setOffline(false);
    if (!client) return;
    client.me().then(setMe, (error: unknown) => {
      if (isApiError(error) && error.code === "UNAUTHENTICATED") {
        // Shown beside the sign-in form: ending the session re-runs this effect, which clears meError.
        endSession();
        setSignedOutMessage(session?.kind === "entra" ? error.problem.detail : "Su sesión expiró o el token no es válido: vuelva a iniciar sesión.");
      } else if (isApiError(error) && error.code === "NETWORK_ERROR") {
        setOffline(true);
        setMeError(`Sin conexión con ${session?.apiUrl}. Puede validar igual; para sincronizar, revise la conexión (o que el servidor local esté corriendo).`);
      } else setMeError(`No se pudo verificar la sesión con ${session?.apiUrl}: ${messageOf(error)} Revise la dirección de la API o cierre la sesión y vuelva a iniciarla.`);
    });
  }, [client, session?.apiUrl, attempt]);

  useEffect(() => {
    setPacks(storedPacks(browserPackStorage(), session?.apiUrl ?? null));
    if (!client || !me || !session) return undefined;
    let current = true;
    void refreshPacks(client, browserPackStorage(), session.apiUrl).then((r) => {
      if (current) setPacks(r.packs);
    });
    return () => {
      current = false;
    };
  }, [client, me, session?.apiUrl]);

  const signIn = (s: Session) => {
    saveSession(s);
    setSignedOutMessage(null);
    setSession(s);
  };
  /** Cognito: the managed login in the dialog, then the session; throws a CognitoError for the form. */
  const signInCognito = async () => {
    if (!cognito || !config || auth.kind !== "cognito") return;
    if (!authDialog) throw new CognitoError("dialogUnavailable");
    const tokens = await signInWithDialog(cognito.client, authDialog, auth.redirectUri);
    cognito.tokens.start(tokens);
    setSignedOutMessage(null);
    setSession(cognitoSession(config.apiUrl, cognito.tokens));
  };
  const signInEntra = (token: string) => {
    if (!config || !sso) return;
    setSignedOutMessage(null);
    setSession(entraSession(config.apiUrl, token, sso));
  };
  /** Forgets the session of whatever kind: localStorage (dev), tokens and timer (Cognito), nothing stored (Entra). */
  function endSession() {
    if (session?.kind === "cognito") void cognito?.tokens?.signOut();
    else if (session?.kind !== "entra") saveSession(null);
    setSession(null);
  }
  const signOut = () => {
    endSession();
    setMeError(null);
    setSignedOutMessage(session?.kind === "entra" ? "Cerró la sesión del panel; su cuenta de Office sigue iniciada." : "Cerró la sesión.");
    // Cognito: also end the managed login's session, or the next sign-in would not ask for the password.
    if (session?.kind === "cognito" && cognito && auth.kind === "cognito") {
      const loggedOut = authDialog ? signOutWithDialog(cognito.client, authDialog, auth.redirectUri) : Promise.reject(new CognitoError("dialogUnavailable"));
      loggedOut.catch(() =>
        setSignedOutMessage(
          "Cerró la sesión del panel, pero no se pudo cerrar la sesión en la página de inicio de sesión: la próxima vez podría entrar sin pedir la contraseña. Para evitarlo, cierre Excel.",
        ),
      );
    }
  };

  let signInForm;
  if (configError) {
    signInForm = (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{configError}</MessageBarBody>
      </MessageBar>
    );
  } else if (auth.kind === "cognito" && cognito) signInForm = <CognitoSignIn onSignIn={signInCognito} />;
  else if (auth.kind === "entra") signInForm = <EntraSignIn sso={sso} onSignedIn={signInEntra} />;
  else signInForm = <SignIn initialApiUrl={config?.apiUrl ?? savedApiUrl()} onSignIn={signIn} />;

  async function insertTemplate() {
    setTemplateMessage(null);
    try {
      await host.insertTemplate(services.renderTemplate(modality, packs.at(-1)));
      setTemplateMessage({ ok: true, text: "Se insertó la plantilla del plan. Complete las hojas y pulse «Validar»." });
    } catch (error) {
      setTemplateMessage({ ok: false, text: messageOf(error) });
    }
  }

  const isAos = me && (me.role === "aos" || me.role === "sercotec");

  return (
    <main className="pane" aria-labelledby="pane-title">
      <h1 id="pane-title">Plan Cooperativo</h1>
      {session ? (
        <div className="pane-account" aria-label="Cuenta" role="region">
          <Text>
            {me ? `${me.email ?? me.sub} · ${ROLE_LABELS[me.role]}` : offline ? "Sin conexión con el servidor" : meError ? "No se pudo verificar la sesión" : "Conectando…"}
          </Text>{" "}
          <Button appearance="subtle" size="small" onClick={signOut}>
            Cerrar sesión
          </Button>
        </div>
      ) : (
        <>
          {signedOutMessage && (
            <Text as="p" role="status">
              {signedOutMessage}
            </Text>
          )}
          {signInForm}
        </>
      )}
      {meError && (
        <MessageBar intent="warning" role="alert" layout="multiline">
          <MessageBarBody>{meError}</MessageBarBody>
          {offline && session && (
            <MessageBarActions>
              <Button size="small" onClick={() => setAttempt((n) => n + 1)}>
                Reintentar
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {isAos && client && me ? (
        <AosView host={host} services={services} client={client} me={me} packs={packs} />
      ) : (
        <GestorView host={host} services={services} client={me ? client : null} me={me} offline={offline} packs={packs} apiUrl={session?.apiUrl ?? ""} initialSync={initialSync} initialOutcome={initialOutcome} />
      )}
      <FileConsolidation host={host} services={services} packs={packs} />
      <details className="pane-section">
        <summary>Plantilla del plan</summary>
        <Field label="Modalidad">
          <Select value={modality} onChange={(_, d) => setModality(d.value as Modality)}>
            <option value="creacion">Creación y Desarrollo</option>
            <option value="fortalecimiento">Fortalecimiento</option>
          </Select>
        </Field>
        <Button onClick={() => void insertTemplate()}>Insertar plantilla</Button>
        {templateMessage && (
          <MessageBar intent={templateMessage.ok ? "success" : "error"} role={templateMessage.ok ? "status" : "alert"}>
            <MessageBarBody>{templateMessage.text}</MessageBarBody>
          </MessageBar>
        )}
      </details>
    </main>
  );
}

/** A Cognito session: the bearer is the current ID token (refreshed before it expires). */
function cognitoSession(apiUrl: string, tokens: CognitoSession): Session {
  return { apiUrl, token: tokens.idToken ?? "", getToken: () => tokens.getIdToken(), kind: "cognito" };
}

/**
 * An Entra ID session: each request asks Office for the token (it caches and renews it); an SSO
 * failure then reads as a 401, which sends the user back to the sign-in with the reason.
 */
function entraSession(apiUrl: string, token: string, sso: SsoTokenProvider): Session {
  return {
    apiUrl,
    token,
    kind: "entra",
    getToken: () =>
      sso().catch((error: unknown) => {
        throw new ApiError(makeProblem("UNAUTHENTICATED", ssoErrorOf(error).message));
      }),
  };
}
