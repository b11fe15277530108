/** @jest-environment jsdom */
/**
 * The pane's Cognito sign-in UI: one button that opens the managed login in the sign-in dialog
 * (the port Office's dialog API implements), the session started with the tokens of the code
 * exchange, Office's dialog errors as Spanish messages, sign-out through the logout endpoint, and
 * an expired session back to the sign-in with «Su sesión expiró…». The client is scripted here;
 * the code + PKCE exchange itself is tested against a real OpenID provider in cognitoSession.test.ts.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { PaneConfig } from "@coop-plans/shared/api";
import { dialogError, type AuthDialog } from "../../addin/src/auth/signInDialog";
import { CognitoError, type CognitoClient } from "../../addin/src/auth/cognito";
import { createSessionClient, type PaneServices } from "../../addin/src/ui/services";
import { TaskPane } from "../../addin/src/ui/TaskPane";
import { fakeFetch, fakeJwt, scriptedCognitoClient, scriptedDialog } from "./support/fakeCognito";
import { fakeClient, fakeHost, fakeServices } from "./support/fakes";

const DIALOG_PAGE = "https://d111111abcdef8.cloudfront.net/auth-dialog.html";
const config: PaneConfig = {
  apiUrl: "https://a1b2c3d4e5.execute-api.sa-east-1.amazonaws.com",
  auth: {
    kind: "cognito",
    region: "sa-east-1",
    userPoolId: "sa-east-1_AbCdEf123",
    clientId: "1example23456789",
    domain: "https://coopplans-1.auth.sa-east-1.amazoncognito.com",
    redirectUri: DIALOG_PAGE,
  },
};
const idToken = fakeJwt({ sub: "u1", email: "gestora@aos.example.org", "custom:role": "gestor", aud: "1example23456789", exp: 2_000_000_000 });
const tokens = { idToken, accessToken: "access-1", refreshToken: "refresh-1", expiresIn: 3600 };

function renderPane(client: CognitoClient, dialog: AuthDialog | undefined, fake = fakeFetch()) {
  const services: PaneServices = { ...fakeServices(fakeClient()), createClient: (s) => createSessionClient(s, fake.fetch), createCognitoClient: () => client };
  return render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane host={fakeHost()} services={services} config={config} authDialog={dialog} />
    </FluentProvider>,
  );
}

const signInButton = () => screen.getByRole("button", { name: "Iniciar sesión" });

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe("Cognito sign-in (managed login in the dialog)", () => {
  it("no password field: a button that opens the sign-in window", () => {
    renderPane(scriptedCognitoClient(tokens).client, scriptedDialog([]));
    expect(screen.getByRole("heading", { name: "Iniciar sesión" })).toBeTruthy();
    expect(document.querySelector("input[type=password]")).toBeNull();
    expect(screen.queryByLabelText(/Token de desarrollo/)).toBeNull();
    expect(screen.getByText(/contraseña temporal que recibió por correo: ahí mismo elegirá una nueva/)).toBeTruthy();
  });

  it("opens the dialog page on the authorize URL, exchanges the callback, keeps the tokens in sessionStorage, calls the API with the ID token", async () => {
    const { client, calls } = scriptedCognitoClient(tokens);
    const dialog = scriptedDialog([{ callback: `${DIALOG_PAGE}?code=abc&state=s1` }]);
    const fake = fakeFetch();
    renderPane(client, dialog, fake);
    fireEvent.click(signInButton());
    expect(await screen.findByText(/gestora@aos.example.org · /)).toBeTruthy();

    const opened = new URL(dialog.urls[0]);
    expect(opened.origin + opened.pathname).toBe(DIALOG_PAGE);
    expect(opened.searchParams.get("start")).toBe("https://coopplans-1.auth.sa-east-1.amazoncognito.com/oauth2/authorize?response_type=code&state=s1");
    expect(calls).toEqual(["signInUrl", `completeSignIn ${DIALOG_PAGE}?code=abc&state=s1`]);
    expect(fake.calls.find((c) => c.url.endsWith("/v1/me"))!.headers.authorization).toBe(`Bearer ${idToken}`);
    expect(JSON.parse(sessionStorage.getItem("coopPlans.cognito")!)).toMatchObject({ idToken, refreshToken: "refresh-1", clientId: "1example23456789" });
    expect(localStorage.length).toBe(0);
  });

  it.each([
    [12009, /se eligió ignorarla.*elija «Permitir»/],
    [12011, /Su navegador bloqueó la ventana de inicio de sesión/],
    [12007, /Ya hay una ventana de inicio de sesión abierta/],
    [12006, /Se cerró la ventana de inicio de sesión antes de terminar/],
    [12002, /no pudo cargar su página/],
    [12004, /no está bien configurado/],
  ])("Office dialog error %i: a Spanish message with what to do, still signed out", async (code, message) => {
    renderPane(scriptedCognitoClient(tokens).client, scriptedDialog([dialogError(code)]));
    fireEvent.click(signInButton());
    expect((await screen.findByRole("alert")).textContent).toMatch(message);
    expect(signInButton()).toBeTruthy();
    expect(sessionStorage.getItem("coopPlans.cognito")).toBeNull();
  });

  it("no dialog API (an old Office): says what to do", async () => {
    renderPane(scriptedCognitoClient(tokens).client, undefined);
    fireEvent.click(signInButton());
    expect((await screen.findByRole("alert")).textContent).toMatch(/^Este Excel no puede abrir la ventana de inicio de sesión .*Actualice Office, o use Excel en la web/);
  });

  it("a failed code exchange: its Spanish message", async () => {
    const { client } = scriptedCognitoClient(tokens);
    client.completeSignIn = async () => {
      throw new CognitoError("network");
    };
    renderPane(client, scriptedDialog([{ callback: `${DIALOG_PAGE}?code=abc&state=s1` }]));
    fireEvent.click(signInButton());
    expect((await screen.findByRole("alert")).textContent).toMatch(/^No fue posible conectarse con el servicio de inicio de sesión/);
  });

  it("sign-out: forgets the tokens, revokes the refresh token, and ends the managed login's session through the dialog", async () => {
    const { client, calls } = scriptedCognitoClient(tokens);
    const dialog = scriptedDialog([{ callback: `${DIALOG_PAGE}?code=abc&state=s1` }, { signedOut: true }]);
    renderPane(client, dialog);
    fireEvent.click(signInButton());
    expect(await screen.findByText(/gestora@aos.example.org · /)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Cerrar sesión" }));
    expect(await screen.findByText("Cerró la sesión.")).toBeTruthy();
    expect(sessionStorage.getItem("coopPlans.cognito")).toBeNull();
    await waitFor(() => expect(calls).toContain("revoke refresh-1"));
    await waitFor(() => expect(dialog.urls).toHaveLength(2));
    expect(new URL(dialog.urls[1]).searchParams.get("start")).toBe(client.signOutUrl());
  });

  it("a blocked logout window: signed out of the pane, and told the managed login's session may remain", async () => {
    const { client } = scriptedCognitoClient(tokens);
    renderPane(client, scriptedDialog([{ callback: `${DIALOG_PAGE}?code=abc&state=s1` }, dialogError(12011)]));
    fireEvent.click(signInButton());
    expect(await screen.findByText(/gestora@aos.example.org · /)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Cerrar sesión" }));
    expect(await screen.findByText(/no se pudo cerrar la sesión en la página de inicio de sesión/)).toBeTruthy();
    expect(signInButton()).toBeTruthy();
  });

  it("the API refuses the token (401): back to the sign-in with «Su sesión expiró…»", async () => {
    const { client } = scriptedCognitoClient(tokens);
    renderPane(client, scriptedDialog([{ callback: `${DIALOG_PAGE}?code=abc&state=s1` }]), fakeFetch({ refuse: true }));
    fireEvent.click(signInButton());
    expect(await screen.findByText(/^Su sesión expiró/)).toBeTruthy();
    expect(signInButton()).toBeTruthy();
  });

  it("restores the session from sessionStorage when the pane reopens", async () => {
    const { client } = scriptedCognitoClient(tokens);
    const first = renderPane(client, scriptedDialog([{ callback: `${DIALOG_PAGE}?code=abc&state=s1` }]));
    fireEvent.click(signInButton());
    expect(await screen.findByText(/gestora@aos.example.org · /)).toBeTruthy();
    first.unmount();
    const dialog = scriptedDialog([]);
    renderPane(client, dialog);
    expect(await screen.findByText(/gestora@aos.example.org · /)).toBeTruthy();
    expect(dialog.urls).toHaveLength(0);
  });
});
