/**
 * Parse benchmark (`npm run bench`, issue 14 item 9): reading a plan workbook as `coop-plans
 * validate` does for each file (shared/xlsx `readWorkbookGrids` → shared/workbook `checkWorkbook`:
 * parse, rules, findings, totals) versus a bare load of the same bytes by the reader in use
 * (SheetJS CE `XLSX.read`, default options), for generated plans of 50 and 2,000 investment lines.
 * Prints both medians (ms) and their ratio, and for reference SheetJS with the reader's own options
 * (dense, styles, formulas); exits 1 when a ratio is above 1.3. All sides get the same untimed
 * warm-up runs, then alternate (none always runs on another's garbage), and each reports the
 * median of its timed runs.
 */
import { performance } from "node:perf_hooks";
import * as XLSX from "@e965/xlsx";
import { checkWorkbook } from "@coop-plans/shared/workbook";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import { creacionPlan, type FixturePlan } from "../tests/fixtures/fixturePlans";
import { writeCleanWorkbook } from "../tests/fixtures/fixtureWorkbook";
import { median } from "./benchStats";

const MAX_RATIO = 1.3;
/**
 * Timed runs per side, after untimed warm-up runs of both sides (so the JIT has compiled both
 * SheetJS and coop-plans before timing). Enough runs that the medians hold on a shared machine.
 */
const SIZES = [
  { lines: 50, warmUp: 8, runs: 51 },
  { lines: 2000, warmUp: 3, runs: 15 },
];

/** The creación plan with its investment lines repeated to `count` lines. */
function planWithLines(count: number): FixturePlan {
  const plan = creacionPlan();
  const base = plan.investmentLines;
  plan.investmentLines = Array.from({ length: count }, (_, i) => ({ ...base[i % base.length], number: i + 1 }));
  return plan;
}


async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function main(): Promise<void> {
  let worst = 0;
  console.log("líneas  SheetJS read (ms)  SheetJS, opciones del lector (ms)  coop-plans leer+validar (ms)  razón");
  for (const { lines, warmUp, runs } of SIZES) {
    const bytes = new Uint8Array(await writeCleanWorkbook(planWithLines(lines)));
    const cases = {
      bare: async () => XLSX.read(bytes, { type: "array" }),
      readerOptions: async () =>
        XLSX.read(bytes, { type: "array", dense: true, cellStyles: true, cellNF: true, sheetStubs: true, cellFormula: true, cellDates: false, cellText: false, cellHTML: false }),
      ours: async () => {
        const checked = checkWorkbook(await readWorkbookGrids(bytes), { asOf: "2026-03-31" });
        if (checked.plan.investmentLines.length !== lines) throw new Error(`read ${checked.plan.investmentLines.length} lines, expected ${lines}`);
        return checked;
      },
    };
    const names = Object.keys(cases) as (keyof typeof cases)[];
    for (let i = 0; i < warmUp; i++) for (const name of names) await cases[name]();
    const times: Record<keyof typeof cases, number[]> = { bare: [], readerOptions: [], ours: [] };
    for (let i = 0; i < runs; i++) {
      // Rotate the order so no side always runs on a warmer heap.
      for (let k = 0; k < names.length; k++) {
        const name = names[(i + k) % names.length];
        times[name].push(await time(cases[name]));
      }
    }
    const b = median(times.bare);
    const r = median(times.readerOptions);
    const o = median(times.ours);
    const ratio = o / b;
    worst = Math.max(worst, ratio);
    console.log(`${String(lines).padStart(6)}  ${b.toFixed(1).padStart(17)}  ${r.toFixed(1).padStart(33)}  ${o.toFixed(1).padStart(28)}  ${ratio.toFixed(2).padStart(5)}`);
  }
  if (worst > MAX_RATIO) {
    console.error(`La razón ${worst.toFixed(2)} supera el máximo de ${MAX_RATIO}.`);
    process.exitCode = 1;
  } else {
    console.log(`Razón máxima ${worst.toFixed(2)} ≤ ${MAX_RATIO}.`);
  }
}

main().catch((error) => {
  console.error(`El benchmark falló: ${(error as Error).message}`);
  process.exitCode = 1;
});
