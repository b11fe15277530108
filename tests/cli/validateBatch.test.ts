/**
 * A batch never lost to one file (issue «The reader», item 5): the `coop-plans` binary validates
 * each file in a worker with a time budget. A named pipe nobody writes to stands for a file that
 * never finishes reading: it must end in its own Spanish report (exit 2) while the other files are
 * reported, each as soon as it is done; `--json` stays one array.
 */
import { spawn } from "node:child_process";
import { execFileSync } from "node:child_process";
import { mkdtempSync, openSync, closeSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "cli/bin/coop-plans.mjs");
const CLEAN = "tests/fixtures/clean_creacion.xlsx";
const BROKEN = "tests/fixtures/broken/INV-001.xlsx";
const TOO_SLOW = "tardó más de 3 s en leerse";

interface Run {
  code: number | null;
  stdout: string;
  /** stdout as it was when each chunk arrived. */
  seen: string[];
}

/** Runs the bin; once the pipe's report is out, writes to the pipe so the abandoned read can end. */
function runBin(args: string[], fifo: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, COOP_PLANS_FILE_TIMEOUT_S: "3" },
    });
    let stdout = "";
    const seen: string[] = [];
    let released = false;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      seen.push(stdout);
      if (!released && /too-slow|tardó más de/.test(stdout)) {
        released = true;
        closeSync(openSync(fifo, "w"));
      }
    });
    child.on("close", (code) => resolve({ code, stdout, seen }));
  });
}

describe("validate: one slow file never sinks the batch", () => {
  let dir: string;
  let fifo: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "coop-plans-batch-"));
    fifo = path.join(dir, "nunca-termina.xlsx");
    execFileSync("mkfifo", [fifo]);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reports the slow file in Spanish (exit 2), the others in full, each as it finishes", async () => {
    const run = await runBin(["validate", "--as-of", "2026-03-31", CLEAN, fifo, BROKEN], fifo);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`${fifo}\n  El archivo ${TOO_SLOW} y se dejó de lado.`);
    expect(run.stdout).toContain("Resumen: archivo no leído (código 2).");
    expect(run.stdout).toContain("INV-001");
    expect(run.stdout).toContain("3 archivos: 1 sin errores, 1 con errores, 1 sin leer (código 2).");
    // The clean file's report was printed before the slow file's budget ran out.
    const cleanSeen = run.seen.find((s) => s.includes("clean_creacion.xlsx") && s.includes("Resumen:"));
    expect(cleanSeen).toBeDefined();
    expect(cleanSeen).not.toContain(TOO_SLOW);
    expect(run.stdout.indexOf(CLEAN)).toBeLessThan(run.stdout.indexOf(fifo));
    expect(run.stdout.indexOf(fifo)).toBeLessThan(run.stdout.indexOf(BROKEN));
  }, 120_000);

  it("keeps --json one array with every file, the slow one as an error entry", async () => {
    const run = await runBin(["validate", "--json", "--as-of", "2026-03-31", fifo, CLEAN], fifo);
    expect(run.code).toBe(2);
    const reports = JSON.parse(run.stdout) as { file: string; exitCode: number; error?: { code: string; message: string } }[];
    expect(reports.map((r) => [r.file, r.exitCode])).toEqual([
      [fifo, 2],
      [CLEAN, 0],
    ]);
    expect(reports[0].error).toEqual({ code: "too-slow", message: expect.stringContaining(TOO_SLOW) });
  }, 120_000);

  it("consolidate FILE… runs each file in the same worker: the slow file is listed unread (exit 2), the others consolidated", async () => {
    const out = path.join(dir, "consolidado.xlsx");
    const emailed = "tests/fixtures/emailed/apicola_itata.xlsx";
    const run = await runBin(["consolidate", "--as-of", "2026-03-31", emailed, fifo, "-o", out], fifo);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("Archivos consolidados (1):");
    expect(run.stdout).toContain(`No se pudieron leer (1; no se cuentan):\n  ${fifo}: El archivo ${TOO_SLOW} y se dejó de lado.`);
    expect(run.stdout).toContain(`Escrito ${out}.`);
  }, 120_000);
});
