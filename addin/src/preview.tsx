import "./preview/bufferShim";
import { createRoot } from "react-dom/client";
import { PreviewApp } from "./preview/PreviewApp";
import { Root } from "./ui/Root";
import "./ui/pane.css";
import "./preview/preview.css";

/** Entry of preview.html: the pane over an in-memory workbook, no Office. */
createRoot(document.getElementById("root")!).render(
  <Root dark={false}>
    <PreviewApp />
  </Root>,
);
