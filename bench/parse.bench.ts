/**
 * Parse benchmark (`npm run bench`): reading a plan workbook with coop-plans (shared/xlsx grids →
 * shared/workbook parse → shared/rules validate) versus a bare ExcelJS `load` of the same bytes,
 * for generated plans of 50 and 2,000 investment lines (no whole-column validations). Prints both
 * medians (ms) and their ratio; exits 1 when a ratio is above 1.5. Both sides get the same untimed
 * warm-up runs, then alternate (neither always runs on the other's garbage), and each reports the
 * median of its timed runs.
 */
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { parseWorkbook } from "@coop-plans/shared/workbook";
import { validatePlan } from "@coop-plans/shared/rules";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import { creacionPlan, type FixturePlan } from "../tests/fixtures/fixturePlans";
import { writeCleanWorkbook } from "../tests/fixtures/fixtureWorkbook";

const MAX_RATIO = 1.5;
/**
 * Timed runs per side, after untimed warm-up runs of both sides (so the JIT has compiled both
 * ExcelJS and coop-plans before timing). Enough runs that the medians hold on a shared machine.
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function main(): Promise<void> {
  let worst = 0;
  console.log("líneas  ExcelJS load (ms)  coop-plans leer+validar (ms)  razón");
  for (const { lines, warmUp, runs } of SIZES) {
    const bytes = await writeCleanWorkbook(planWithLines(lines));
    const bare = () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ours = async () => {
      const parsed = parseWorkbook(await readWorkbookGrids(bytes));
      if (parsed.plan.investmentLines.length !== lines) throw new Error(`read ${parsed.plan.investmentLines.length} lines, expected ${lines}`);
      return validatePlan(parsed.plan, { asOf: "2026-03-31" });
    };
    for (let i = 0; i < warmUp; i++) {
      await bare();
      await ours();
    }
    const bareTimes: number[] = [];
    const ourTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate the order so neither side always runs on a warmer heap.
      if (i % 2) {
        bareTimes.push(await time(bare));
        ourTimes.push(await time(ours));
      } else {
        ourTimes.push(await time(ours));
        bareTimes.push(await time(bare));
      }
    }
    const b = median(bareTimes);
    const o = median(ourTimes);
    const ratio = o / b;
    worst = Math.max(worst, ratio);
    console.log(`${String(lines).padStart(6)}  ${b.toFixed(1).padStart(17)}  ${o.toFixed(1).padStart(28)}  ${ratio.toFixed(2).padStart(5)}`);
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
