/**
 * What the benchmarks share: the median of timed runs, and the CLI bundle they time (built first
 * when cli/dist/ is missing or older than its sources, as `npm ci` would leave it).
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

/** Median of a list of numbers (mean of the middle two for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Builds cli/dist/ when it is missing or stale; false when the build failed. */
export function ensureCliBundle(root: string): boolean {
  const { bundleIsFresh } = createRequire(import.meta.url)("../cli/bin/bundleFreshness.cjs") as { bundleIsFresh(root: string): boolean };
  if (bundleIsFresh(root)) return true;
  console.log("(el paquete de cli/dist/ falta o es anterior a las fuentes: se construye)");
  return spawnSync(process.execPath, [path.join(root, "cli/scripts/bundle.mjs")], { cwd: root, stdio: "inherit" }).status === 0;
}
