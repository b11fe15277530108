/**
 * A real local OpenID provider for the sign-in tests: `oidc-provider` (ESM only, so run as a child
 * process by tests/support/oidcProvider.ts) set up like the Cognito user pool's app client for the
 * pane: a public client (no secret), authorization code with PKCE S256 required, scopes
 * openid email profile, refresh tokens without offline_access (as Cognito issues them), no consent
 * screen, the user's attributes in the ID token (custom:role, custom:regions, email), refresh
 * token revocation, and Cognito's paths of the revocation endpoint (`/oauth2/revoke`) and the
 * logout endpoint (`/logout?client_id&logout_uri`) mapped onto the provider's own. The sign-in page checks an e-mail and password.
 *
 * Usage: node tests/support/oidcProviderServer.mjs '<json options>'; prints `READY <issuer>` on stdout.
 * Options: { port, clientId, redirectUris: [...], accounts: [{ email, password, sub, role, regions }], ttl: { AccessToken, IdToken, RefreshToken } }
 */
import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import Provider from "oidc-provider";

const options = JSON.parse(process.argv[2] ?? "{}");
const port = options.port ?? 0;
const accounts = options.accounts ?? [];
const ttl = { AccessToken: 3600, IdToken: 3600, RefreshToken: 30 * 24 * 3600, ...(options.ttl ?? {}) };

const server = http.createServer();
await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const page = (title, body) =>
  `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>${body}</body></html>`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: options.clientId,
      token_endpoint_auth_method: "none",
      application_type: "web",
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      redirect_uris: options.redirectUris,
      post_logout_redirect_uris: options.redirectUris,
    },
  ],
  jwks: { keys: [privateKey.export({ format: "jwk" })].map((k) => ({ ...k, kid: "test-key", use: "sig", alg: "RS256" })) },
  cookies: { keys: ["coop-plans-test-cookie-key"] },
  pkce: { required: () => true },
  scopes: ["openid", "email", "profile"],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "custom:role", "custom:regions"] },
  // As Cognito: the user's attributes in the ID token, not only at userinfo.
  conformIdTokenClaims: false,
  // As Cognito: a refresh token for every code grant of the client, without offline_access.
  issueRefreshToken: async (ctx, client) => client.grantTypeAllowed("refresh_token"),
  rotateRefreshToken: false,
  ttl,
  clientBasedCORS: () => true,
  features: {
    devInteractions: { enabled: false },
    revocation: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      // Cognito's logout asks nothing: the confirmation form submits itself.
      logoutSource: async (ctx, form) => {
        ctx.body = page("Cerrando sesión", form.replace("</form>", '<input type="hidden" name="logout" value="yes"/></form>') + "<script>document.forms[0].submit()</script>");
      },
    },
  },
  // No consent screen (Cognito has none for its own app clients): the grant is made on first use.
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
  findAccount: async (ctx, sub) => {
    const account = accounts.find((a) => a.sub === sub);
    if (!account) return undefined;
    return {
      accountId: sub,
      claims: async () => ({ sub, email: account.email, email_verified: true, name: account.name ?? account.email, "custom:role": account.role, "custom:regions": account.regions }),
    };
  },
  renderError: async (ctx, out) => {
    ctx.type = "html";
    ctx.body = page("Error", `<p id="error">${escape(out.error)}: ${escape(out.error_description ?? "")}</p>`);
  },
});
provider.proxy = false;

/** Reads an x-www-form-urlencoded body. */
function formOf(req) {
  return new Promise((resolve, reject) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => resolve(new URLSearchParams(body)));
    req.on("error", reject);
  });
}

const loginForm = (uid, error) =>
  page(
    "Iniciar sesión",
    `${error ? `<p id="error" role="alert">${escape(error)}</p>` : ""}<form method="post" action="/interaction/${escape(uid)}/login">
<label>Correo <input name="email" type="email" autocomplete="username"></label>
<label>Contraseña <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Ingresar</button></form>`,
  );

const callback = provider.callback();
server.on("request", async (req, res) => {
  try {
    const url = new URL(req.url, issuer);
    // Cognito's /logout?client_id=…&logout_uri=… onto the provider's end_session endpoint.
    if (url.pathname === "/logout") {
      const target = new URL("/session/end", issuer);
      target.searchParams.set("client_id", url.searchParams.get("client_id") ?? "");
      target.searchParams.set("post_logout_redirect_uri", url.searchParams.get("logout_uri") ?? "");
      res.writeHead(302, { location: target.toString() }).end();
      return;
    }
    // Cognito's revocation endpoint path onto the provider's.
    if (url.pathname === "/oauth2/revoke") req.url = `/token/revocation${url.search}`;
    const interaction = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
    if (interaction) {
      const details = await provider.interactionDetails(req, res);
      if (req.method === "GET") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginForm(details.uid));
        return;
      }
      const form = await formOf(req);
      const account = accounts.find((a) => a.email === form.get("email") && a.password === form.get("password"));
      if (!account) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginForm(details.uid, "Correo o contraseña incorrectos."));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
      return;
    }
    callback(req, res);
  } catch (error) {
    res.writeHead(500, { "content-type": "text/plain" }).end(String(error?.stack ?? error));
  }
});

process.stdout.write(`READY ${issuer}\n`);
process.on("SIGTERM", () => server.close(() => process.exit(0)));
