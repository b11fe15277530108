#!/usr/bin/env node
// Bundles the `coop-plans` command with esbuild into cli/dist/ (git-ignored), so that it starts
// without compiling TypeScript. Run by the root `prepare` script (after `npm ci` / `npm install`)
// and by `npm run build:cli`. cli/bin/coop-plans.mjs uses the bundle while it is newer than every
// source file it was built from (listed in cli/dist/inputs.json) and falls back to tsx otherwise.
// Without esbuild (an install that left out devDependencies) it does nothing: the bin uses tsx.
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const cliDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const root = path.resolve(cliDir, "..");
// `--outdir <folder>` builds elsewhere (the tests do, to leave cli/dist/ alone).
const outDirArg = process.argv.indexOf("--outdir");
const outDir = outDirArg > 0 ? path.resolve(process.argv[outDirArg + 1]) : path.join(cliDir, "dist");

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  console.log("coop-plans: esbuild no está instalado; el comando usará tsx (más lento al iniciar).");
  process.exit(0);
}

// Build into a fresh folder beside dist/ and swap it in, so a running command never sees half a bundle.
const staging = `${outDir}.staging-${process.pid}`;
await rm(staging, { recursive: true, force: true });
const started = performance.now();
const result = await esbuild.build({
  absWorkingDir: root,
  // validateWorker: the per-file worker of `validate` (cli/src/fileWorkers.ts), loaded by URL beside main.mjs.
  entryPoints: { main: "cli/src/main.ts", validateWorker: "cli/src/validateWorker.ts" },
  outdir: staging,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  // Chunks let heavy libraries loaded with import() (exceljs, see shared/xlsx/loadExcelJs.ts)
  // stay out of the start-up path: `coop-plans --version` never reads them.
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  sourcemap: "linked",
  metafile: true,
  legalComments: "linked",
  logLevel: "warning",
  // Bundled CommonJS packages (exceljs, commander) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __coopPlansRequire } from 'node:module'; const require = __coopPlansRequire(import.meta.url);" },
});
const inputs = Object.keys(result.metafile.inputs)
  .filter((file) => !file.includes("node_modules/"))
  .sort();
await writeFile(path.join(staging, "inputs.json"), `${JSON.stringify({ inputs }, null, 1)}\n`);
await writeFile(path.join(staging, "meta.json"), JSON.stringify(result.metafile));
await mkdir(outDir, { recursive: true });
const old = `${outDir}.old-${process.pid}`;
await rename(outDir, old);
await rename(staging, outDir);
await rm(old, { recursive: true, force: true });
const size = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith(".mjs"))
  .reduce((sum, [, out]) => sum + out.bytes, 0);
console.log(
  `coop-plans: CLI empaquetado en ${path.relative(root, outDir).startsWith("..") ? outDir : path.relative(root, outDir)}/ (${inputs.length} fuentes, ${(size / 1e6).toFixed(1)} MB, ${Math.round(performance.now() - started)} ms).`,
);
