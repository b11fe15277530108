/**
 * CLI start-up benchmark (`npm run bench`): wall time of `coop-plans --version` (the bundled CLI
 * in cli/dist/, as `npm ci` leaves it) against a bare `node -e 0`, both spawned as processes and
 * alternated, medians of the timed runs in ms. Also prints `--help` and, for reference, a few runs
 * of the tsx fallback (what every call cost before the bundle). Exits 1 when `--version` takes
 * more than 4× the bare Node start; builds the bundle first when it is missing or stale.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { repoRoot } from "../functions/local/paths";
import { ensureCliBundle, median } from "./benchStats";

const MAX_RATIO = 4;
const WARM_UP = 3;
const RUNS = 21;
const TSX_RUNS = 3;

const root = repoRoot();
const bin = path.join(root, "cli/bin/coop-plans.mjs");


/** Wall time (ms) of one process run; throws when it fails or prints something unexpected. */
function timed(args: string[], expect: RegExp, env: NodeJS.ProcessEnv = process.env): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", env });
  const ms = performance.now() - start;
  if (run.status !== 0 || !expect.test(run.stdout)) {
    throw new Error(`node ${args.join(" ")} → código ${run.status}: ${run.stdout}${run.stderr}`);
  }
  return ms;
}

function main(): number {
  if (!ensureCliBundle(root)) return 2;
  const version = /^\d+\.\d+\.\d+\n$/;
  const help = /Uso: coop-plans/;
  const cases = {
    bare: () => timed(["-e", "0"], /^$/),
    version: () => timed([bin, "--version"], version),
    help: () => timed([bin, "--help"], help),
  };
  const times: Record<keyof typeof cases, number[]> = { bare: [], version: [], help: [] };
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    for (const [name, run] of Object.entries(cases) as [keyof typeof cases, () => number][]) {
      const ms = run();
      if (i >= WARM_UP) times[name].push(ms);
    }
  }
  const tsxEnv = { ...process.env, COOP_PLANS_CLI_TSX: "1" };
  const tsx = Array.from({ length: TSX_RUNS }, () => timed([bin, "--version"], version, tsxEnv));

  const bare = median(times.bare);
  const row = (label: string, ms: number) => console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / bare).toFixed(2)}×`);
  console.log(`arranque del CLI (mediana de ${RUNS} ejecuciones alternadas; razón sobre node -e 0)`);
  row("node -e 0", bare);
  row("coop-plans --version (paquete)", median(times.version));
  row("coop-plans --help (paquete)", median(times.help));
  row(`coop-plans --version (tsx, ${TSX_RUNS} ejecuciones)`, median(tsx));
  const ratio = median(times.version) / bare;
  const ok = ratio <= MAX_RATIO;
  console.log(`--version: ${ratio.toFixed(2)}× node -e 0 (meta ≤ ${MAX_RATIO}×) ${ok ? "✓" : "✗ fuera de la meta"}`);
  return ok ? 0 : 1;
}

process.exit(main());
