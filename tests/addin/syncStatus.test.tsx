/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { isLocalApiUrl, SyncStatus } from "../../addin/src/ui/SyncStatus";

function offlineText(apiUrl: string): string {
  render(
    <FluentProvider theme={webLightTheme}>
      <SyncStatus state={{ kind: "offline", apiUrl }} onLoadServerCopy={() => undefined} busy={false} />
    </FluentProvider>,
  );
  return screen.getByRole("alert").textContent ?? "";
}

describe("SyncStatus offline", () => {
  it("names «npm start» only when the API is local mode's", () => {
    expect(offlineText("http://127.0.0.1:4000")).toContain("(o que el servidor local esté corriendo con «npm start»)");
  });

  it("never names «npm start» against a deployed API", () => {
    const text = offlineText("https://abc123.execute-api.sa-east-1.amazonaws.com");
    expect(text).not.toContain("npm start");
    expect(text).toContain("revise su conexión a internet y vuelva a pulsar «Sincronizar».");
  });

  it("tells local API URLs apart", () => {
    expect(isLocalApiUrl("http://localhost:4000")).toBe(true);
    expect(isLocalApiUrl("http://127.0.0.1:4711/")).toBe(true);
    expect(isLocalApiUrl("https://api.ejemplo.cl")).toBe(false);
    expect(isLocalApiUrl("no es url")).toBe(false);
  });
});
