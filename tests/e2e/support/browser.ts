import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/** Debian's chromium, driven by playwright-core. */
export const CHROMIUM = "/usr/bin/chromium";

/** Why the browser tests cannot run here (null when they can). */
export function browserSkipReason(): string | null {
  return existsSync(CHROMIUM) ? null : "Debian chromium is not installed (apt-get install -y chromium)";
}

/** A headless chromium with a fresh profile; `close` also deletes the profile. */
export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches headless chromium (no sandbox, no GPU, no background traffic) on a fresh user-data-dir. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "coop-plans-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    viewport: { width: 1400, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
