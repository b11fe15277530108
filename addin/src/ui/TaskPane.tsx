import { useEffect, useMemo, useState } from "react";
import { Button, MessageBar, MessageBarBody, Select, Text, Field } from "@fluentui/react-components";
import { ROLE_LABELS, isApiError, type MeResponse } from "@coop-plans/shared/api";
import type { Modality } from "@coop-plans/shared/domain";
import type { WorkbookHost } from "../host/WorkbookHost";
import { AosView } from "./AosView";
import { GestorView } from "./GestorView";
import { SignIn } from "./SignIn";
import { defaultServices, type PaneServices } from "./services";
import { loadSession, saveSession, savedApiUrl, type Session } from "./session";
import type { SyncState } from "./syncState";
import type { ValidationOutcome } from "./validation";
import { messageOf } from "./errors";

/** Props of the task pane. */
export interface TaskPaneProps {
  host: WorkbookHost;
  services?: PaneServices;
  /** Overrides the saved session (tests). */
  session?: Session | null;
  initialSync?: SyncState;
  initialOutcome?: ValidationOutcome;
}

/**
 * The task pane: account (sign-in with a dev token in local mode), the gestor's tools (Validar,
 * Sincronizar, Enviar), the AOS's region view, and "Insertar plantilla" for an empty workbook.
 * Every word is Spanish; every action is a button reachable by keyboard.
 */
export function TaskPane({ host, services = defaultServices, session: sessionProp, initialSync, initialOutcome }: TaskPaneProps) {
  const [session, setSession] = useState<Session | null>(sessionProp !== undefined ? sessionProp : loadSession());
  const [me, setMe] = useState<MeResponse | null>(null);
  const [meError, setMeError] = useState<string | null>(null);
  const [templateMessage, setTemplateMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [modality, setModality] = useState<Modality>("creacion");
  const client = useMemo(() => (session ? services.createClient(session) : null), [session, services]);

  useEffect(() => {
    setMe(null);
    setMeError(null);
    if (!client) return;
    client.me().then(setMe, (error: unknown) => {
      if (isApiError(error) && error.code === "UNAUTHENTICATED") {
        saveSession(null);
        setSession(null);
        setMeError("Su sesión expiró o el token no es válido: vuelva a iniciar sesión.");
      } else if (isApiError(error) && error.code === "NETWORK_ERROR") {
        setMeError(`Sin conexión con ${session?.apiUrl}. Puede validar igual; para sincronizar, revise la conexión (o que el servidor local esté corriendo).`);
      } else setMeError(messageOf(error));
    });
  }, [client, session?.apiUrl]);

  const signIn = (s: Session) => {
    saveSession(s);
    setSession(s);
  };
  const signOut = () => {
    saveSession(null);
    setSession(null);
  };

  async function insertTemplate() {
    setTemplateMessage(null);
    try {
      await host.insertTemplate(services.renderTemplate(modality));
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
            {me ? `${me.email ?? me.sub} · ${ROLE_LABELS[me.role]}` : meError ? "Sesión iniciada" : "Conectando…"}
          </Text>{" "}
          <Button appearance="subtle" size="small" onClick={signOut}>
            Cerrar sesión
          </Button>
        </div>
      ) : (
        <SignIn initialApiUrl={savedApiUrl()} onSignIn={signIn} />
      )}
      {meError && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{meError}</MessageBarBody>
        </MessageBar>
      )}
      {isAos && client && me ? (
        <AosView host={host} services={services} client={client} me={me} />
      ) : (
        <GestorView host={host} services={services} client={me ? client : null} me={me} apiUrl={session?.apiUrl ?? ""} initialSync={initialSync} initialOutcome={initialOutcome} />
      )}
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
