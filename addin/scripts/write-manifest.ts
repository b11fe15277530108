/**
 * Writes the add-in manifest for a deployed URL:
 * `npx tsx addin/scripts/write-manifest.ts --url https://addin.example.cl --out dist/manifest.xml`
 * (without --out it prints to stdout; `--version 1.0.1.0` sets the version). For Entra ID (Office
 * SSO) add `--entra-client-id <application id> [--entra-resource api://<host>/<application id>]`
 * (`--entra-scope` repeatable; default openid, profile): the manifest then carries WebApplicationInfo.
 * `--app-domain https://…` (repeatable) adds an AppDomain: the Cognito managed login's domain, where
 * the sign-in dialog navigates.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { renderManifest } from "./manifestXml";

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    out: { type: "string" },
    version: { type: "string" },
    "entra-client-id": { type: "string" },
    "entra-resource": { type: "string" },
    "entra-scope": { type: "string", multiple: true },
    "app-domain": { type: "string", multiple: true },
  },
});
if (!values.url || ((values["entra-resource"] || values["entra-scope"]) && !values["entra-client-id"])) {
  console.error("Uso: write-manifest --url https://… [--out archivo.xml] [--version 1.0.0.0] [--entra-client-id <id> [--entra-resource api://…] [--entra-scope openid …]] [--app-domain https://… …]");
  process.exit(2);
}
if (!values.url.startsWith("https://")) console.error("Aviso: Office exige https para los complementos (salvo localhost en desarrollo).");
let xml: string;
try {
  const clientId = values["entra-client-id"];
  xml = renderManifest({
    baseUrl: values.url,
    version: values.version,
    sso: clientId ? { clientId, resource: values["entra-resource"], scopes: values["entra-scope"] } : undefined,
    appDomains: values["app-domain"],
  });
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
if (values.out) {
  mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
  writeFileSync(values.out, xml);
  console.log(`Manifiesto escrito en ${values.out}`);
} else process.stdout.write(xml);
