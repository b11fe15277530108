import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "../../../functions/local/dynamodbLocal";

/** The repository root. */
export const ROOT = path.resolve(__dirname, "../../..");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds the task pane with vite (OFFICE_JS=local, NODE_ENV=production: the React and Fluent code
 * users get, not their development builds, which jest's NODE_ENV=test would select) unless this
 * function's own marker, addin/dist/.e2e-build, is newer than every file of addin/src,
 * addin/*.html and shared/ (so two e2e files in one run build once; any other build empties
 * addin/dist and so removes the marker). Throws with vite's stderr when the build fails.
 */
export function buildPane(): void {
  const marker = path.join(ROOT, "addin/dist/.e2e-build");
  const sources = Math.max(
    newestMtime(path.join(ROOT, "addin/src")), newestMtime(path.join(ROOT, "shared")),
    ...["preview.html", "taskpane.html", "auth-dialog.html", "vite.config.mts"].map((f) => statSync(path.join(ROOT, "addin", f)).mtimeMs),
  );
  if (existsSync(marker) && statSync(marker).mtimeMs > sources) return;
  const built = spawnSync(path.join(ROOT, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"], {
    cwd: path.join(ROOT, "addin"), env: { ...process.env, OFFICE_JS: "local", NODE_ENV: "production" }, encoding: "utf8",
  });
  if (built.status !== 0) throw new Error(`vite build failed:\n${built.stderr}`);
  writeFileSync(marker, "OFFICE_JS=local NODE_ENV=production\n");
}

/** The built pane served by addin/serve.ts on a free port of 127.0.0.1. */
export interface PaneServer {
  /** `http://127.0.0.1:<port>`: also the Origin the pane's API calls carry. */
  url: string;
  stop(): void;
}

/** Starts addin/serve.ts (through tsx) on a free port and resolves with its URL. */
export async function startPaneServer(): Promise<PaneServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "addin/serve.ts"), "--port", String(port)], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(d.toString());
      if (m) resolve(m[1]);
    });
    child.stderr!.on("data", (d: Buffer) => reject(new Error(d.toString())));
    child.once("exit", (code) => reject(new Error(`serve.ts exited with ${code}`)));
  });
  return { url, stop: () => void child.kill() };
}
