import { useCallback, useEffect, useState } from "react";
import { Badge, Button, Field, MessageBar, MessageBarBody, Select, Spinner, Textarea } from "@fluentui/react-components";
import { PLAN_STATUS_LABELS, isApiError, listAllCooperatives, type ApiClient, type CooperativeSummary, type MeResponse } from "@coop-plans/shared/api";
import type { WorkbookHost } from "../host/WorkbookHost";
import { consolidatedSheet } from "./consolidatedSheet";
import { messageOf } from "./errors";
import { formatClp } from "@coop-plans/shared/format";
import { todayInSantiago } from "@coop-plans/shared/rules";
import type { PaneServices } from "./services";

/** Props of the AOS view. */
export interface AosViewProps {
  host: WorkbookHost;
  services: PaneServices;
  client: ApiClient;
  me: MeResponse;
}

type Message = { intent: "success" | "error" | "info"; text: string } | null;

/**
 * The AOS's region: its cooperatives with status, totals and findings; return a submitted plan
 * with observations or approve it; Consolidar writes the `Consolidado` sheet and its chart.
 */
export function AosView({ host, services, client, me }: AosViewProps) {
  const regions = me.regions === "*" ? [] : me.regions;
  const [region, setRegion] = useState<string>(regions[0] ?? "");
  const [items, setItems] = useState<CooperativeSummary[] | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState<string | null>(null);
  const [comment, setComment] = useState("");

  const load = useCallback(async () => {
    if (!region) return;
    setItems(null);
    try {
      setItems(await listAllCooperatives(client, region));
    } catch (error) {
      setItems([]);
      setMessage({ intent: "error", text: isApiError(error) && error.code === "NETWORK_ERROR" ? "Sin conexión con el servidor: revise su conexión y vuelva a intentarlo." : messageOf(error) });
    }
  }, [client, region]);

  useEffect(() => {
    void load();
  }, [load]);

  async function act(id: string, action: "approve" | "return" | "reopen", text?: string) {
    setBusy(true);
    try {
      await client.transition(id, { action, comment: text ?? null });
      setMessage({ intent: "success", text: action === "approve" ? "Plan aprobado." : action === "return" ? "Plan devuelto con observaciones." : "Plan reabierto." });
      setReturning(null);
      setComment("");
      await load();
    } catch (error) {
      setMessage({ intent: "error", text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  async function consolidate() {
    setBusy(true);
    try {
      const response = await client.regionConsolidation(region);
      const sheet = consolidatedSheet(response, todayInSantiago(services.now()));
      if (!sheet) throw new Error("la consolidación recibida no tiene la forma esperada");
      const name = await host.writeConsolidated(sheet);
      setMessage({ intent: "success", text: `Se escribió la hoja «${name}» con el consolidado de la región y su gráfico.` });
    } catch (error) {
      setMessage({ intent: "error", text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="pane-section">
      <h2>Cooperativas de la región</h2>
      {regions.length > 1 && (
        <Field label="Región">
          <Select value={region} onChange={(_, d) => setRegion(d.value)}>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
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
      {items === null ? (
        <Spinner size="tiny" label="Cargando cooperativas…" />
      ) : items.length === 0 ? (
        <p>No hay cooperativas registradas en esta región.</p>
      ) : (
        <table className="coop-table" aria-label="Cooperativas de la región">
          <thead>
            <tr>
              <th scope="col">Cooperativa</th>
              <th scope="col">Estado</th>
              <th scope="col">Total</th>
              <th scope="col">Hallazgos</th>
              <th scope="col">Acciones</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} data-cooperative={c.id}>
                <th scope="row">{c.name}</th>
                <td>
                  <Badge appearance="tint">{c.version === 0 ? "Sin plan" : PLAN_STATUS_LABELS[c.status]}</Badge>
                </td>
                <td>{formatClp(c.totals?.total)}</td>
                <td>{c.counts ? `${c.counts.error} error(es), ${c.counts.warning} advertencia(s)` : "—"}</td>
                <td>
                  {c.status === "enviado" && (
                    <>
                      <Button size="small" onClick={() => void act(c.id, "approve")} disabled={busy} aria-label={`Aprobar el plan de ${c.name}`}>
                        Aprobar
                      </Button>{" "}
                      <Button size="small" onClick={() => setReturning(c.id)} disabled={busy} aria-label={`Devolver con observaciones el plan de ${c.name}`}>
                        Devolver
                      </Button>
                    </>
                  )}
                  {c.status === "aprobado" && (
                    <Button size="small" onClick={() => void act(c.id, "reopen")} disabled={busy} aria-label={`Reabrir el plan de ${c.name}`}>
                      Reabrir
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {returning && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (comment.trim()) void act(returning, "return", comment.trim());
          }}
        >
          <Field label="Observaciones para el gestor/a" required>
            <Textarea value={comment} onChange={(_, d) => setComment(d.value)} />
          </Field>
          <div className="pane-actions">
            <Button appearance="primary" type="submit" disabled={busy || !comment.trim()}>
              Devolver con observaciones
            </Button>
            <Button onClick={() => setReturning(null)}>Cancelar</Button>
          </div>
        </form>
      )}
    </div>
  );
}
