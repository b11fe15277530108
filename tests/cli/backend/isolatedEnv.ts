import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** Environment variables through which a developer's own session could leak into a test. */
const LEAKY = ["HOME", "COOP_PLANS_DATA_DIR", "COOP_PLANS_TOKEN", "COOP_PLANS_TOKEN_FILE", "COOP_PLANS_API"] as const;

/** A temporary home and data folder for CLI tests, and how to undo it. */
export interface IsolatedCliEnv {
  /** The temporary root (removed by `restore`). */
  root: string;
  /** `COOP_PLANS_DATA_DIR` while isolated (the CLI's `.data/`: dev key, local token). */
  dataDir: string;
  /** `HOME` while isolated (`~/.coop-plans/token` of a remote API). */
  home: string;
  restore(): void;
}

/**
 * Points the CLI away from the developer's state: `HOME` and `COOP_PLANS_DATA_DIR` to fresh
 * temporary folders, and `COOP_PLANS_TOKEN`, `COOP_PLANS_TOKEN_FILE`, `COOP_PLANS_API` unset, so
 * that neither `<repo>/.data/cli-token` (written by `coop-plans login --dev`) nor
 * `~/.coop-plans/token` is ever read or written. Child processes started afterwards inherit it.
 */
export function isolateCliEnvironment(): IsolatedCliEnv {
  const saved = Object.fromEntries(LEAKY.map((name) => [name, process.env[name]]));
  const root = mkdtempSync(path.join(tmpdir(), "coop-cli-env-"));
  const dataDir = path.join(root, "data");
  const home = path.join(root, "home");
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(home, { recursive: true });
  for (const name of LEAKY) delete process.env[name];
  process.env.HOME = home;
  process.env.COOP_PLANS_DATA_DIR = dataDir;
  return {
    root, dataDir, home,
    restore() {
      for (const name of LEAKY) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
