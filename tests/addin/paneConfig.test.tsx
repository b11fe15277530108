/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { loadPaneConfig, type ConfigFetch } from "../../addin/src/config/loadPaneConfig";
import { parsePaneConfig } from "@coop-plans/shared/api";
import { TaskPane } from "../../addin/src/ui/TaskPane";
import { fakeClient, fakeHost, fakeServices } from "./support/fakes";

const API = "https://a1b2c3d4e5.execute-api.sa-east-1.amazonaws.com";

/** A fetch answering one status, content type and body; records the URL asked. */
function answering(status: number, body: string, contentType = "application/json") {
  const urls: string[] = [];
  const fetch: ConfigFetch = async (url) => {
    urls.push(url);
    return { status, headers: { get: (n: string) => (n.toLowerCase() === "content-type" ? contentType : null) }, text: async () => body };
  };
  return { fetch, urls };
}

describe("config.json parsing", () => {
  it.each([
    ["dev", { apiUrl: "http://127.0.0.1:4000/", auth: { kind: "dev" } }, { apiUrl: "http://127.0.0.1:4000", auth: { kind: "dev" } }],
    [
      "cognito",
      { apiUrl: API, auth: { kind: "cognito", region: "sa-east-1", userPoolId: "sa-east-1_AbCdEf123", clientId: "1example23456789", domain: "https://coopplans-1.auth.sa-east-1.amazoncognito.com/", redirectUri: "https://d111111abcdef8.cloudfront.net/auth-dialog.html" } },
      { apiUrl: API, auth: { kind: "cognito", region: "sa-east-1", userPoolId: "sa-east-1_AbCdEf123", clientId: "1example23456789", domain: "https://coopplans-1.auth.sa-east-1.amazoncognito.com", redirectUri: "https://d111111abcdef8.cloudfront.net/auth-dialog.html" } },
    ],
    ["entra without ids", { apiUrl: API, auth: { kind: "entra" } }, { apiUrl: API, auth: { kind: "entra" } }],
    [
      "entra with ids",
      { apiUrl: API, auth: { kind: "entra", clientId: "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", apiScope: "api://x/0b1c/access_as_user" } },
      { apiUrl: API, auth: { kind: "entra", clientId: "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", apiScope: "api://x/0b1c/access_as_user" } },
    ],
  ])("accepts a valid %s configuration", (_name, input, expected) => {
    expect(parsePaneConfig(JSON.stringify(input))).toEqual({ ok: true, config: expected });
  });

  it.each([
    ["not JSON", "{ apiUrl: ", /no es JSON válido/],
    ["no auth", JSON.stringify({ apiUrl: API }), /auth: falta o no es del tipo esperado/],
    ["an unknown kind", JSON.stringify({ apiUrl: API, auth: { kind: "saml" } }), /auth\.kind: debe ser "dev", "cognito" o "entra"/],
    ["a relative API URL", JSON.stringify({ apiUrl: "/api", auth: { kind: "dev" } }), /apiUrl: debe ser una URL http\(s\)/],
    ["Cognito without a client id", JSON.stringify({ apiUrl: API, auth: { kind: "cognito", region: "sa-east-1", userPoolId: "sa-east-1_AbC" } }), /auth\.clientId: falta/],
    ["a pool of another region", JSON.stringify({ apiUrl: API, auth: { kind: "cognito", region: "us-east-1", userPoolId: "sa-east-1_AbC", clientId: "abc", domain: "https://coopplans-1.auth.sa-east-1.amazoncognito.com", redirectUri: "https://d111111abcdef8.cloudfront.net/auth-dialog.html" } }), /la región no coincide/],
    ["Cognito without its domain", JSON.stringify({ apiUrl: API, auth: { kind: "cognito", region: "sa-east-1", userPoolId: "sa-east-1_AbC", clientId: "abc", redirectUri: "https://d1.cloudfront.net/auth-dialog.html" } }), /auth\.domain: falta/],
    ["deploy-time markers left unresolved", JSON.stringify({ apiUrl: "<<marker:0xbaba:0>>", auth: { kind: "dev" } }), /apiUrl/],
  ])("refuses %s with a Spanish message for the administrator", (_name, text, detail) => {
    const result = parsePaneConfig(text);
    expect(result.ok).toBe(false);
    const message = (result as { message: string }).message;
    expect(message).toMatch(/^La configuración del panel \(config\.json\) no es válida: /);
    expect(message).toMatch(detail);
    expect(message).toMatch(/Avise al administrador del sistema/);
  });
});

describe("config.json loading", () => {
  const page = "https://d111111abcdef8.cloudfront.net/taskpane.html";

  it("reads ./config.json next to the page", async () => {
    const { fetch, urls } = answering(200, JSON.stringify({ apiUrl: API, auth: { kind: "entra" } }));
    expect(await loadPaneConfig(fetch, page)).toEqual({ ok: true, config: { apiUrl: API, auth: { kind: "entra" } } });
    expect(urls).toEqual(["https://d111111abcdef8.cloudfront.net/config.json"]);
  });

  it.each([
    ["404", answering(404, "Not found").fetch],
    ["403 (S3 behind CloudFront)", answering(403, "<Error>AccessDenied</Error>", "application/xml").fetch],
    ["an HTML fallback page", answering(200, "<!doctype html>", "text/html; charset=utf-8").fetch],
    ["a network failure", (async () => { throw new TypeError("Failed to fetch"); }) as ConfigFetch],
  ])("absent (%s): local mode", async (_name, fetch) => {
    expect(await loadPaneConfig(fetch, page)).toEqual({ ok: true, config: null });
  });

  it("a server error or malformed file: a Spanish message", async () => {
    expect(await loadPaneConfig(answering(500, "").fetch, page)).toEqual({ ok: false, message: expect.stringMatching(/No se pudo leer la configuración del panel \(config\.json, HTTP 500\)/) });
    expect(await loadPaneConfig(answering(200, "{").fetch, page)).toEqual({ ok: false, message: expect.stringMatching(/no es JSON válido/) });
  });
});

describe("the pane per configuration", () => {
  const renderPane = (props: Partial<Parameters<typeof TaskPane>[0]>) =>
    render(
      <FluentProvider theme={webLightTheme}>
        <TaskPane host={fakeHost()} services={fakeServices(fakeClient())} {...props} />
      </FluentProvider>,
    );
  beforeEach(() => localStorage.clear());

  it("absent: the dev token and API URL fields (local mode)", () => {
    renderPane({ config: null });
    expect(screen.getByLabelText(/Token de desarrollo/)).toBeTruthy();
    expect((screen.getByLabelText("Servidor (URL de la API)") as HTMLInputElement).value).toBe("http://127.0.0.1:4000");
  });

  it("kind dev: the dev form, with the configured API URL", () => {
    renderPane({ config: { apiUrl: "http://10.0.0.5:4000", auth: { kind: "dev" } } });
    expect((screen.getByLabelText("Servidor (URL de la API)") as HTMLInputElement).value).toBe("http://10.0.0.5:4000");
  });

  it("malformed: the message, no sign-in form, and Validar still works", () => {
    const message = "La configuración del panel (config.json) no es válida: apiUrl: falta. Avise al administrador del sistema.";
    renderPane({ configError: message });
    expect(screen.getByRole("alert").textContent).toBe(message);
    expect(screen.queryByLabelText(/Token de desarrollo/)).toBeNull();
    expect((screen.getByRole("button", { name: "Validar" }) as HTMLButtonElement).disabled).toBe(false);
  });
});
