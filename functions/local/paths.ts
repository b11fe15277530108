import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The repository root: the nearest folder, from `start` (default the working directory) upwards,
 * whose package.json is named "coop-plans"; the working directory when none is found.
 */
export function repoRoot(start: string = process.cwd()): string {
  let dir = path.resolve(start);
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "coop-plans") return dir;
      } catch {
        // not ours: keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(start);
    dir = parent;
  }
}

/** Where local mode keeps its state (`.data/` at the repo root), unless `COOP_PLANS_DATA_DIR` says otherwise. */
export function dataDir(): string {
  return process.env.COOP_PLANS_DATA_DIR ? path.resolve(process.env.COOP_PLANS_DATA_DIR) : path.join(repoRoot(), ".data");
}

/** The dev-token signing key file: `<dataDir>/dev-signing-key` (mode 0600). */
export function devKeyPath(dir: string = dataDir()): string {
  return path.join(dir, "dev-signing-key");
}
