/**
 * Batch benchmark (`npm run bench`, issue 14 item 9): `coop-plans validate` over 60 workbooks in
 * one call (the bundled bin, as `npm ci` leaves it, stdout piped: no progress bar) against what
 * cannot be avoided: one Node process that loads the reader in use (SheetJS CE, `@e965/xlsx`) and
 * reads the same 60 files with it, bare (`XLSX.read`, default options, nothing else). Both are
 * spawned as processes and alternated; medians of the timed runs in ms. The 60 files are the
 * creación and fortalecimiento fixtures at 6 to 120 investment lines, written once to a temporary
 * folder (most exceed the Sercotec cap, one finding each). Exits 1 when validate takes more than 2× the bare process.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { repoRoot } from "../functions/local/paths";
import { creacionPlan, type FixturePlan } from "../tests/fixtures/fixturePlans";
import { writeCleanWorkbook } from "../tests/fixtures/fixtureWorkbook";
import { ensureCliBundle, median } from "./benchStats";

const FILES = 60;
const MAX_RATIO = 2;
const WARM_UP = 1;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const root = repoRoot();
const bin = path.join(root, "cli/bin/coop-plans.mjs");


/** The creación plan with `count` investment lines (its own lines repeated), named `name`. */
function planWith(count: number, name: string): FixturePlan {
  const plan = creacionPlan();
  const base = plan.investmentLines;
  plan.investmentLines = Array.from({ length: count }, (_, i) => ({ ...base[i % base.length], number: i + 1 }));
  plan.cooperative = { ...plan.cooperative, name };
  return plan;
}

/** The bare side: one process loading SheetJS and reading every file with it, nothing else. */
const BARE = `
import { readFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
let sheets = 0;
for (const file of process.argv.slice(1)) sheets += XLSX.read(readFileSync(file), { type: "buffer" }).SheetNames.length;
process.stdout.write(String(sheets));
`;

/** Wall time (ms) of one process; throws when its output is not what was expected. */
function timed(args: string[], check: (stdout: string, status: number | null) => boolean): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (!check(run.stdout, run.status)) throw new Error(`node ${args.slice(0, 3).join(" ")} … → código ${run.status}: ${run.stdout.slice(-400)}${run.stderr.slice(-400)}`);
  return ms;
}

async function main(): Promise<number> {
  if (!ensureCliBundle(root)) return 2;
  const dir = mkdtempSync(path.join(tmpdir(), "coop-plans-batch-bench-"));
  try {
    const files: string[] = [];
    for (let i = 0; i < FILES; i++) {
      const lines = 6 + ((i * 19) % 115);
      const file = path.join(dir, `plan-${String(i + 1).padStart(2, "0")}.xlsx`);
      writeFileSync(file, await writeCleanWorkbook(planWith(lines, `Cooperativa de prueba ${i + 1}`)));
      files.push(file);
    }
    // Past a few lines the repeated lines exceed the modality's cap (INV-005): exit 1, every file read.
    const summary = new RegExp(`\n${FILES} archivos: \\d+ sin errores, \\d+ con errores, 0 sin leer \\(código [01]\\)\\.\n$`);
    const cases = {
      bare: () => timed(["--input-type=module", "-e", BARE, ...files], (out, status) => status === 0 && Number(out) > FILES),
      validate: () => timed([bin, "validate", "--as-of", "2026-03-31", ...files], (out, status) => (status === 0 || status === 1) && summary.test(out)),
      node: () => timed(["-e", "0"], (_out, status) => status === 0),
    };
    const times: Record<keyof typeof cases, number[]> = { bare: [], validate: [], node: [] };
    for (let i = 0; i < WARM_UP + RUNS; i++) {
      const order = (i % 2 ? ["validate", "bare", "node"] : ["bare", "node", "validate"]) as (keyof typeof cases)[];
      for (const name of order) {
        const ms = cases[name]();
        if (i >= WARM_UP) times[name].push(ms);
      }
    }
    const bare = median(times.bare);
    const node = median(times.node);
    const validate = median(times.validate);
    const ratio = validate / bare;
    const row = (label: string, ms: number) => console.log(`${label.padEnd(58)} ${ms.toFixed(0).padStart(6)} ms`);
    console.log(`${FILES} libros de 6 a 120 líneas de inversión (mediana de ${RUNS} ejecuciones alternadas)`);
    row("node -e 0", node);
    row(`node + SheetJS: XLSX.read de los ${FILES} archivos (un proceso)`, bare);
    row(`coop-plans validate de los ${FILES} archivos (un proceso)`, validate);
    row("  por archivo, sobre el arranque de Node", (validate - node) / FILES);
    row("  lectura SheetJS por archivo, sobre el arranque de Node", (bare - node) / FILES);
    const ok = ratio <= MAX_RATIO;
    console.log(`validate: ${ratio.toFixed(2)}× la lectura SheetJS + un arranque de Node (meta ≤ ${MAX_RATIO}×) ${ok ? "✓" : "✗ fuera de la meta"}`);
    return ok ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`El benchmark falló: ${(error as Error).message}`);
    process.exit(2);
  },
);
