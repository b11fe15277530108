/**
 * Runs every benchmark, one after the other, each in its own process (so one's DynamoDB Local or
 * heap does not skew the next), and exits with the highest exit code (1 = a target missed,
 * 2 = a benchmark could not run). Run: `npx tsx bench/run-all.ts`.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { repoRoot } from "../functions/local/paths";

const BENCHES = ["cliStart.bench.ts", "parse.bench.ts", "batch.bench.ts", "sync.bench.ts", "consolidate.bench.ts", "requestSize.bench.ts"];

function main(): number {
  const root = repoRoot();
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  let worst = 0;
  for (const bench of BENCHES) {
    process.stdout.write(`\n== bench/${bench}\n`);
    const run = spawnSync(tsx, [path.join(root, "bench", bench)], { cwd: root, stdio: "inherit" });
    const code = run.status ?? 2;
    if (code !== 0) process.stdout.write(`(bench/${bench} terminó con código ${code})\n`);
    worst = Math.max(worst, code);
  }
  return worst;
}

process.exit(main());
