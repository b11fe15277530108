/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { PaneConfig } from "@coop-plans/shared/api";
import { createSessionClient, type PaneServices } from "../../addin/src/ui/services";
import { TaskPane } from "../../addin/src/ui/TaskPane";
import { errorAnswer, fakeFetch, fakeJwt, tokensAnswer } from "./support/fakeCognito";
import { fakeClient, fakeHost, fakeServices } from "./support/fakes";

const config: PaneConfig = {
  apiUrl: "https://a1b2c3d4e5.execute-api.sa-east-1.amazonaws.com",
  auth: { kind: "cognito", region: "sa-east-1", userPoolId: "sa-east-1_AbCdEf123", clientId: "1example23456789" },
};
const idToken = fakeJwt({ sub: "u1", email: "gestora@aos.example.org", "custom:role": "gestor", aud: "1example23456789", exp: 2_000_000_000 });

/** The pane with Cognito configured, the real API client and Cognito client over one fake fetch. */
function renderPane(fake: ReturnType<typeof fakeFetch>) {
  const services: PaneServices = { ...fakeServices(fakeClient()), createClient: (s) => createSessionClient(s, fake.fetch), authFetch: fake.fetch };
  return render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane host={fakeHost()} services={services} config={config} />
    </FluentProvider>,
  );
}

function signIn(email: string, password: string) {
  fireEvent.change(screen.getByLabelText("Correo electrónico"), { target: { value: email } });
  fireEvent.change(screen.getByLabelText(/^Contraseña/), { target: { value: password } });
  fireEvent.click(screen.getByRole("button", { name: "Iniciar sesión" }));
}

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe("Cognito sign-in", () => {
  it("shows e-mail and password (no token or API URL fields)", () => {
    renderPane(fakeFetch({}));
    expect(screen.getByRole("heading", { name: "Iniciar sesión" })).toBeTruthy();
    expect((screen.getByLabelText("Correo electrónico") as HTMLInputElement).type).toBe("email");
    expect((screen.getByLabelText(/^Contraseña/) as HTMLInputElement).type).toBe("password");
    expect(screen.queryByLabelText(/Token de desarrollo/)).toBeNull();
    expect(screen.queryByLabelText(/Servidor/)).toBeNull();
  });

  it("success: InitiateAuth USER_PASSWORD_AUTH, the tokens kept in sessionStorage, the API called with the ID token", async () => {
    const fake = fakeFetch({ InitiateAuth: [tokensAnswer(idToken)] });
    renderPane(fake);
    signIn(" gestora@aos.example.org ", "Contraseña-Correcta1");
    expect(await screen.findByText(/gestora@aos.example.org · /)).toBeTruthy();

    const [auth] = fake.calls;
    expect(auth.url).toBe("https://cognito-idp.sa-east-1.amazonaws.com/");
    expect(auth.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(auth.target).toBe("InitiateAuth");
    expect(auth.body).toEqual({ AuthFlow: "USER_PASSWORD_AUTH", ClientId: "1example23456789", AuthParameters: { USERNAME: "gestora@aos.example.org", PASSWORD: "Contraseña-Correcta1" } });

    const me = fake.calls.find((c) => c.url.endsWith("/v1/me"))!;
    expect(me.url).toBe(`${config.apiUrl}/v1/me`);
    expect(me.headers.authorization).toBe(`Bearer ${idToken}`);

    const stored = JSON.parse(sessionStorage.getItem("coopPlans.cognito")!) as Record<string, unknown>;
    expect(stored).toMatchObject({ idToken, refreshToken: "refresh-1", clientId: "1example23456789" });
    expect(localStorage.length).toBe(0);
  });

  it("NEW_PASSWORD_REQUIRED: a second form asks for the new password, answered with RespondToAuthChallenge", async () => {
    const fake = fakeFetch({
      InitiateAuth: [{ status: 200, body: { ChallengeName: "NEW_PASSWORD_REQUIRED", Session: "challenge-session", ChallengeParameters: { USER_ID_FOR_SRP: "7a1b-uuid", requiredAttributes: "[]" } } }],
      RespondToAuthChallenge: [tokensAnswer(idToken)],
    });
    renderPane(fake);
    signIn("gestora@aos.example.org", "Temporal-123");
    expect(await screen.findByRole("heading", { name: "Cambio de contraseña" })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Nueva contraseña")));

    // The policy is checked before asking Cognito.
    fireEvent.change(screen.getByLabelText("Nueva contraseña"), { target: { value: "corta" } });
    fireEvent.change(screen.getByLabelText("Repita la nueva contraseña"), { target: { value: "corta" } });
    fireEvent.click(screen.getByRole("button", { name: "Guardar contraseña e ingresar" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/al menos 12 caracteres/);

    fireEvent.change(screen.getByLabelText("Nueva contraseña"), { target: { value: "Nueva-Clave-2025" } });
    fireEvent.change(screen.getByLabelText("Repita la nueva contraseña"), { target: { value: "Nueva-Clave-2025" } });
    fireEvent.click(screen.getByRole("button", { name: "Guardar contraseña e ingresar" }));
    expect(await screen.findByText(/gestora@aos.example.org · /)).toBeTruthy();

    const respond = fake.calls.find((c) => c.target === "RespondToAuthChallenge")!;
    expect(respond.body).toEqual({
      ChallengeName: "NEW_PASSWORD_REQUIRED",
      ClientId: "1example23456789",
      Session: "challenge-session",
      ChallengeResponses: { USERNAME: "7a1b-uuid", NEW_PASSWORD: "Nueva-Clave-2025" },
    });
    expect(fake.calls.find((c) => c.url.endsWith("/v1/me"))!.headers.authorization).toBe(`Bearer ${idToken}`);
  });

  it("wrong password: says so in Spanish, announced, and stays signed out", async () => {
    const fake = fakeFetch({ InitiateAuth: [errorAnswer("NotAuthorizedException", "Incorrect username or password.")] });
    renderPane(fake);
    signIn("gestora@aos.example.org", "equivocada");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/^Correo o contraseña incorrectos/);
    expect(screen.getByRole("heading", { name: "Iniciar sesión" })).toBeTruthy();
    expect(sessionStorage.getItem("coopPlans.cognito")).toBeNull();
    expect(fake.calls.some((c) => c.url.endsWith("/v1/me"))).toBe(false);
  });

  it.each([
    ["unknown user", errorAnswer("UserNotFoundException", "User does not exist."), /No hay una cuenta con ese correo/],
    ["too many attempts", errorAnswer("NotAuthorizedException", "Password attempts exceeded"), /Demasiados intentos/],
    ["throttled", errorAnswer("TooManyRequestsException", "Rate exceeded"), /Demasiados intentos/],
    ["network", "network" as const, /No fue posible conectarse con el servicio de inicio de sesión/],
  ])("%s: a Spanish message with what to do", async (_name, answer, message) => {
    renderPane(fakeFetch({ InitiateAuth: [answer] }));
    signIn("gestora@aos.example.org", "Cualquiera-1234");
    expect((await screen.findByRole("alert")).textContent).toMatch(message);
  });

  it("checks the e-mail before calling Cognito", async () => {
    const fake = fakeFetch({});
    renderPane(fake);
    signIn("gestora", "x");
    expect((await screen.findByRole("alert")).textContent).toMatch(/Escriba su correo electrónico/);
    expect(fake.calls).toHaveLength(0);
  });

  it("restores the session from sessionStorage; sign-out clears it and revokes the refresh token", async () => {
    const fake = fakeFetch({ InitiateAuth: [tokensAnswer(idToken)], RevokeToken: [{ status: 200, body: {} }] });
    const first = renderPane(fake);
    signIn("gestora@aos.example.org", "Contraseña-Correcta1");
    expect(await screen.findByText(/gestora@aos.example.org · /)).toBeTruthy();
    first.unmount();

    renderPane(fake);
    expect(await screen.findByText(/gestora@aos.example.org · /)).toBeTruthy();
    expect(fake.calls.filter((c) => c.target === "InitiateAuth")).toHaveLength(1);

    fireEvent.click(screen.getByRole("button", { name: "Cerrar sesión" }));
    expect(await screen.findByRole("heading", { name: "Iniciar sesión" })).toBeTruthy();
    expect(sessionStorage.getItem("coopPlans.cognito")).toBeNull();
    await waitFor(() => expect(fake.calls.find((c) => c.target === "RevokeToken")?.body).toEqual({ ClientId: "1example23456789", Token: "refresh-1" }));
  });
});
