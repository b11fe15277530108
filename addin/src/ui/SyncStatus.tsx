import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Text } from "@fluentui/react-components";
import { formatCount, formatDateTime } from "@coop-plans/shared/format";
import type { SyncState } from "./syncState";

/** Props of the sync status. */
export interface SyncStatusProps {
  state: SyncState;
  onLoadServerCopy(): void;
  /** Saves again, confirming the plan is this cooperative's (after a 422 IDENTITY_MISMATCH). */
  onConfirmIdentity?(): void;
  busy: boolean;
}

/** The Sincronizar flow's message: progress, saved version and time, conflict, offline or failure. */
export function SyncStatus({ state, onLoadServerCopy, onConfirmIdentity, busy }: SyncStatusProps) {
  switch (state.kind) {
    case "idle":
      return null;
    case "syncing":
      return (
        <div role="status" aria-live="polite" className="pane-status">
          <Text>{state.step}</Text>
          <ProgressBar value={state.progress} max={1} aria-label="Progreso de la sincronización" />
        </div>
      );
    case "saved":
      return (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            <MessageBarTitle>Plan guardado</MessageBarTitle>
            Versión {state.version}, guardada el {formatDateTime(state.at)} (estado: {state.status}).{" "}
            {state.errors > 0 ? `El servidor encontró ${formatCount(state.errors, "error", "errores")}: corríjalos antes de enviar.` : "Sin errores."}
            {state.warnings > 0 ? ` ${formatCount(state.warnings, "advertencia", "advertencias")}.` : ""}
            {state.serverFindings && state.serverFindings.length > 0 && (
              <>
                {" "}El servidor agregó {formatCount(state.serverFindings.length, "hallazgo", "hallazgos")} al comparar el plan con la cooperativa registrada:
                <ul className="server-findings" aria-label="Hallazgos del servidor">
                  {state.serverFindings.map((f, i) => (
                    <li key={i}>
                      {f.location.sheet && f.location.cell ? `${f.location.sheet}!${f.location.cell}: ` : ""}
                      {f.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      );
    case "identity":
      return (
        <MessageBar intent="warning" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>El plan parece ser de otra cooperativa</MessageBarTitle>
            {state.mismatches.length === 0 ? (
              state.detail
            ) : (
              <>
                El libro no coincide con la cooperativa registrada{state.cooperativeName ? ` «${state.cooperativeName}»` : ""} en{" "}
                {state.mismatches.length === 1 ? "un dato" : `${state.mismatches.length} datos`}:
                <ul className="identity-mismatches" aria-label="Diferencias con la cooperativa registrada">
                  {state.mismatches.map((m) => (
                    <li key={m.field}>
                      {m.location.sheet && m.location.cell ? `${m.location.sheet}!${m.location.cell}: ` : ""}
                      {m.message}
                    </li>
                  ))}
                </ul>
                No se guardó nada. Si se equivocó de cooperativa, elija la correcta en «Cooperativa»; si el plan sí es de esta
                cooperativa, corrija la hoja Cooperativa o pulse «Guardar de todos modos»: se guardará como borrador con estas
                diferencias anotadas como hallazgos.
              </>
            )}
          </MessageBarBody>
          {onConfirmIdentity && (
            <MessageBarActions>
              <Button onClick={onConfirmIdentity} disabled={busy}>
                Guardar de todos modos
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      );
    case "submitted":
      return (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            <MessageBarTitle>Plan enviado</MessageBarTitle>
            Versión {state.version} enviada al AOS para su revisión. Mientras la revisa, el plan queda bloqueado.
          </MessageBarBody>
        </MessageBar>
      );
    case "conflict":
      return (
        <MessageBar intent="warning" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{state.baseVersion === 0 ? "La cooperativa ya tiene un plan en el servidor" : "Hay una versión más nueva en el servidor"}</MessageBarTitle>
            {state.baseVersion === 0
              ? `Este libro no está vinculado a ninguna versión del plan (nunca se sincronizó, o es una copia) y el servidor tiene ${state.currentVersion !== null ? `la versión ${state.currentVersion}` : "un plan"}.`
              : `Este libro se basa en la versión ${state.baseVersion}, pero alguien guardó ${state.currentVersion !== null ? `la versión ${state.currentVersion}` : "otra versión"} después.`}{" "}
            Su plan no se envió y su libro no cambió. Puede cargar la versión del servidor en una hoja nueva para compararla; sus hojas no se tocan.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onLoadServerCopy} disabled={busy}>
              Cargar la versión del servidor en una hoja nueva
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
    case "copied":
      return (
        <MessageBar intent="info" role="status" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Versión del servidor cargada</MessageBarTitle>
            La versión {state.version} quedó en la hoja «{state.sheet}». Compárela con sus hojas y copie lo que necesite. Al volver a
            sincronizar, su libro reemplazará la versión {state.version} del servidor.
          </MessageBarBody>
        </MessageBar>
      );
    case "locked":
      return (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>
            <MessageBarTitle>El plan no se puede modificar</MessageBarTitle>
            {state.detail} Su libro no cambió.
          </MessageBarBody>
        </MessageBar>
      );
    case "offline":
      return (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Sin conexión con el servidor</MessageBarTitle>
            No fue posible conectarse con {state.apiUrl}. Su libro no se modificó y nada se perdió: siga trabajando, revise su conexión
            a internet{isLocalApiUrl(state.apiUrl) ? " (o que el servidor local esté corriendo con «npm start»)" : ""} y vuelva a pulsar «Sincronizar».
          </MessageBarBody>
        </MessageBar>
      );
    case "failed":
      return (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>No se pudo sincronizar</MessageBarTitle>
            {state.detail} Su libro no se modificó.
          </MessageBarBody>
        </MessageBar>
      );
    case "unchanged":
      return (
        <MessageBar intent="info" role="status" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Sin cambios</MessageBarTitle>
            El plan es igual a la versión {state.version} del servidor (estado: {state.status}): no se guardó una versión nueva.{" "}
            {!state.submittable
              ? `El plan ya está ${state.status.toLowerCase()}; no hay nada que enviar.`
              : state.errors > 0
                ? `Tiene ${formatCount(state.errors, "error", "errores")}: corríjalos antes de enviar.`
                : "Puede enviarlo al AOS."}
          </MessageBarBody>
        </MessageBar>
      );
  }
}

/** Whether the API is local mode's (127.0.0.1, localhost): only then do messages name «npm start». */
export function isLocalApiUrl(url: string): boolean {
  try {
    return ["127.0.0.1", "localhost", "[::1]"].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}
