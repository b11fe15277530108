import { createRoot } from "react-dom/client";
import { loadPaneConfig } from "./config/loadPaneConfig";
import { officeAuthDialog } from "./excel/officeAuthDialog";
import { officeHost } from "./excel/officeHost";
import { getOfficeSsoToken } from "./excel/officeSso";
import { Root } from "./ui/Root";
import { TaskPane } from "./ui/TaskPane";
import "./ui/pane.css";

/**
 * Entry of taskpane.html: inside Excel, the pane over Office.js, signing in as config.json (next
 * to the page) says; elsewhere, a pointer to the preview.
 */
async function start(): Promise<void> {
  const root = createRoot(document.getElementById("root")!);
  const [startup, loaded] = await Promise.all([
    officeHost().catch(() => null),
    loadPaneConfig((url, init) => globalThis.fetch(url, init), document.baseURI),
  ]);
  if (!startup) {
    root.render(
      <Root dark={false}>
        <main className="pane">
          <h1>Plan Cooperativo</h1>
          <p>Este panel funciona dentro de Excel. Para probarlo en el navegador, abra la <a href="preview.html">vista previa sin Excel</a>.</p>
        </main>
      </Root>,
    );
    return;
  }
  root.render(
    <Root dark={startup.dark}>
      <TaskPane host={startup.host} config={loaded.ok ? loaded.config : null} configError={loaded.ok ? null : loaded.message} sso={getOfficeSsoToken} authDialog={officeAuthDialog} />
    </Root>,
  );
}

void start();
