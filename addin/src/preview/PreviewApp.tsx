import { useMemo, useRef, useState, type DragEvent } from "react";
import { Button, Text } from "@fluentui/react-components";
import { bindingFromProperties } from "@coop-plans/shared/workbook";
import { readPackageProperties, readWorkbookGrids } from "@coop-plans/shared/xlsx";
import type { PaneConfig } from "@coop-plans/shared/api";
import type { DocumentState } from "../host/WorkbookHost";
import { TaskPane } from "../ui/TaskPane";
import { popupAuthDialog } from "./popupAuthDialog";
import { PreviewGrid } from "./PreviewGrid";
import { PreviewWorkbookHost } from "./PreviewWorkbookHost";

/** The preview's sign-in window: a popup (no Office dialog here). */
const authDialog = typeof window !== "undefined" ? popupAuthDialog(window) : undefined;

/**
 * The preview page: drop an .xlsx (or choose one) to load it into an in-memory workbook, see it as
 * a grid with the add-in's marks, and use the same task pane as in Excel beside it.
 */
export function PreviewApp({ config = null, configError = null }: { config?: PaneConfig | null; configError?: string | null } = {}) {
  const host = useMemo(() => new PreviewWorkbookHost(), []);
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function open(file: File | undefined) {
    if (!file) return;
    setError(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const grids = await readWorkbookGrids(bytes);
      // The binding travels in the file's custom properties, as in Excel (workbook.properties.custom).
      const binding = bindingFromProperties((await readPackageProperties(bytes).catch(() => null))?.custom ?? {});
      const state: DocumentState = binding ? { cooperativeId: binding.cooperativeId, baseVersion: binding.version, savedAt: binding.syncedAt } : {};
      host.load(grids, state);
      setFileName(file.name);
    } catch (e) {
      setError(`No se pudo leer «${file.name}»: ${(e as Error).message}`);
    }
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void open(e.dataTransfer.files[0]);
  };

  return (
    <div className="preview">
      <section className="preview-book" aria-label="Libro">
        <div
          className={`dropzone${dragging ? " dragging" : ""}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <Text as="h2" weight="semibold" block>
            Vista previa sin Excel
          </Text>
          <Text as="p">Arrastre aquí un libro .xlsx del plan, o elíjalo:</Text>
          {/* The browser's own file input reads «Choose File / No file chosen»: hidden, opened by a Spanish button. */}
          <input
            ref={fileInput}
            type="file"
            className="visually-hidden"
            tabIndex={-1}
            aria-hidden
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => void open(e.target.files?.[0])}
            data-testid="file-input"
          />
          <div className="file-choice">
            <Button onClick={() => fileInput.current?.click()}>Elegir archivo…</Button>
            <Text>{fileName ?? "Ningún archivo elegido"}</Text>
          </div>
          {fileName && <Text as="p" role="status">Libro cargado: {fileName}</Text>}
          {error && <Text as="p" role="alert" className="pane-error">{error}</Text>}
        </div>
        <PreviewGrid host={host} />
      </section>
      <aside className="preview-pane">
        <TaskPane host={host} config={config} configError={configError} authDialog={authDialog} />
      </aside>
    </div>
  );
}
