import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { createApiClient, type ApiClient } from "@coop-plans/shared/api";
import { createTable } from "../../../functions/local/createTable";
import { startDynamoDbLocal, type DynamoDbLocal } from "../../../functions/local/dynamodbLocal";
import { nodeFetch } from "../../../functions/local/nodeFetch";
import { startLocalServer, type LocalServer } from "../../../functions/local/server";
import { DYNAMODB_ENDPOINT_ENV, TABLE_NAME_ENV } from "../../../functions/src/store/tableDefinition";
import type { DevRole } from "../../../functions/local/devTokens";
import { devAuthenticate, devToken } from "../../functions/local/harness/devAuth";
import { launchBrowser, type Browser } from "./browser";
import { buildPane, startPaneServer, type PaneServer } from "./pane";

/** A page of the preview with the pane signed in, and the uncaught page errors seen on it. */
export interface SignedInPage {
  page: Page;
  /** `pageerror` messages, in order; a test expects `[]` at its end. */
  errors: string[];
}

/**
 * Everything a browser e2e of the pane needs, started once per test file: the built pane served by
 * addin/serve.ts, DynamoDB Local with a fresh table, the local API (real dev tokens signed with a
 * random key; CORS for the pane's origin only) and headless chromium.
 */
export interface LocalStack {
  api: LocalServer;
  pane: PaneServer;
  browser: Browser;
  /** A dev token for `email` with `role` in `region` ("14", or "*" for Sercotec). */
  token(email: string, role: DevRole, region: string): Promise<string>;
  /** The typed API client calling the local API with `token`, from node. */
  client(token: string): ApiClient;
  /**
   * Opens preview.html in a new page (`width` px wide when given), forgets any session an earlier
   * page of the shared browser context left, and signs in with `token` (server URL and dev token).
   * Does not wait for the pane's first view: each test waits for what it needs.
   */
  signIn(token: string, width?: number): Promise<SignedInPage>;
  /** Closes the browser, the pane server, the API and DynamoDB Local. */
  stop(): Promise<void>;
}

/**
 * Starts the stack for one e2e file; `label` names its table (`e2e-<label>-<ms>`). Sets
 * `TABLE_NAME_ENV` and `DYNAMODB_ENDPOINT_ENV` for the process, as the local API reads them.
 */
export async function startLocalStack(label: string): Promise<LocalStack> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  process.env.POWERTOOLS_LOG_LEVEL = "WARN";
  const key = new Uint8Array(randomBytes(32));
  buildPane();
  const started: { pane?: PaneServer; dynamo?: DynamoDbLocal; api?: LocalServer; browser?: Browser } = {};
  const stop = async () => {
    await started.browser?.close();
    started.pane?.stop();
    await started.api?.close();
    await started.dynamo?.stop();
  };
  try {
    const pane = (started.pane = await startPaneServer());
    const dynamo = (started.dynamo = await startDynamoDbLocal());
    const table = `e2e-${label}-${Date.now()}`;
    await createTable(dynamo.endpoint, table);
    process.env[TABLE_NAME_ENV] = table;
    process.env[DYNAMODB_ENDPOINT_ENV] = dynamo.endpoint;
    // The pane calls the API from its own origin: CORS must allow exactly that one.
    const api = (started.api = await startLocalServer({ port: 0, authenticate: devAuthenticate(key), allowedOrigins: [pane.url] }));
    const browser = (started.browser = await launchBrowser());
    return {
      api, pane, browser, stop,
      token: (email, role, region) => devToken(key, email, role, region),
      client: (token) => createApiClient({ baseUrl: api.url, getToken: () => token, fetch: nodeFetch }),
      signIn: async (token, width) => {
        const page = await browser.context.newPage();
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        if (width) await page.setViewportSize({ width, height: 800 });
        await page.goto(`${pane.url}/preview.html`);
        // One browser context for every page: forget the session the previous user left.
        await page.evaluate(() => localStorage.clear());
        await page.reload();
        await page.getByLabel("Servidor (URL de la API)").fill(api.url);
        await page.getByLabel("Token de desarrollo").fill(token);
        await page.getByRole("button", { name: "Iniciar sesión" }).click();
        return { page, errors };
      },
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
