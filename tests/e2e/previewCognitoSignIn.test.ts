/**
 * Browser test of the Cognito sign-in, end to end and offline: the built pane (preview host, whose
 * sign-in window is a popup instead of Office's dialog) configured like a deployment
 * (config.json of kind "cognito"), a real local OpenID provider (oidc-provider, set up like the
 * pool's app client: tests/support/oidcProviderServer.mjs) as the managed login, and the local API
 * over DynamoDB Local verifying the ID token with jose against the provider's JWKS (as API
 * Gateway's JWT authorizer does against Cognito's). Sign-in types the password on the provider's
 * page only; the pane gets the code back through auth-dialog.html and exchanges it with PKCE; the
 * API answers /v1/me for the token; sign-out ends the provider's session (the next sign-in asks
 * for the password again); closing the window is a Spanish message.
 */
import { createRemoteJWKSet, jwtVerify } from "jose";
import type { BrowserContext, Page, Request } from "playwright-core";
import { createTable } from "../../functions/local/createTable";
import { startDynamoDbLocal, type DynamoDbLocal } from "../../functions/local/dynamodbLocal";
import type { DevClaims } from "../../functions/local/devTokens";
import { startLocalServer, type LocalServer } from "../../functions/local/server";
import { DYNAMODB_ENDPOINT_ENV, TABLE_NAME_ENV } from "../../functions/src/store/tableDefinition";
import { startOidcProvider, type OidcProvider, type TestAccount } from "../support/oidcProvider";
import { browserSkipReason, launchBrowser, type Browser } from "./support/browser";
import { buildPane, startPaneServer, type PaneServer } from "./support/pane";

const skipReason = browserSkipReason();
if (skipReason) console.warn(`e2e skipped: ${skipReason}`);
const maybe = skipReason ? describe.skip : describe;

const CLIENT_ID = "panee2e123456";
const gestora: TestAccount = { email: "gestora.e2e@aos.example.org", password: "Clave-Segura-2026", sub: "7a1b2c3d-e2e-gestora", role: "gestor", regions: "08" };

maybe("Cognito sign-in with the managed login in a window, code + PKCE, against a local OpenID provider (headless chromium)", () => {
  jest.setTimeout(240_000);
  let pane: PaneServer;
  let provider: OidcProvider;
  let dynamo: DynamoDbLocal;
  let api: LocalServer;
  let browser: Browser;
  let context: BrowserContext;
  const verified: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
    process.env.POWERTOOLS_LOG_LEVEL = "WARN";
    buildPane();
    pane = await startPaneServer();
    provider = await startOidcProvider({ clientId: CLIENT_ID, redirectUris: [`${pane.url}/auth-dialog.html`], accounts: [gestora] });
    dynamo = await startDynamoDbLocal();
    const table = `e2e-cognito-${Date.now()}`;
    await createTable(dynamo.endpoint, table);
    process.env[TABLE_NAME_ENV] = table;
    process.env[DYNAMODB_ENDPOINT_ENV] = dynamo.endpoint;
    // The API's authorizer: signature against the provider's JWKS, issuer, audience = the app client, exp.
    const jwks = createRemoteJWKSet(new URL(`${provider.issuer}/jwks`));
    api = await startLocalServer({
      port: 0,
      allowedOrigins: [pane.url],
      authenticate: async (token) => {
        if (!token) return { ok: false, reason: "missing" };
        try {
          const { payload } = await jwtVerify(token, jwks, { issuer: provider.issuer, audience: CLIENT_ID, requiredClaims: ["exp", "iat", "sub"] });
          verified.push(payload);
          return { ok: true, claims: payload as unknown as DevClaims };
        } catch {
          return { ok: false, reason: "invalid" };
        }
      },
    });
    browser = await launchBrowser();
    context = browser.context;
    // config.json as the deployment writes it (shared/api/paneConfig.ts), for the pane and the dialog page.
    const config = {
      apiUrl: api.url,
      auth: { kind: "cognito", region: "sa-east-1", userPoolId: "sa-east-1_Local123", clientId: CLIENT_ID, domain: provider.issuer, redirectUri: `${pane.url}/auth-dialog.html`, authority: provider.issuer },
    };
    await context.route(`${pane.url}/config.json`, (route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(config) }));
  });

  afterAll(async () => {
    await browser?.close();
    pane?.stop();
    provider?.stop();
    await api?.close();
    await dynamo?.stop();
  });

  /** Clicks «Iniciar sesión» and returns the sign-in window the pane opened. */
  async function openSignIn(page: Page): Promise<Page> {
    const [popup] = await Promise.all([context.waitForEvent("page"), page.getByRole("button", { name: "Iniciar sesión" }).click()]);
    return popup;
  }

  it("signs in at the provider's page, comes back signed in, and the API accepts the token; sign-out ends the provider's session", async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const toOurs: Request[] = [];
    context.on("request", (r) => {
      if (r.url().startsWith(pane.url) || r.url().startsWith(api.url)) toOurs.push(r);
    });
    await page.goto(`${pane.url}/preview.html`);
    await page.getByRole("heading", { name: "Iniciar sesión" }).waitFor({ timeout: 30_000 });
    expect(await page.locator("input[type=password]").count()).toBe(0);

    const popup = await openSignIn(page);
    // The window went through our dialog page to the provider's authorize endpoint, then its sign-in page.
    await popup.getByLabel("Correo").waitFor({ timeout: 20_000 });
    expect(popup.url().startsWith(`${provider.issuer}/interaction/`)).toBe(true);
    await popup.getByLabel("Correo").fill(gestora.email);
    await popup.getByLabel("Contraseña").fill(gestora.password);
    await popup.getByRole("button", { name: "Ingresar" }).click();

    // Back in the pane: /v1/me answered for the verified token (the account line shows it).
    await page.getByText(`${gestora.email} · `).waitFor({ timeout: 30_000 });
    await popup.waitForEvent("close", { timeout: 10_000 }).catch(() => undefined);
    expect(popup.isClosed()).toBe(true);
    expect(verified.at(-1)).toMatchObject({ iss: provider.issuer, aud: CLIENT_ID, sub: gestora.sub, email: gestora.email, "custom:role": "gestor", "custom:regions": "08" });
    const stored = await page.evaluate(() => JSON.parse(sessionStorage.getItem("coopPlans.cognito") ?? "null") as { idToken: string; refreshToken: string } | null);
    expect(stored?.refreshToken).toBeTruthy();
    // The password went to the provider only: no request to the pane's server or the API carried it.
    const leaked = toOurs.filter((r) => `${r.url()} ${r.postData() ?? ""}`.includes(gestora.password) || `${r.url()}`.includes(encodeURIComponent(gestora.password)));
    expect(leaked.map((r) => r.url())).toEqual([]);
    // The code came back to our dialog page, which handed it over (no token in that URL).
    const callback = toOurs.find((r) => r.url().startsWith(`${pane.url}/auth-dialog.html?code=`));
    expect(callback).toBeDefined();

    // Sign-out: the logout window opens and closes; the pane is signed out.
    const [logout] = await Promise.all([context.waitForEvent("page"), page.getByRole("button", { name: "Cerrar sesión" }).click()]);
    await page.getByText("Cerró la sesión.").waitFor({ timeout: 10_000 });
    await logout.waitForEvent("close", { timeout: 20_000 }).catch(() => undefined);
    expect(logout.isClosed()).toBe(true);
    expect(await page.evaluate(() => sessionStorage.getItem("coopPlans.cognito"))).toBeNull();
    expect(await page.getByText(/no se pudo cerrar la sesión en la página de inicio de sesión/).count()).toBe(0);

    // The provider's session ended: signing in again asks for the password; closing the window says so.
    const again = await openSignIn(page);
    await again.getByLabel("Contraseña").waitFor({ timeout: 20_000 });
    await again.close();
    await page.getByRole("alert").filter({ hasText: "Se cerró la ventana de inicio de sesión antes de terminar" }).waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("the dialog page refuses to send the window anywhere but the configured provider", async () => {
    const page = await context.newPage();
    await page.goto(`${pane.url}/auth-dialog.html?start=${encodeURIComponent("https://evil.example/oauth2/authorize")}`);
    await page.getByText(/^Esta ventana solo abre la página de inicio de sesión configurada/).waitFor({ timeout: 20_000 });
    expect(page.url().startsWith(pane.url)).toBe(true);
    await page.close();
  });
});
