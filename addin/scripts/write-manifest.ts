/**
 * Writes the add-in manifest for a deployed URL:
 * `npx tsx addin/scripts/write-manifest.ts --url https://addin.example.cl --out dist/manifest.xml`
 * (without --out it prints to stdout; `--version 1.0.1.0` sets the version).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { renderManifest } from "./manifestXml";

const { values } = parseArgs({ options: { url: { type: "string" }, out: { type: "string" }, version: { type: "string" } } });
if (!values.url) {
  console.error("Uso: write-manifest --url https://… [--out archivo.xml] [--version 1.0.0.0]");
  process.exit(2);
}
if (!values.url.startsWith("https://")) console.error("Aviso: Office exige https para los complementos (salvo localhost en desarrollo).");
const xml = renderManifest({ baseUrl: values.url, version: values.version });
if (values.out) {
  mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
  writeFileSync(values.out, xml);
  console.log(`Manifiesto escrito en ${values.out}`);
} else process.stdout.write(xml);
