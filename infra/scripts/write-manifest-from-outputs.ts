/**
 * Writes the add-in manifest for the deployed task pane, from the outputs of
 * `cdk deploy --all --outputs-file cdk-outputs.json`:
 *
 *   npx tsx infra/scripts/write-manifest-from-outputs.ts --outputs infra/cdk-outputs.json --out manifest.deployed.xml [--version 1.0.1.0] [--stack CoopPlansWeb]
 *
 * With Entra ID (Office SSO) add `--entra-client-id <application id> [--entra-resource api://…]`,
 * passed on to the generator, which then adds the manifest's WebApplicationInfo.
 *
 * It reads `TaskPaneUrl` (and, with Cognito, `CognitoDomainUrl`, the managed login's domain the
 * sign-in dialog navigates to, added to AppDomains) and runs the add-in's own generator with its CLI contract
 * (`addin/scripts/write-manifest.ts --url https://… --out …`), so the manifest has one renderer.
 * Exit codes: 0 written, 2 bad arguments or outputs, otherwise the generator's.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { cognitoDomainFromOutputs, taskPaneUrlFromOutputs } from "./cdkOutputs";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const { values } = parseArgs({
  options: {
    outputs: { type: "string" },
    out: { type: "string" },
    version: { type: "string" },
    stack: { type: "string" },
    "entra-client-id": { type: "string" },
    "entra-resource": { type: "string" },
  },
});
if (!values.outputs || !values.out) {
  console.error("Usage: write-manifest-from-outputs --outputs cdk-outputs.json --out manifest.xml [--version 1.0.0.0] [--stack CoopPlansWeb] [--entra-client-id <id> [--entra-resource api://…]]");
  process.exit(2);
}

let url: string;
let cognitoDomain: string | null;
try {
  const outputs: unknown = JSON.parse(readFileSync(values.outputs, "utf8"));
  url = taskPaneUrlFromOutputs(outputs, values.stack);
  cognitoDomain = cognitoDomainFromOutputs(outputs);
} catch (error) {
  console.error(`${values.outputs}: ${(error as Error).message}`);
  process.exit(2);
}

const generator = path.join(repoRoot, "addin", "scripts", "write-manifest.ts");
const args = [
  "--import",
  "tsx",
  generator,
  "--url",
  url,
  "--out",
  path.resolve(values.out),
  ...(values.version ? ["--version", values.version] : []),
  ...(values["entra-client-id"] ? ["--entra-client-id", values["entra-client-id"]] : []),
  ...(values["entra-resource"] ? ["--entra-resource", values["entra-resource"]] : []),
  ...(cognitoDomain ? ["--app-domain", cognitoDomain] : []),
];
const run = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: "inherit" });
if (run.error) {
  console.error(`Could not run ${generator}: ${run.error.message}`);
  process.exit(1);
}
process.exit(run.status ?? 1);
