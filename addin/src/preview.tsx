import { createRoot } from "react-dom/client";
import { loadPaneConfig } from "./config/loadPaneConfig";
import { PreviewApp } from "./preview/PreviewApp";
import { Root } from "./ui/Root";
import "./ui/pane.css";
import "./preview/preview.css";

/** Entry of preview.html: the pane over an in-memory workbook, no Office; config.json as for the pane. */
async function start(): Promise<void> {
  const loaded = await loadPaneConfig((url, init) => globalThis.fetch(url, init), document.baseURI);
  createRoot(document.getElementById("root")!).render(
    <Root dark={false}>
      <PreviewApp config={loaded.ok ? loaded.config : null} configError={loaded.ok ? null : loaded.message} />
    </Root>,
  );
}

void start();
