import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/** A test account of the local provider (Cognito's attributes). */
export interface TestAccount {
  email: string;
  password: string;
  sub: string;
  role: string;
  regions: string;
}

/** Options of `startOidcProvider` (see oidcProviderServer.mjs). */
export interface OidcProviderOptions {
  clientId: string;
  redirectUris: string[];
  accounts: TestAccount[];
  /** Token lifetimes in seconds. */
  ttl?: { AccessToken?: number; IdToken?: number; RefreshToken?: number };
}

/** A running local OpenID provider. */
export interface OidcProvider {
  /** `http://127.0.0.1:<port>`: the issuer, and the "Cognito domain" (`/logout`). */
  issuer: string;
  stop(): void;
}

/** Starts tests/support/oidcProviderServer.mjs (oidc-provider, ESM only) as a child process. */
export async function startOidcProvider(options: OidcProviderOptions): Promise<OidcProvider> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, "oidcProviderServer.mjs"), JSON.stringify(options)], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  const issuer = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      const m = /READY (\S+)/.exec(d.toString());
      if (m) resolve(m[1]);
    });
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("exit", (code) => reject(new Error(`oidcProviderServer.mjs exited with ${code}: ${stderr}`)));
  });
  return { issuer, stop: () => void child.kill("SIGTERM") };
}

/**
 * Signs in at the provider as a browser would, without one: follows the authorize URL's redirects
 * (keeping cookies), posts e-mail and password to the sign-in page, and returns the URL the
 * provider finally redirects to (the callback with `code` and `state`), without loading it.
 */
export async function loginAtProvider(authorizeUrl: string, email: string, password: string, redirectPrefix: string): Promise<string> {
  const cookies = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
  };
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  let url = authorizeUrl;
  let init: RequestInit = {};
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader() } });
    remember(response);
    const location = response.headers.get("location");
    if (location) {
      const next = new URL(location, url).toString();
      if (next.startsWith(redirectPrefix)) return next;
      url = next;
      init = {};
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+\/login)"/.exec(html);
    if (!action) throw new Error(`no sign-in form at ${url} (${response.status}): ${html.slice(0, 300)}`);
    if (init.method === "POST") throw new Error(`sign-in refused: ${/id="error"[^>]*>([^<]*)/.exec(html)?.[1] ?? html.slice(0, 200)}`);
    url = new URL(action[1], url).toString();
    init = { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ email, password }).toString() };
  }
  throw new Error("too many redirects");
}
