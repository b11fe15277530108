import { useState } from "react";
import { Button, Field, MessageBar, MessageBarBody, Select, Textarea } from "@fluentui/react-components";
import {
  MAX_COMMENT_CHARS, MAX_OBSERVATION_CHARS, MAX_OBSERVATIONS, OBSERVED_PLAN_NAMES, ObservedField, observationLine, observedFieldLabel,
  type Observation, type ObservationTarget, type PlanStatus,
} from "@coop-plans/shared/api";
import type { Plan } from "@coop-plans/shared/domain";
import { formatNumber } from "@coop-plans/shared/format";
import { messageOf } from "./errors";
import { charLimitHint } from "./charLimit";

/** The AOS's decisions from a plan's review. */
export type ReviewDecision = "return" | "approve" | "reopen";

/** What a decision sends: the general comment and the observations pinned to lines or fields. */
export interface DecisionBody {
  comment: string | null;
  observations: Observation[];
}

/** Props of the decision form. */
export interface DecisionFormProps {
  plan: Plan;
  status: PlanStatus;
  cooperativeName: string;
  /** Sends the decision; rejects with an error whose message is Spanish (the form stays as written). */
  onDecide(action: ReviewDecision, body: DecisionBody): Promise<void>;
}

/** Longest label of a line in the «Dónde» list before it is cut with «…». */
const OPTION_CHARS = 60;

function cut(text: string): string {
  return text.length > OPTION_CHARS ? `${text.slice(0, OPTION_CHARS - 1)}…` : text;
}

/** The «Dónde» choice as a value (`investment:3`, `action:2`, `field:rut`) and back. */
function targetOf(value: string): ObservationTarget | null {
  const [kind, rest] = value.split(":");
  if (kind === "investment" || kind === "action") return { kind: "line", plan: kind, lineNumber: Number(rest) };
  const field = ObservedField.safeParse(rest);
  return kind === "field" && field.success ? { kind: "field", field: field.data } : null;
}

/** The distinct N° of a plan's lines, in the plan's order, each with a short description. */
function numbered<T extends { number: number | null }>(lines: readonly T[], describe: (line: T) => string): { n: number; label: string }[] {
  const seen = new Set<number>();
  const out: { n: number; label: string }[] = [];
  for (const line of lines) {
    if (line.number === null || seen.has(line.number)) continue;
    seen.add(line.number);
    out.push({ n: line.number, label: cut(describe(line)) });
  }
  return out;
}

/**
 * The AOS's decision on a plan under review: a general observation and observations pinned to a
 * line of the Plan de inversiones or the Plan de acción (picked from the plan's lines by N°) or a
 * field of the Cooperativa sheet; then «Devolver con observaciones» or «Aprobar» (enviado) or
 * «Reabrir» (aprobado). Sends through `onDecide`.
 */
export function DecisionForm({ plan, status, cooperativeName, onDecide }: DecisionFormProps) {
  const [comment, setComment] = useState("");
  const [where, setWhere] = useState("");
  const [text, setText] = useState("");
  const [pinned, setPinned] = useState<Observation[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const investments = numbered(plan.investmentLines, (l) => `N° ${l.number} — ${[l.item, l.description].filter(Boolean).join(" — ")}`);
  const actions = numbered(plan.actions, (a) => `N° ${a.number} — ${a.activity ?? ""}`);
  const target = targetOf(where);
  const trimmed = text.trim();
  const full = pinned.length >= MAX_OBSERVATIONS;
  // No maxLength on the observation: a pasted text is kept whole and the counter says how much to cut.
  const textLimit = charLimitHint(text.length, MAX_OBSERVATION_CHARS);
  const commentLimit = charLimitHint(comment.length, MAX_COMMENT_CHARS);

  function add() {
    if (!target || !trimmed || textLimit.over) return;
    setPinned([...pinned, { target, text: trimmed }]);
    setText("");
  }

  async function decide(action: ReviewDecision) {
    setBusy(true);
    setError(null);
    try {
      await onDecide(action, { comment: comment.trim() || null, observations: pinned });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  const canReturn = status === "enviado" && !commentLimit.over && (comment.trim() !== "" || pinned.length > 0);
  return (
    <section className="decision-form" aria-label={`Decisión sobre el plan de ${cooperativeName}`}>
      <h4>Observaciones y decisión</h4>
      <Field
        label="Observación general"
        hint={commentLimit.over ? undefined : `El gestor/a la verá como «Observación del AOS». ${commentLimit.text}`}
        validationState={commentLimit.over ? "error" : "none"}
        validationMessage={commentLimit.over ? commentLimit.text : undefined}
      >
        <Textarea value={comment} onChange={(_, d) => setComment(d.value)} />
      </Field>
      <Field label="Observación en una línea o campo: dónde">
        <Select value={where} onChange={(_, d) => setWhere(d.value)}>
          <option value="">Elija una línea o un campo…</option>
          {investments.length > 0 && (
            <optgroup label={OBSERVED_PLAN_NAMES.investment}>
              {investments.map(({ n, label }) => (
                <option key={n} value={`investment:${n}`}>{label}</option>
              ))}
            </optgroup>
          )}
          {actions.length > 0 && (
            <optgroup label={OBSERVED_PLAN_NAMES.action}>
              {actions.map(({ n, label }) => (
                <option key={n} value={`action:${n}`}>{label}</option>
              ))}
            </optgroup>
          )}
          <optgroup label="Hoja Cooperativa">
            {ObservedField.options.map((f) => (
              <option key={f} value={`field:${f}`}>{observedFieldLabel(f)}</option>
            ))}
          </optgroup>
        </Select>
      </Field>
      <Field
        label="Texto de la observación"
        hint={full ? `Ya hay ${formatNumber(MAX_OBSERVATIONS)} observaciones: el máximo.` : textLimit.over ? undefined : textLimit.text}
        validationState={textLimit.over ? "error" : "none"}
        validationMessage={textLimit.over ? textLimit.text : undefined}
      >
        <Textarea value={text} onChange={(_, d) => setText(d.value)} disabled={!target || full} />
      </Field>
      <div className="pane-actions">
        <Button onClick={add} disabled={!target || !trimmed || full || busy || textLimit.over}>
          Agregar observación
        </Button>
      </div>
      {pinned.length > 0 && (
        <ul className="review-list" aria-label="Observaciones por enviar">
          {pinned.map((o, i) => (
            <li key={i}>
              {observationLine(o)}{" "}
              <Button size="small" appearance="subtle" onClick={() => setPinned(pinned.filter((_, k) => k !== i))} aria-label={`Quitar la observación ${i + 1}`}>
                Quitar
              </Button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className="pane-actions">
        {status === "enviado" && (
          <>
            <Button appearance="primary" onClick={() => void decide("return")} disabled={busy || !canReturn}>
              Devolver con estas observaciones
            </Button>
            <Button onClick={() => void decide("approve")} disabled={busy || commentLimit.over}>
              Aprobar el plan
            </Button>
          </>
        )}
        {status === "aprobado" && (
          <Button onClick={() => void decide("reopen")} disabled={busy}>
            Reabrir el plan
          </Button>
        )}
      </div>
    </section>
  );
}
