import { useEffect, useRef, useState } from "react";
import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, Select, Text } from "@fluentui/react-components";
import type { Finding } from "@coop-plans/shared/domain";
import { cooperativeNameKey, isApiError, PLAN_STATUS_LABELS, type ApiClient, type MeResponse } from "@coop-plans/shared/api";
import type { DocumentState, WorkbookHost } from "../host/WorkbookHost";
import { FindingsList } from "./FindingsList";
import { SyncStatus } from "./SyncStatus";
import type { PaneServices } from "./services";
import type { SyncState } from "./syncState";
import type { ValidationOutcome } from "./validation";
import { countFindings, findingsAddedBy } from "@coop-plans/shared/findings";
import { todayInSantiago } from "@coop-plans/shared/rules";
import { messageOf } from "./errors";
import { afterPaint, DelayedSpinner } from "./DelayedSpinner";
import { formatCount } from "@coop-plans/shared/format";
import { progressReport } from "@coop-plans/shared/consolidate";
import { progressReportBlocks } from "./progressReportBlocks";
import type { RulePack } from "@coop-plans/shared/rules";
import { PlanStatusPanel, type ObservationsPlaced } from "./PlanStatusPanel";
import { observationNotes, placeObservations } from "../host/observationNotes";
import type { Observation } from "@coop-plans/shared/api";

/** Props of the gestor's view. */
export interface GestorViewProps {
  host: WorkbookHost;
  services: PaneServices;
  /** Null while signed out: Validar works, Sincronizar asks to sign in. */
  client: ApiClient | null;
  me: MeResponse | null;
  apiUrl: string;
  /** Initial state of the sync flow (tests start the pane in a given state). */
  initialSync?: SyncState;
  initialOutcome?: ValidationOutcome;
  /** Signed in, but the API cannot be reached: the pane explains it once (with «Reintentar»), so no sign-in hint here. */
  offline?: boolean;
  /** The rule packs in force Validar uses (fetched when signed in, kept in the browser; default the built-in ones). */
  packs?: readonly RulePack[];
}

/**
 * The gestor's tools: Validar (findings on the cells and in a list), Sincronizar (save a revision
 * with its base version; on 409 offer the server's version in a new sheet), Enviar (when no
 * errors remain), Informe de avance (the progress report's sheet and chart, from the workbook itself).
 */
export function GestorView({ host, services, client, me, apiUrl, initialSync, initialOutcome, offline = false, packs }: GestorViewProps) {
  const [outcome, setOutcome] = useState<ValidationOutcome | null>(initialOutcome ?? null);
  const [notice, setNotice] = useState<string | null>(null);
  const [validating, setValidating] = useState(false);
  const [sync, setSync] = useState<SyncState>(initialSync ?? { kind: "idle" });
  const [busy, setBusy] = useState(false);
  const [chosenId, setCooperativeId] = useState<string>("");
  // The workbook's binding (custom document properties): read on open and whenever the host loads another workbook.
  const [bound, setBound] = useState<DocumentState>({});
  // The cooperative the gestor/a chose «Reemplazar…» for (a sync to another cooperative than the bound one needs it).
  const [replaceFor, setReplaceFor] = useState<string | null>(null);
  const [reportDone, setReportDone] = useState<string | null>(null);
  const cooperatives = me?.cooperatives ?? [];
  const boundId = bound.cooperativeId && cooperatives.some((c) => c.id === bound.cooperativeId) ? bound.cooperativeId : "";
  // The chosen cooperative, else the one the workbook is bound to (when among hers), else the only one
  // assigned; with several, none until the gestor/a picks one or Sincronizar finds the workbook's name
  // among them (never the first of the list: a plan once went to another cooperative that way).
  const cooperativeId = chosenId || boundId || (cooperatives.length === 1 ? cooperatives[0].id : "");
  const nameOf = (id: string) => cooperatives.find((c) => c.id === id)?.name ?? id;
  // Chosen another cooperative than the workbook's binding: said before any sync.
  const boundElsewhere = !!bound.cooperativeId && !!cooperativeId && cooperativeId !== bound.cooperativeId;
  const lastBinding = useRef<string | null>(null);

  useEffect(() => {
    let current = true;
    const read = () =>
      void host.loadState().then(
        (s) => {
          if (!current) return;
          const key = `${s.cooperativeId ?? ""}@${s.baseVersion ?? 0}`;
          setBound(s);
          // Another workbook (or another binding): its cooperative takes over the selector.
          if (lastBinding.current !== null && lastBinding.current !== key) {
            setCooperativeId("");
            setReplaceFor(null);
          }
          lastBinding.current = key;
        },
        () => undefined, // no binding readable: the selector stays as it is
      );
    read();
    const unsubscribe = host.subscribe?.(read);
    return () => {
      current = false;
      unsubscribe?.();
    };
  }, [host]);

  /** «El libro está vinculado a «X» (versión N), no a «Y».» */
  function boundText(target: string): string {
    return `El libro está vinculado a «${nameOf(bound.cooperativeId ?? "")}» (versión ${bound.baseVersion ?? 0}), no a «${nameOf(target)}».`;
  }

  /** Reads, validates and marks; returns the outcome (null when the workbook could not be read). */
  async function validate(mark = true): Promise<ValidationOutcome | null> {
    setValidating(true);
    setNotice(null);
    try {
      const read = await host.readGrids();
      await afterPaint(); // the spinner and disabled buttons show while the check runs
      const result = services.validate(read.grids, packs);
      const skipped: Finding[] = read.skipped.map((s) => ({ ruleId: "APP-002", severity: "error", message: s.reason, location: { sheet: s.sheet } }));
      const full = { plan: result.plan, findings: [...skipped, ...result.findings] };
      setOutcome(full);
      if (mark) {
        try {
          const marked = await host.markFindings(full.findings);
          if (marked.warnings?.length) setNotice(marked.warnings.join(" "));
        } catch (error) {
          setNotice(messageOf(error));
        }
      }
      return full;
    } catch (error) {
      setNotice(messageOf(error));
      return null;
    } finally {
      setValidating(false);
    }
  }

  async function synchronize(confirmIdentity = false) {
    if (!client) return;
    let target = cooperativeId;
    const bindingNow = await host.loadState().catch((): DocumentState => ({}));
    const replace = !!target && replaceFor === target;
    if (target && bindingNow.cooperativeId && bindingNow.cooperativeId !== target && !replace) {
      setBound(bindingNow);
      setSync({ kind: "failed", detail: `${boundText(target)} No se guardó nada. Si este plan es de verdad de «${nameOf(target)}», pulse «Reemplazar el plan» en el aviso de arriba y vuelva a sincronizar; si no, elija «${nameOf(bindingNow.cooperativeId)}» en «Cooperativa».` });
      return;
    }
    setBusy(true);
    try {
      setSync({ kind: "syncing", step: "Leyendo y validando el libro…", progress: 0.2 });
      const result = await validate();
      if (!result?.plan) {
        setSync({ kind: "failed", detail: "El libro no se pudo leer como un plan: revise los hallazgos de la lista." });
        return;
      }
      if (!target) {
        const name = result.plan.cooperative?.name ?? null;
        const key = name ? cooperativeNameKey(name) : null;
        const matches = key ? cooperatives.filter((c) => cooperativeNameKey(c.name) === key) : [];
        if (matches.length !== 1) {
          setSync({
            kind: "failed",
            detail: name
              ? `Elija en «Cooperativa» a cuál corresponde este libro: su nombre («${name}») no coincide con ninguna de sus cooperativas asignadas. No se guardó nada.`
              : "Elija en «Cooperativa» a cuál corresponde este libro: la hoja Cooperativa no tiene el nombre. No se guardó nada.",
          });
          return;
        }
        target = matches[0].id;
        setCooperativeId(target);
      }
      const state = await host.loadState();
      // Replacing another cooperative's plan: based on the server's latest version of it (none: 0).
      const baseVersion = state.cooperativeId === target ? state.baseVersion ?? 0 : replace ? await latestVersion(client, target) : 0;
      setSync({ kind: "syncing", step: "Enviando el plan al servidor…", progress: 0.6 });
      const saved = await client.putPlan(target, { plan: result.plan, baseVersion, ...(confirmIdentity ? { confirmIdentity: true } : {}) }, services.newIdempotencyKey());
      lastBinding.current = `${target}@${saved.version}`; // our own rebinding keeps the selector as it is
      await host.saveState({ cooperativeId: target, baseVersion: saved.version, savedAt: saved.at });
      setBound({ cooperativeId: target, baseVersion: saved.version, savedAt: saved.at });
      setReplaceFor(null);
      setSync(saved.unchanged
        ? { kind: "unchanged", version: saved.version, status: PLAN_STATUS_LABELS[saved.status], errors: saved.counts.error, warnings: saved.counts.warning, submittable: saved.status === "borrador" || saved.status === "observado" }
        : {
            kind: "saved", version: saved.version, at: saved.at, errors: saved.counts.error, warnings: saved.counts.warning, status: PLAN_STATUS_LABELS[saved.status],
            serverFindings: findingsAddedBy(saved.findings, result.findings),
          });
    } catch (error) {
      if (isApiError(error) && error.code === "VERSION_CONFLICT") {
        const state = await host.loadState();
        setSync({ kind: "conflict", baseVersion: state.baseVersion ?? 0, currentVersion: error.problem.currentVersion ?? null });
      } else if (isApiError(error) && error.code === "IDENTITY_MISMATCH") {
        setSync({
          kind: "identity", detail: error.problem.detail, mismatches: error.problem.mismatches ?? [],
          cooperativeName: cooperatives.find((c) => c.id === target)?.name ?? null,
        });
      } else if (isApiError(error) && (error.code === "PLAN_LOCKED" || error.code === "INVALID_TRANSITION")) {
        setSync({ kind: "locked", detail: error.problem.detail });
      } else if (isApiError(error) && error.code === "NETWORK_ERROR") {
        setSync({ kind: "offline", apiUrl });
      } else {
        setSync({ kind: "failed", detail: messageOf(error) });
      }
    } finally {
      setBusy(false);
    }
  }

  async function loadServerCopy() {
    if (!client || !cooperativeId) return;
    setBusy(true);
    try {
      const latest = await client.getPlan(cooperativeId);
      const sheet = await host.writePlanCopy(services.renderPlan(latest.plan), `Servidor v${latest.version}`);
      await host.saveState({ cooperativeId, baseVersion: latest.version, savedAt: latest.at });
      setSync({ kind: "copied", sheet, version: latest.version });
    } catch (error) {
      setSync(isApiError(error) && error.code === "NETWORK_ERROR" ? { kind: "offline", apiUrl } : { kind: "failed", detail: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  async function submit() {
    if (!client || !cooperativeId) return;
    setBusy(true);
    try {
      const done = await client.transition(cooperativeId, { action: "submit" });
      await host.saveState({ cooperativeId, baseVersion: done.version, savedAt: done.at });
      setSync({ kind: "submitted", version: done.version });
    } catch (error) {
      setSync(isApiError(error) && error.code === "NETWORK_ERROR" ? { kind: "offline", apiUrl } : { kind: "failed", detail: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  /** Informe de avance: reads the workbook, computes the progress report at today's date and writes its sheet and chart. */
  async function writeReport() {
    setBusy(true);
    setNotice(null);
    setReportDone(null);
    try {
      const read = await host.readGrids();
      const result = services.validate(read.grids, packs);
      const notAPlan = result.findings.find((f) => f.ruleId === "PARSE-001" || f.ruleId === "PARSE-002");
      if (!result.plan || notAPlan) {
        setNotice(`No se puede hacer el informe: el libro no tiene las hojas del plan${notAPlan ? ` (${notAPlan.message})` : ""}.`);
        return;
      }
      const asOf = todayInSantiago(services.now());
      const name = await host.writeProgressReport(progressReportBlocks(progressReport(result.plan, { asOf })));
      setReportDone(`Se escribió la hoja «${name}» con el informe de avance al ${asOf.split("-").reverse().join("-")} y su gráfico de inversión por ítem.`);
    } catch (error) {
      setNotice(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  /**
   * «Poner observaciones en las celdas»: reads the workbook as it is now, finds each observation's
   * cell through the reader (a line by its N°, a field by its row; never a guessed row) and puts
   * the notes, replacing the ones placed before. Errors propagate (the panel shows them).
   */
  async function placeObservationNotes(observations: Observation[]): Promise<ObservationsPlaced> {
    const read = await host.readGrids();
    const { plan } = services.validate(read.grids, packs);
    const placements = placeObservations(observations, plan);
    const done = await host.placeObservationNotes(observationNotes(placements));
    return { placements, notes: done.placed, warnings: done.warnings ?? [] };
  }

  async function clear() {
    try {
      await host.clearMarks();
      setOutcome(null);
    } catch (error) {
      setNotice(messageOf(error));
    }
  }

  // The list shows the local findings and those the server added on save (e.g. against the registered cooperative).
  const findings = outcome ? [...outcome.findings, ...(sync.kind === "saved" ? sync.serverFindings ?? [] : [])] : null;
  const counts = findings ? countFindings(findings) : null;
  const savedErrors = sync.kind === "saved" || sync.kind === "unchanged" ? sync.errors : 0;
  // Enviar: after a save, or an unchanged re-sync of a plan still in borrador/observado (never of one
  // already sent), and only while neither the workbook nor the saved plan has errors.
  const canSubmit = !!client && !!counts && counts.error === 0 && savedErrors === 0 && (sync.kind === "saved" || (sync.kind === "unchanged" && sync.submittable));
  const submitBlocked =
    sync.kind === "saved" || sync.kind === "unchanged"
      ? savedErrors > 0
        ? `No se puede enviar: el plan guardado tiene ${formatCount(savedErrors, "error", "errores")}. Corríjalos y vuelva a sincronizar.`
        : counts && counts.error > 0
          ? `No se puede enviar: el libro tiene ${formatCount(counts.error, "error", "errores")}.`
          : null
      : null;

  return (
    <div className="pane-section">
      <h2>Revisar y enviar el plan</h2>
      {client && cooperatives.length > 0 && (
        <Field label="Cooperativa">
          <Select value={cooperativeId} onChange={(_, d) => { setCooperativeId(d.value); setReplaceFor(null); }}>
            {!cooperativeId && <option value="">Según el nombre del libro</option>}
            {cooperatives.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {client && boundElsewhere && (
        <MessageBar intent="warning" role="alert" layout="multiline">
          <MessageBarBody>
            {boundText(cooperativeId)}{" "}
            {replaceFor === cooperativeId
              ? `Al sincronizar, este libro reemplazará el plan de «${nameOf(cooperativeId)}» en el servidor.`
              : `Para sincronizarlo con «${nameOf(cooperativeId)}» hay que reemplazar su plan con este libro; si no es de esa cooperativa, elija «${nameOf(bound.cooperativeId ?? "")}».`}
          </MessageBarBody>
          {replaceFor !== cooperativeId && (
            <MessageBarActions>
              <Button size="small" className="pane-wrap-button" onClick={() => setReplaceFor(cooperativeId)}>
                Reemplazar el plan de «{nameOf(cooperativeId)}»
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {client && cooperativeId && (
        <PlanStatusPanel
          client={client}
          cooperativeId={cooperativeId}
          refreshKey={sync.kind === "saved" || sync.kind === "submitted" ? `${sync.kind}-${sync.version}` : "start"}
          onPlaceObservations={placeObservationNotes}
          onSelectCell={(sheet, cell) => void host.selectCell(sheet, cell).catch((e) => setNotice(messageOf(e)))}
        />
      )}
      <div className="pane-actions">
        <Button appearance="primary" onClick={() => void validate()} disabled={validating || busy}>
          Validar
        </Button>
        <Button onClick={() => void synchronize()} disabled={!client || busy || validating} title={client ? undefined : offline ? "Sin conexión con el servidor" : "Inicie sesión para sincronizar"}>
          Sincronizar
        </Button>
        <Button onClick={() => void submit()} disabled={!canSubmit || busy} title={submitBlocked ?? undefined}>
          Enviar
        </Button>
        <Button onClick={() => void writeReport()} disabled={busy || validating}>
          Informe de avance
        </Button>
        {outcome && (
          <Button appearance="subtle" onClick={() => void clear()}>
            Quitar marcas
          </Button>
        )}
      </div>
      {!client && !offline && <Text as="p">Inicie sesión para sincronizar el plan con el servidor.</Text>}
      {validating && <DelayedSpinner label="Validando el libro…" />}
      {busy && !validating && sync.kind !== "syncing" && <DelayedSpinner label="Procesando…" />}
      {notice && (
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {reportDone && (
        <MessageBar intent="success">
          <MessageBarBody>{reportDone}</MessageBarBody>
        </MessageBar>
      )}
      <SyncStatus state={sync} onLoadServerCopy={() => void loadServerCopy()} onConfirmIdentity={() => void synchronize(true)} busy={busy} />
      {submitBlocked && <Text as="p" className="pane-summary">{submitBlocked}</Text>}
      {counts && (
        <p role="status" aria-live="polite" className="pane-summary">
          {counts.error === 0 && counts.warning === 0
            ? "Sin errores ni advertencias."
            : `${formatCount(counts.error, "error", "errores")} y ${formatCount(counts.warning, "advertencia", "advertencias")}.${counts.error > 0 ? " Corrija los errores para poder enviar." : ""}`}
        </p>
      )}
      {findings && <FindingsList findings={findings} onSelect={(sheet, cell) => void host.selectCell(sheet, cell).catch((e) => setNotice(messageOf(e)))} />}
    </div>
  );
}

/** The server's latest version of the cooperative's plan (0 when it has none yet). */
async function latestVersion(client: ApiClient, cooperativeId: string): Promise<number> {
  try {
    return (await client.getPlan(cooperativeId)).version;
  } catch (error) {
    if (isApiError(error) && error.code === "PLAN_NOT_FOUND") return 0;
    throw error;
  }
}
