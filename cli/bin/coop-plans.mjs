#!/usr/bin/env node
// The `coop-plans` command. Runs the esbuild bundle in cli/dist/ (made by `npm ci` / `npm install`
// through the root `prepare` script, or `npm run build:cli`) while it is newer than every source
// file it was built from; otherwise (no bundle, a source edited since, or COOP_PLANS_CLI_TSX=1)
// runs cli/src/main.ts through tsx, which is as correct but compiles TypeScript at every start.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundleIsFresh } from "./bundleFreshness.cjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let main;
// `validate` runs each file in a worker thread (cli/src/fileWorkers.ts): the worker's code, bundled or TypeScript.
let fileWorker;
if (process.env.COOP_PLANS_CLI_TSX !== "1" && bundleIsFresh(root)) {
  main = await import("../dist/main.mjs");
  fileWorker = { entry: new URL("../dist/validateWorker.mjs", import.meta.url).href };
} else {
  const { register } = await import("tsx/esm/api");
  register();
  main = await import("../src/main.ts");
  fileWorker = { entry: new URL("../src/validateWorker.ts", import.meta.url).href, tsxApi: import.meta.resolve("tsx/esm/api") };
}
main.runAsProcess(process.argv, { fileWorker });
