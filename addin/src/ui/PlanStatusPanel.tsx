import { useEffect, useState } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import {
  PLAN_STATUS_LABELS, REVISION_ACTION_LABELS, REVISION_ACTION_PHRASES, actorText, isApiError, lastAosObservation,
  type ApiClient, type RevisionSummary,
} from "@coop-plans/shared/api";
import { formatDateTime } from "@coop-plans/shared/format";
import { messageOf } from "./errors";

/** Props of the plan's status as the gestor/a follows it. */
export interface PlanStatusPanelProps {
  client: ApiClient;
  cooperativeId: string;
  /** Changes after each save or submit, so the status is read again. */
  refreshKey: string;
}

/**
 * The plan's place in the review loop for the gestor/a: estado and versión (who, when), the AOS's
 * last observation («Observación del AOS») and «Historial» (every revision: versión, estado,
 * acción, quién, cuándo in es-CL, comentario). Reads `listRevisions` only.
 */
export function PlanStatusPanel({ client, cooperativeId, refreshKey }: PlanStatusPanelProps) {
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    client.listRevisions(cooperativeId).then(
      (list) => live && setRevisions(list.items),
      (e: unknown) => {
        if (!live) return;
        setRevisions(null);
        // Offline is said once by the pane; here only what else went wrong.
        if (!(isApiError(e) && e.code === "NETWORK_ERROR")) setError(messageOf(e));
      },
    );
    return () => {
      live = false;
    };
  }, [client, cooperativeId, refreshKey]);

  if (error) return <Text as="p">No se pudo leer el estado del plan: {error}</Text>;
  if (!revisions) return null;
  if (revisions.length === 0) return <Text as="p">Esta cooperativa aún no tiene un plan guardado en el servidor.</Text>;
  const latest = revisions[revisions.length - 1];
  const observation = lastAosObservation(revisions);
  return (
    <section className="plan-status" aria-label="Estado del plan">
      <Text as="p">
        <strong>Estado del plan: {PLAN_STATUS_LABELS[latest.status]}</strong> · versión {latest.version}, {REVISION_ACTION_PHRASES[latest.action]} por{" "}
        {actorText(latest.by)} el {formatDateTime(latest.at)}.
      </Text>
      {observation && (
        <MessageBar intent={latest.status === "observado" ? "warning" : "info"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Observación del AOS</MessageBarTitle>
            {actorText(observation.by)}, {formatDateTime(observation.at)} (versión {observation.version}): {observation.comment}
          </MessageBarBody>
        </MessageBar>
      )}
      <details>
        <summary>Historial ({revisions.length})</summary>
        <ol className="history-list" aria-label="Historial del plan">
          {[...revisions].reverse().map((r) => (
            <li key={r.version}>
              Versión {r.version} · {PLAN_STATUS_LABELS[r.status]} · {REVISION_ACTION_LABELS[r.action]} · {actorText(r.by)} · {formatDateTime(r.at)}
              {r.comment ? ` — ${r.comment}` : ""}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
