import { useCallback, useEffect, useState } from "react";
import {
  Badge, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger,
  Field, MessageBar, MessageBarBody, Select, Spinner, Textarea,
} from "@fluentui/react-components";
import { MAX_COMMENT_CHARS, PLAN_STATUS_LABELS, isApiError, listAllCooperatives, type ApiClient, type CooperativeSummary, type MeResponse } from "@coop-plans/shared/api";
import { REGIONS, type RegionCode } from "@coop-plans/shared/domain";
import type { WorkbookHost } from "../host/WorkbookHost";
import { consolidatedSheet } from "./consolidatedSheet";
import { messageOf } from "./errors";
import { formatClp, formatCount } from "@coop-plans/shared/format";
import { todayInSantiago } from "@coop-plans/shared/rules";
import type { PaneServices } from "./services";
import { PlanReview } from "./PlanReview";
import type { DecisionBody, ReviewDecision } from "./DecisionForm";
import { RegistryForm, newestPackYear } from "./RegistryForm";
import type { RulePack } from "@coop-plans/shared/rules";
import { charLimitHint } from "./charLimit";

/** Props of the AOS view. */
export interface AosViewProps {
  host: WorkbookHost;
  services: PaneServices;
  client: ApiClient;
  me: MeResponse;
  /** The rule packs in force (default the built-in ones): the registry's default convocatoria is the newest year among them. */
  packs?: readonly RulePack[];
}

type Message = { intent: "success" | "error" | "info"; text: string } | null;

/** Every region, official order (Sercotec's central level, regions `*`). */
const ALL_REGIONS = (Object.keys(REGIONS) as RegionCode[]).sort(); // "10"–"16" are integer-like keys: listed first by Object.keys
/** The choice «Todas las regiones» of the region selector (central level). */
const ALL = "*";

/** `Los Ríos`: a region as people name it (the code only when unknown). */
function regionName(code: string): string {
  return (REGIONS as Record<string, { name: string }>)[code]?.name ?? code;
}

/**
 * The AOS's and Sercotec's view: the cooperatives of a region (Sercotec's central level: every
 * region, or one) as cards that wrap at task-pane widths, with status, totals and findings;
 * «Ver plan» opens the plan's review (findings, totals, what changed since the last submission),
 * where the AOS pins observations to lines or fields and decides; from the card the AOS approves,
 * returns (a Dialog asking for a general observation) or reopens, and registers
 * cooperatives; Sercotec (read-only) gets no decision buttons and no registry. Consolidar writes
 * the `Consolidado` sheet and its chart (national with «Todas las regiones»).
 */
export function AosView({ host, services, client, me, packs }: AosViewProps) {
  const canDecide = me.role === "aos";
  const central = me.regions === "*";
  const regions: RegionCode[] = central ? ALL_REGIONS : (me.regions as RegionCode[]);
  const [region, setRegion] = useState<string>(central ? ALL : regions[0] ?? "");
  const [items, setItems] = useState<CooperativeSummary[] | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [reviewing, setReviewing] = useState<CooperativeSummary | null>(null);
  const [returning, setReturning] = useState<CooperativeSummary | null>(null);
  const [comment, setComment] = useState("");
  // A refusal of the return Dialog, shown inside it (the view's message would be drawn behind the modal).
  const [returnError, setReturnError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!region) return;
    setItems(null);
    try {
      const codes = region === ALL ? ALL_REGIONS : [region];
      const lists = await Promise.all(codes.map((code) => listAllCooperatives(client, code)));
      setItems(lists.flat());
    } catch (error) {
      setItems([]);
      setMessage({ intent: "error", text: isApiError(error) && error.code === "NETWORK_ERROR" ? "Sin conexión con el servidor: revise su conexión y vuelva a intentarlo." : messageOf(error) });
    }
  }, [client, region]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Sends a decision and says so; its errors propagate (the review's form shows them). */
  async function decide(c: CooperativeSummary, action: ReviewDecision, body: DecisionBody) {
    setBusy(true);
    try {
      await client.transition(c.id, { action, comment: body.comment, ...(body.observations.length > 0 ? { observations: body.observations } : {}) });
      setMessage({ intent: "success", text: action === "approve" ? `Plan de «${c.name}» aprobado.` : action === "return" ? `Plan de «${c.name}» devuelto con observaciones.` : `Plan de «${c.name}» reabierto.` });
      setReturning(null);
      setComment("");
      if (reviewing?.id === c.id) setReviewing(null);
      await load();
    } finally {
      setBusy(false);
    }
  }

  /** A decision from a card's buttons or the return Dialog: an error becomes the view's message. */
  async function act(c: CooperativeSummary, action: ReviewDecision, text?: string) {
    try {
      await decide(c, action, { comment: text ?? null, observations: [] });
    } catch (error) {
      setMessage({ intent: "error", text: messageOf(error) });
    }
  }

  /** «Devolver con observaciones» from the Dialog: a refusal stays inside the Dialog. */
  async function returnFromDialog(c: CooperativeSummary, text: string) {
    setReturnError(null);
    try {
      await decide(c, "return", { comment: text, observations: [] });
    } catch (error) {
      setReturnError(isApiError(error) && error.code === "NETWORK_ERROR" ? "Sin conexión con el servidor: revise su conexión y vuelva a intentarlo." : messageOf(error));
    }
  }

  async function consolidate() {
    setBusy(true);
    try {
      const response = region === ALL ? await client.nationalConsolidation() : await client.regionConsolidation(region);
      const sheet = consolidatedSheet(response, todayInSantiago(services.now()));
      if (!sheet) throw new Error("la consolidación recibida no tiene la forma esperada");
      const name = await host.writeConsolidated(sheet);
      setMessage({ intent: "success", text: `Se escribió la hoja «${name}» con el consolidado ${region === ALL ? "nacional" : `de la región ${regionName(region)}`} y su gráfico.` });
    } catch (error) {
      setMessage({ intent: "error", text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  const heading = region === ALL ? "Cooperativas de todas las regiones" : `Cooperativas de la región ${regionName(region)}`;
  return (
    <div className="pane-section">
      <h2>{heading}</h2>
      {(central || regions.length > 1) && (
        <Field label="Región">
          <Select value={region} onChange={(_, d) => setRegion(d.value)}>
            {central && <option value={ALL}>Todas las regiones</option>}
            {regions.map((r) => (
              <option key={r} value={r}>
                {regionName(r)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className="pane-actions">
        <Button appearance="primary" onClick={() => void consolidate()} disabled={busy || !region}>
          Consolidar
        </Button>
        <Button onClick={() => void load()} disabled={busy}>
          Actualizar
        </Button>
      </div>
      {message && (
        <MessageBar intent={message.intent} role={message.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {reviewing && (
        <PlanReview
          client={client}
          cooperative={reviewing}
          onClose={() => setReviewing(null)}
          onDecide={canDecide ? (action, body) => decide(reviewing, action, body) : undefined}
        />
      )}
      {items === null ? (
        <Spinner size="tiny" label="Cargando cooperativas…" />
      ) : items.length === 0 ? (
        <p>{region === ALL ? "No hay cooperativas registradas." : "No hay cooperativas registradas en esta región."}</p>
      ) : (
        <ul className="coop-cards" aria-label={heading}>
          {items.map((c) => (
            <li key={c.id} className="coop-card" data-cooperative={c.id}>
              <h3 className="coop-card-name">{c.name}</h3>
              <div className="coop-card-facts">
                <Badge appearance="tint">{c.version === 0 ? "Sin plan" : PLAN_STATUS_LABELS[c.status]}</Badge>
                {region === ALL && <span>{regionName(c.regionCode)}</span>}
                <span>{formatClp(c.totals?.total)}</span>
                <span>{c.counts ? `${formatCount(c.counts.error, "error", "errores")}, ${formatCount(c.counts.warning, "advertencia", "advertencias")}` : "—"}</span>
              </div>
              <div className="pane-actions">
                {c.version > 0 && (
                  <Button size="small" onClick={() => setReviewing(c)} aria-label={`Ver plan de ${c.name}`}>
                    Ver plan
                  </Button>
                )}
                {canDecide && c.status === "enviado" && (
                  <>
                    <Button size="small" onClick={() => void act(c, "approve")} disabled={busy} aria-label={`Aprobar el plan de ${c.name}`}>
                      Aprobar
                    </Button>
                    <Button size="small" onClick={() => setReturning(c)} disabled={busy} aria-label={`Devolver con observaciones el plan de ${c.name}`}>
                      Devolver
                    </Button>
                  </>
                )}
                {canDecide && c.status === "aprobado" && (
                  <Button size="small" onClick={() => void act(c, "reopen")} disabled={busy} aria-label={`Reabrir el plan de ${c.name}`}>
                    Reabrir
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Dialog
        open={returning !== null}
        onOpenChange={(_, d) => {
          if (!d.open) {
            setReturning(null);
            setReturnError(null);
          }
        }}
      >
        <DialogSurface>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (returning && comment.trim()) void returnFromDialog(returning, comment.trim());
            }}
          >
            <DialogBody>
              <DialogTitle>Devolver el plan de «{returning?.name}»</DialogTitle>
              <DialogContent>
                <Field label="Observaciones para el gestor/a" required hint={`El gestor/a las verá como «Observación del AOS». Para observar una línea o un campo, abra «Ver plan». ${charLimitHint(comment.length, MAX_COMMENT_CHARS).text}`}>
                  <Textarea value={comment} onChange={(_, d) => setComment(d.value)} maxLength={MAX_COMMENT_CHARS} autoFocus />
                </Field>
                {returnError && (
                  <MessageBar intent="error" role="alert" layout="multiline">
                    <MessageBarBody>{returnError}</MessageBarBody>
                  </MessageBar>
                )}
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" type="submit" disabled={busy || !comment.trim() || comment.length > MAX_COMMENT_CHARS}>
                  Devolver con observaciones
                </Button>
                <DialogTrigger disableButtonEnhancement>
                  <Button>Cancelar</Button>
                </DialogTrigger>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
      {canDecide && (
        <RegistryForm
          client={client}
          regions={regions}
          cooperatives={items ?? []}
          newKey={services.newIdempotencyKey}
          onChanged={() => void load()}
          year={newestPackYear(packs) ?? Number(todayInSantiago(services.now()).slice(0, 4))}
        />
      )}
    </div>
  );
}
