import { useEffect, useState } from "react";
import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import {
  PLAN_STATUS_LABELS, REVISION_ACTION_LABELS, REVISION_ACTION_PHRASES, actorText, isApiError, lastAosObservation, observationLine,
  type ApiClient, type Observation, type RevisionSummary,
} from "@coop-plans/shared/api";
import { formatDateTime } from "@coop-plans/shared/format";
import type { ObservationPlacement } from "../host/observationNotes";

/** What placing the observations did: where each went (or why not), how many notes were written and the host's warnings. */
export interface ObservationsPlaced {
  placements: ObservationPlacement[];
  notes: number;
  warnings: string[];
}
import { messageOf } from "./errors";

/** Props of the plan's status as the gestor/a follows it. */
export interface PlanStatusPanelProps {
  client: ApiClient;
  cooperativeId: string;
  /** Changes after each save or submit, so the status is read again. */
  refreshKey: string;
  /**
   * Places the observations pinned to lines or fields as notes on the cells they point to in the
   * workbook as it is today; resolves with where each went (or why it did not). Absent: no button.
   */
  onPlaceObservations?(observations: Observation[]): Promise<ObservationsPlaced>;
  /** Goes to a placed observation's cell (the sheet activated, the cell selected). */
  onSelectCell?(sheet: string, cell: string): void;
}

/**
 * The plan's place in the review loop for the gestor/a: estado and versión (who, when), the AOS's
 * last observation («Observación del AOS»: the general comment and the observations pinned to
 * lines or fields, each with its target; «Poner observaciones en las celdas» puts those as notes
 * on their cells and says where each went) and «Historial» (every revision: versión, estado,
 * acción, quién, cuándo in es-CL, comentario, observaciones). Reads `listRevisions` only.
 */
export function PlanStatusPanel({ client, cooperativeId, refreshKey, onPlaceObservations, onSelectCell }: PlanStatusPanelProps) {
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [placed, setPlaced] = useState<ObservationsPlaced | null>(null);
  const [placing, setPlacing] = useState(false);
  const [placeError, setPlaceError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    setPlaced(null);
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
  const pinned = observation?.observations ?? [];
  const placeable = pinned.filter((o) => o.target.kind !== "general");

  async function place() {
    if (!onPlaceObservations) return;
    setPlacing(true);
    setPlaceError(null);
    try {
      setPlaced(await onPlaceObservations(pinned));
    } catch (e) {
      setPlaceError(messageOf(e));
    } finally {
      setPlacing(false);
    }
  }

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
            {actorText(observation.by)}, {formatDateTime(observation.at)} (versión {observation.version}):{observation.comment?.trim() ? ` ${observation.comment}` : ""}
            {pinned.length > 0 && (
              <ul className="observation-list" aria-label="Observaciones del AOS">
                {pinned.map((o, i) => {
                  const where = placed?.placements[i];
                  return (
                    <li key={i}>
                      {observationLine(o)}
                      {where && o.target.kind !== "general" && (
                        <em className="observation-place">
                          {" — "}
                          {"cell" in where ? (
                            <>
                              nota en{" "}
                              {onSelectCell ? (
                                <Link as="button" inline onClick={() => onSelectCell(where.sheet, where.cell)} aria-label={`Ir a ${where.sheet}!${where.cell}`}>
                                  {where.sheet}!{where.cell}
                                </Link>
                              ) : (
                                `${where.sheet}!${where.cell}`
                              )}
                            </>
                          ) : (
                            where.reason
                          )}
                        </em>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {observation && placeable.length > 0 && onPlaceObservations && (
        <div className="pane-actions">
          <Button onClick={() => void place()} disabled={placing}>
            Poner observaciones en las celdas
          </Button>
        </div>
      )}
      {placed && (
        <MessageBar intent={placed.warnings.length > 0 || placed.notes === 0 ? "warning" : "success"} role="status">
          <MessageBarBody>
            {placed.notes === 0
              ? "Ninguna observación se puso en una celda: vea en la lista por qué."
              : `Se ${placed.notes === 1 ? "puso 1 nota" : `pusieron ${placed.notes} notas`} «Observación del AOS» en las celdas.`}
            {placed.warnings.length > 0 ? ` ${placed.warnings.join(" ")}` : ""}
          </MessageBarBody>
        </MessageBar>
      )}
      {placeError && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{placeError}</MessageBarBody>
        </MessageBar>
      )}
      <details>
        <summary>Historial ({revisions.length})</summary>
        <ol className="history-list" aria-label="Historial del plan">
          {[...revisions].reverse().map((r) => (
            <li key={r.version}>
              Versión {r.version} · {PLAN_STATUS_LABELS[r.status]} · {REVISION_ACTION_LABELS[r.action]} · {actorText(r.by)} · {formatDateTime(r.at)}
              {r.comment ? ` — ${r.comment}` : ""}
              {(r.observations ?? []).length > 0 && (
                <ul>
                  {r.observations!.map((o, i) => (
                    <li key={i}>{observationLine(o)}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
