import { useEffect, useState } from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import {
  PLAN_STATUS_LABELS, REVISION_ACTION_PHRASES, actorText, lastAosObservation, observationLine, reviewBaseRevision,
  type ApiClient, type CooperativeSummary, type PlanResponse, type RevisionSummary,
} from "@coop-plans/shared/api";
import { deltaText, lineChangeTitle, lineValueText, planChanges, type PlanChanges } from "@coop-plans/shared/consolidate";
import { formatClp, formatCount, formatDateTime, formatNumber } from "@coop-plans/shared/format";
import { countFindings } from "@coop-plans/shared/findings";
import { messageOf } from "./errors";
import { DecisionForm, type DecisionBody, type ReviewDecision } from "./DecisionForm";

/** What the review shows: the latest revision, the one it is compared with and the changes. */
interface ReviewData {
  latest: PlanResponse;
  base: RevisionSummary | null;
  changes: PlanChanges | null;
  observation: RevisionSummary | null;
}

/** Props of a plan's review. */
export interface PlanReviewProps {
  client: ApiClient;
  cooperative: Pick<CooperativeSummary, "id" | "name">;
  onClose(): void;
  /**
   * The AOS's decision with its observations (general, on a line by N°, on a field); absent for
   * Sercotec (read-only: no form). Rejects with a Spanish message, shown in the form.
   */
  onDecide?(action: ReviewDecision, body: DecisionBody): Promise<void>;
}

/**
 * One plan as the AOS reviews it before deciding: estado and versión (who, when), totals (CLP),
 * the findings the server stored with it, and what changed since the last submitted or approved
 * revision (shared/consolidate `planChanges`: lines added, removed and changed field by field;
 * the totals), plus the last observation; with `onDecide`, the AOS's observations (general, pinned
 * to a line by N° or to a field) and the decision (DecisionForm). Reads the API only (revisions,
 * latest, the compared one).
 */
export function PlanReview({ client, cooperative, onClose, onDecide }: PlanReviewProps) {
  const [data, setData] = useState<ReviewData | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    void (async () => {
      try {
        const revisions = (await client.listRevisions(cooperative.id)).items;
        const latest = await client.getPlan(cooperative.id);
        const base = reviewBaseRevision(revisions);
        const older = base ? await client.getRevision(cooperative.id, base.version) : null;
        if (live) setData({ latest, base, changes: older ? planChanges(older.plan, latest.plan) : null, observation: lastAosObservation(revisions) });
      } catch (e) {
        if (live) setError(messageOf(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [client, cooperative.id]);

  const headingId = `revision-${cooperative.id}`;
  return (
    <section className="plan-review" aria-labelledby={headingId}>
      <h3 id={headingId}>Plan de «{cooperative.name}»</h3>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!data && !error && <Spinner size="tiny" label="Cargando el plan…" />}
      {data && <ReviewBody data={data} />}
      {data && onDecide && (data.latest.status === "enviado" || data.latest.status === "aprobado") && (
        <DecisionForm plan={data.latest.plan} status={data.latest.status} cooperativeName={cooperative.name} onDecide={onDecide} />
      )}
      <div className="pane-actions">
        <Button onClick={onClose}>Cerrar el plan</Button>
      </div>
    </section>
  );
}

function ReviewBody({ data }: { data: ReviewData }) {
  const { latest, base, changes, observation } = data;
  const t = latest.totals;
  const counts = countFindings(latest.findings);
  return (
    <>
      <p>
        {PLAN_STATUS_LABELS[latest.status]} · versión {latest.version}, {REVISION_ACTION_PHRASES[latest.action]} por {actorText(latest.by)} el{" "}
        {formatDateTime(latest.at)}.
      </p>
      <dl className="review-totals" aria-label="Totales del plan">
        <dt>Inversión total</dt>
        <dd>{formatClp(t.total)}</dd>
        <dt>Aporte Sercotec</dt>
        <dd>{formatClp(t.sercotecAmount)}</dd>
        <dt>Aporte empresarial</dt>
        <dd>{formatClp(t.ownAmount)}</dd>
        <dt>Líneas de inversión</dt>
        <dd>{formatNumber(t.investmentLines)}</dd>
      </dl>
      <h4>Hallazgos</h4>
      {latest.findings.length === 0 ? (
        <p>Sin errores ni advertencias.</p>
      ) : (
        <>
          <p>
            {formatCount(counts.error, "error", "errores")}, {formatCount(counts.warning, "advertencia", "advertencias")}.
          </p>
          <ul className="review-list" aria-label="Hallazgos del plan">
            {latest.findings.map((f, i) => (
              <li key={i} data-rule={f.ruleId}>
                <strong>{f.severity === "error" ? "Error" : f.severity === "warning" ? "Advertencia" : "Aviso"} {f.ruleId}</strong>
                {f.location.sheet && f.location.cell ? ` (${f.location.sheet}!${f.location.cell})` : ""}: {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>Cambios</h4>
      {!base || !changes ? (
        <p>Primer envío: no hay una versión enviada o aprobada anterior con qué compararlo.</p>
      ) : (
        <ChangesList changes={changes} base={base} />
      )}
      {observation && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Última observación del AOS</MessageBarTitle>
            {actorText(observation.by)}, {formatDateTime(observation.at)}:{observation.comment?.trim() ? ` ${observation.comment}` : ""}
            {(observation.observations ?? []).length > 0 && (
              <ul className="review-list" aria-label="Observaciones de la última decisión">
                {observation.observations!.map((o, i) => (
                  <li key={i}>{observationLine(o)}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

function ChangesList({ changes, base }: { changes: PlanChanges; base: RevisionSummary }) {
  const moved = changes.totals.filter((x) => x.delta !== 0);
  return (
    <>
      <p>
        Desde la versión {base.version} ({REVISION_ACTION_PHRASES[base.action]} el {formatDateTime(base.at)}):{" "}
        {changes.unchanged ? "sin cambios en el plan de inversiones." : `${formatCount(changes.lines.length, "línea cambió", "líneas cambiaron")}.`}
      </p>
      {changes.lines.length > 0 && (
        <ul className="review-list" aria-label="Cambios en las líneas">
          {changes.lines.map((c, i) => (
            <li key={i} data-change={c.kind}>
              <strong>{c.kind === "added" ? "Agregada" : c.kind === "removed" ? "Eliminada" : "Cambió"}:</strong> {lineChangeTitle(c)}
              {c.fields.length > 0 && (
                <ul>
                  {c.fields.map((f) => (
                    <li key={f.field}>
                      {f.label}: {lineValueText(f.field, f.before)} → {lineValueText(f.field, f.after)}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {moved.length > 0 && (
        <ul className="review-list" aria-label="Cambios en los totales">
          {moved.map((x) => {
            const money = x.field !== "investmentLines";
            const show = (n: number) => (money ? formatClp(n) : formatNumber(n));
            return (
              <li key={x.field}>
                {x.label}: {show(x.before)} → {show(x.after)} ({deltaText(x.delta, money)})
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
