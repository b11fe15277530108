import { useState } from "react";
import { Button, Field, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { sameCooperativeText, type FileConsolidation as FileConsolidationResult } from "@coop-plans/shared/consolidate";
import type { WorkbookHost } from "../host/WorkbookHost";
import { consolidatedSheet } from "./consolidatedSheet";
import { messageOf } from "./errors";
import { formatClp } from "@coop-plans/shared/format";
import { todayInSantiago } from "@coop-plans/shared/rules";
import type { PaneServices } from "./services";
import type { PickedFile } from "./workbookFiles";
import type { RulePack } from "@coop-plans/shared/rules";

/** Props: the host that writes the sheet, the services (clock), the rule packs in force the files are checked under, and how to consolidate (tests inject it). */
export interface FileConsolidationProps {
  host: WorkbookHost;
  services: PaneServices;
  /** The packs in force the pane keeps (rulePackCache); default the built-in ones. */
  packs?: readonly RulePack[];
  consolidate?: (files: PickedFile[], asOf: string, packs?: readonly RulePack[]) => Promise<FileConsolidationResult>;
}

type Outcome = { intent: "success" | "warning" | "error"; text: string; details: string[] } | null;

/** Loads the reader on demand (ExcelJS stays out of the pane's first load). */
async function consolidateLazily(files: PickedFile[], asOf: string, packs?: readonly RulePack[]): Promise<FileConsolidationResult> {
  const { consolidatePickedFiles } = await import("./workbookFiles");
  return consolidatePickedFiles(files, asOf, packs);
}

/** What happened to each file, in Spanish: duplicates, files left out, unreadable files. */
function details(result: FileConsolidationResult): string[] {
  return [
    ...result.duplicates.map((d) => `«${d.cooperative}» está en «${d.kept}» y ${d.dropped.map((f) => `«${f}»`).join(", ")} (${sameCooperativeText(d.reason)}): se cuenta una vez, con «${d.kept}», el más reciente.`),
    ...result.skipped.map((s) => `«${s.file}»: ${s.message}`),
    ...result.unreadable.map((u) => `«${u.file}» no se pudo leer y no se cuenta: ${u.message}`),
  ];
}

/**
 * «Consolidar archivos»: the AOS picks the workbooks it received by e-mail and gets the
 * `Consolidado` sheet with its chart — read, checked and consolidated in the pane, with no
 * sign-in and no backend (the same figures as a region's consolidation; status «Archivo»).
 */
export function FileConsolidation({ host, services, packs, consolidate = consolidateLazily }: FileConsolidationProps) {
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function pick(list: FileList | null) {
    setOutcome(null);
    const { pickedFile } = await import("./workbookFiles");
    setFiles(list ? [...list].map(pickedFile) : []);
  }

  async function run() {
    setBusy(true);
    setOutcome(null);
    try {
      const today = todayInSantiago(services.now());
      const result = await consolidate(files, today, packs);
      if (result.included.length === 0) {
        setOutcome({ intent: "error", text: "Ningún archivo se pudo consolidar.", details: details(result) });
        return;
      }
      const sheet = consolidatedSheet(result.consolidation, today);
      if (!sheet) throw new Error("la consolidación no tiene la forma esperada");
      const name = await host.writeConsolidated(sheet);
      const n = result.included.length;
      const left = result.unreadable.length + result.skipped.length;
      setOutcome({
        intent: left > 0 ? "warning" : "success",
        text: `Se escribió la hoja «${name}» con ${n} ${n === 1 ? "cooperativa" : "cooperativas"} (inversión total ${formatClp(result.consolidation.totals.total)}) y su gráfico.${left > 0 ? ` ${left} ${left === 1 ? "archivo quedó" : "archivos quedaron"} fuera: vea el detalle.` : ""}`,
        details: details(result),
      });
    } catch (error) {
      setOutcome({ intent: "error", text: messageOf(error), details: [] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="pane-section">
      <summary>Consolidar archivos recibidos</summary>
      <p>Elija los libros del plan (.xlsx) que recibió por correo: se revisan y se consolidan aquí, sin iniciar sesión.</p>
      <Field label="Libros del plan (.xlsx)">
        <input
          type="file"
          data-testid="consolidate-files-input"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void pick(e.currentTarget.files)}
          disabled={busy}
        />
      </Field>
      <div className="pane-actions">
        <Button appearance="primary" onClick={() => void run()} disabled={busy || files.length === 0}>
          Consolidar archivos
        </Button>
      </div>
      {outcome && (
        <MessageBar intent={outcome.intent} role={outcome.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>
            {outcome.text}
            {outcome.details.length > 0 && (
              <ul aria-label="Detalle de los archivos">
                {outcome.details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </details>
  );
}
