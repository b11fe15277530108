import { consolidateFiles, type FileConsolidation, type UnreadableFile, type WorkbookFileEntry } from "@coop-plans/shared/consolidate";
import { bindingFromProperties } from "@coop-plans/shared/workbook";
import { WorkbookReadError, readPackageProperties, readWorkbookGrids } from "@coop-plans/shared/xlsx";
import type { RulePack } from "@coop-plans/shared/rules";
import { validateGrids } from "./validation";

/** A file the user picked: its name, its bytes, and the time the browser reports for it (ms since epoch). */
export interface PickedFile {
  name: string;
  lastModified?: number;
  bytes(): Promise<Uint8Array>;
}

/** A picked `File` as a `PickedFile` (FileReader where `Blob.arrayBuffer` is missing). */
export function pickedFile(file: File): PickedFile {
  return {
    name: file.name,
    lastModified: file.lastModified,
    bytes: async () => {
      if (typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
      return new Promise<Uint8Array>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
        reader.onerror = () => reject(reader.error);
        reader.readAsArrayBuffer(file);
      });
    },
  };
}

/**
 * Reads and checks each picked workbook in the browser (shared/xlsx, the parser and the rules
 * under `packs`, the packs in force the pane keeps: what `coop-plans validate` does) and consolidates them with shared/consolidate
 * `consolidateFiles` — no sign-in, no backend. Loaded on demand: it brings ExcelJS into the pane.
 * Never throws: an unreadable file is listed with its Spanish reason.
 */
export async function consolidatePickedFiles(files: PickedFile[], asOf?: string, packs?: readonly RulePack[]): Promise<FileConsolidation> {
  const entries: WorkbookFileEntry[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const file of files) {
    try {
      const bytes = await file.bytes();
      const grids = await readWorkbookGrids(bytes);
      const outcome = validateGrids(grids, asOf, packs);
      if (!outcome.plan) {
        unreadable.push({ file: file.name, message: outcome.findings[0]?.message ?? "No se pudo revisar el libro." });
        continue;
      }
      const props = await readPackageProperties(bytes).catch(() => null);
      const saved = props?.modified && !Number.isNaN(Date.parse(props.modified)) ? new Date(props.modified).toISOString() : null;
      const modifiedAt = saved ?? (file.lastModified ? new Date(file.lastModified).toISOString() : null);
      entries.push({ file: file.name, plan: outcome.plan, findings: outcome.findings, modifiedAt, binding: props ? bindingFromProperties(props.custom) : null, rulePack: outcome.pack ?? null });
    } catch (error) {
      unreadable.push({ file: file.name, message: error instanceof WorkbookReadError ? error.message : `No se pudo leer el archivo (${error instanceof Error ? error.message : String(error)}).` });
    }
  }
  return consolidateFiles(entries, unreadable, { asOf });
}
