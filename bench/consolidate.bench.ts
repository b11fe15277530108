/**
 * Benchmark: the region consolidation route (GET /v1/regions/{code}/consolidation over HTTP, the
 * GSI1 Query, every latest revision read and inflated, `consolidate()`) for 50, 200 and 800
 * cooperatives, each size in its own region, seeded through the store. Prints the median time and
 * the time per cooperative; exits 1 when the time per cooperative at 800 is above 1.5 × that at 50.
 * Run: `npx tsx bench/consolidate.bench.ts`.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Actor } from "@coop-plans/shared/api";
import { Consolidation } from "@coop-plans/shared/consolidate";
import type { Plan, RegionCode } from "@coop-plans/shared/domain";
import { planTotals, planTotalsSummary, validatePlan } from "@coop-plans/shared/rules";
import { countFindings } from "@coop-plans/shared/findings";
import { createStore, type Store } from "../functions/src/store/store";
import { examplePlan, median, ms, startBenchBackend } from "./localBackend";

const SIZES: [number, RegionCode][] = [[50, "01"], [200, "02"], [800, "03"]];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET = 1.5;
const CONCURRENCY = 16;

/** Seeds `count` cooperatives of `region`, each with one saved revision of the example plan. */
async function seed(store: Store, region: RegionCode, count: number, base: Plan): Promise<number> {
  const by: Actor = { sub: "bench", email: "aos.bench@ejemplo.cl", role: "aos" };
  const at = new Date().toISOString();
  let expectedTotal = 0;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const name = `Cooperativa ${region}-${String(i).padStart(4, "0")}`;
      // Vary the money so sums are not trivially the same: line 1's total and Sercotec amount +i pesos.
      const plan: Plan = {
        ...base,
        cooperative: { ...base.cooperative, regionCode: region, name },
        investmentLines: base.investmentLines.map((l, k) => (k === 0 ? { ...l, total: (l.total ?? 0) + i, sercotecAmount: (l.sercotecAmount ?? 0) + i } : l)),
      };
      const findings = validatePlan(plan);
      const id = randomUUID();
      await store.registerCooperative({ id, regionCode: region, name, rut: null, modality: "creacion", callYear: 2025, gestorEmail: null, createdAt: at }, by);
      await store.appendRevision({
        cooperativeId: id, regionCode: region, version: 1, status: "borrador", action: "save", by, at, comment: null,
        totals: planTotalsSummary(planTotals(plan)), counts: countFindings(findings), rulePack: { year: 2025, version: 1 }, content: { json: JSON.stringify({ plan, findings }) },
      });
      expectedTotal += plan.investmentLines.reduce((a, l) => a + (l.total ?? 0), 0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return expectedTotal;
}

async function main(): Promise<number> {
  const backend = await startBenchBackend();
  try {
    const plan = await examplePlan();
    const store = createStore();
    const sercotec = await backend.clientAs({ email: "central.bench@ejemplo.cl", role: "sercotec", regions: "*" });
    const results: { count: number; medianMs: number; perCoop: number }[] = [];
    for (const [count, region] of SIZES) {
      const t0 = performance.now();
      const expectedTotal = await seed(store, region, count, plan);
      const seedMs = performance.now() - t0;
      const first = Consolidation.parse(await sercotec.regionConsolidation(region)); // warm-up, and a check
      if (first.cooperativeCount !== count || first.totals.total !== expectedTotal) {
        throw new Error(`el consolidado de ${count} no cuadra: ${first.cooperativeCount} cooperativas, total ${first.totals.total} ≠ ${expectedTotal}`);
      }
      const times: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const t = performance.now();
        await sercotec.regionConsolidation(region);
        times.push(performance.now() - t);
      }
      const medianMs = median(times);
      results.push({ count, medianMs, perCoop: medianMs / count });
      process.stdout.write(`${String(count).padStart(3)} cooperativas (región ${region}, sembradas en ${(seedMs / 1000).toFixed(1)} s): mediana ${ms(medianMs)}, ${ms(medianMs / count)} por cooperativa (total $${expectedTotal.toLocaleString("es-CL")} cuadra)\n`);
    }
    const ratio = results[2].perCoop / results[0].perCoop;
    process.stdout.write(`tiempo por cooperativa con 800 / con 50: ${ratio.toFixed(2)} (meta ≤ ${TARGET}) → ${ratio <= TARGET ? "CUMPLE" : "NO CUMPLE"}\n`);
    return ratio <= TARGET ? 0 : 1;
  } finally {
    await backend.stop();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`El benchmark falló: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
