/** @jest-environment jsdom */
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SSO_NEEDS_EXCEL, SsoError, ssoMessage } from "../../addin/src/auth/sso";
import type { PaneConfig } from "@coop-plans/shared/api";
import { getOfficeSsoToken } from "../../addin/src/excel/officeSso";
import { createSessionClient, type PaneServices } from "../../addin/src/ui/services";
import { TaskPane } from "../../addin/src/ui/TaskPane";
import { fakeFetch } from "./support/fakeCognito";
import { fakeClient, fakeHost, fakeServices } from "./support/fakes";

const config: PaneConfig = { apiUrl: "https://a1b2c3d4e5.execute-api.sa-east-1.amazonaws.com", auth: { kind: "entra", clientId: "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0" } };

function renderPane(sso: (() => Promise<string>) | undefined, fake = fakeFetch()) {
  const services: PaneServices = { ...fakeServices(fakeClient()), createClient: (s) => createSessionClient(s, fake.fetch) };
  render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane host={fakeHost()} services={services} config={config} sso={sso} />
    </FluentProvider>,
  );
  return fake;
}

describe("Entra ID sign-in (Office SSO)", () => {
  it("signs in with the SSO callback; every API request carries the token Office gives", async () => {
    const sso = jest.fn().mockResolvedValueOnce("sso-token-1").mockResolvedValue("sso-token-2");
    const fake = renderPane(sso);
    expect(screen.queryByLabelText(/Token de desarrollo/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Iniciar sesión con Microsoft" }));
    expect(await screen.findByText(/gestora@aos.example.org · /)).toBeTruthy();
    const me = fake.calls.find((c) => c.url.endsWith("/v1/me"))!;
    expect(me.url).toBe(`${config.apiUrl}/v1/me`);
    expect(me.headers.authorization).toBe("Bearer sso-token-2"); // asked again for the request: Office caches and renews it
    expect(sessionStorage.length + localStorage.length).toBe(0);
  });

  it("an SSO failure shows its Spanish message, with what to do", async () => {
    const sso = jest.fn().mockRejectedValue({ code: 13001, message: "The user is not signed in to Office." });
    renderPane(sso);
    fireEvent.click(screen.getByRole("button", { name: "Iniciar sesión con Microsoft" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(ssoMessage(13001));
    expect(alert.textContent).toMatch(/Inicie sesión en Office/);
  });

  it("when a later request's token fails, the user is sent back to sign in with the reason", async () => {
    const sso = jest.fn().mockResolvedValueOnce("sso-token-1").mockRejectedValue({ code: 13006 });
    renderPane(sso);
    fireEvent.click(screen.getByRole("button", { name: "Iniciar sesión con Microsoft" }));
    expect(await screen.findByText(ssoMessage(13006))).toBeTruthy();
    expect(screen.getByRole("button", { name: "Iniciar sesión con Microsoft" })).toBeTruthy();
  });

  it("outside Excel (the preview): says SSO needs Excel, no button", () => {
    renderPane(undefined);
    expect(screen.getByRole("note").textContent).toContain(SSO_NEEDS_EXCEL);
    expect(screen.queryByRole("button", { name: "Iniciar sesión con Microsoft" })).toBeNull();
  });
});

describe("officeSso (the Office.auth adapter)", () => {
  const g = globalThis as { Office?: unknown };
  afterEach(() => delete g.Office);

  it("asks Office for the token allowing its sign-in and consent prompts", async () => {
    const getAccessToken = jest.fn(async () => "token");
    g.Office = { auth: { getAccessToken } };
    await expect(getOfficeSsoToken()).resolves.toBe("token");
    expect(getAccessToken).toHaveBeenCalledWith({ allowSignInPrompt: true, allowConsentPrompt: true });
  });

  it.each([
    [13001, /No hay una cuenta iniciada en Office/],
    [13002, /Se canceló el inicio de sesión/],
    [13003, /no es una cuenta de trabajo o escuela/],
    [13012, /no admite el inicio de sesión único/],
    [99999, /código 99999/],
  ])("maps error %d to a Spanish message", async (code, message) => {
    g.Office = { auth: { getAccessToken: async () => Promise.reject({ code, message: "x", name: "x" }) } };
    const error = await getOfficeSsoToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SsoError);
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it("outside Office: SSO needs Excel", async () => {
    await expect(getOfficeSsoToken()).rejects.toThrow(SSO_NEEDS_EXCEL);
  });
});
