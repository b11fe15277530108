/**
 * The progress bar of a batch (issue 14 item 9): on a terminal, `validate` over several files
 * draws «Validando [███░░░] n/N · archivo» under the per-file reports, each report printed as its
 * file finishes; never with --json, never when stdout is not a terminal, never for one file.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runCli } from "../../cli/src/program";
import { COMMANDS } from "../../cli/src/main";
import { batchProgress } from "../../cli/src/progress";

const root = path.resolve(__dirname, "../..");
const CLEAN = path.join(root, "tests/fixtures/clean_creacion.xlsx");
const BROKEN = path.join(root, "tests/fixtures/broken/INV-001.xlsx");
const MESSY = path.join(root, "tests/fixtures/messy_creacion.xlsx");

/** What a terminal receives, and the text once the cursor movements and line clears are played out crudely. */
function fakeTerminal(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = { isTTY, columns: 100, write: (chunk: string) => (chunks.push(chunk), true) };
  // Plain text: a return to column 1 or a line clear starts a new line, other escapes are dropped.
  const plain = () => chunks.join("").replace(/\x1b\[(1G|2K|0K)/g, "\n").replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\x1b[78]/g, "").replace(/\n{2,}/g, "\n");
  return { stream, raw: () => chunks.join(""), plain };
}

async function validateOn(terminal: ReturnType<typeof fakeTerminal>, args: string[]) {
  const stderr: string[] = [];
  const io = { stdout: (t: string) => void terminal.stream.write(t), stderr: (t: string) => void stderr.push(t), terminal: terminal.stream };
  const code = await runCli(COMMANDS, ["node", "coop-plans", "validate", "--as-of", "2026-03-31", ...args], io);
  return { code, stderr: stderr.join("") };
}

/** The bar states drawn, in order (`Validando [...] n/N · file`). */
function barLines(plain: string): string[] {
  return [...plain.matchAll(/Validando \[[█░]+\] \d+\/\d+[^\n]*?(?=Validando|\n|$)/g)].map((m) => m[0].trimEnd());
}

describe("validate's progress bar", () => {
  it("on a terminal, counts the files under the reports printed as each file finishes", async () => {
    const terminal = fakeTerminal(true);
    const { code } = await validateOn(terminal, [CLEAN, BROKEN, MESSY]);
    expect(code).toBe(1);
    const plain = terminal.plain();
    const bars = barLines(plain);
    // Each file is named while it is read; the bar advances by a third (24 cells) after each.
    expect(bars).toContain("Validando [░░░░░░░░░░░░░░░░░░░░░░░░] 0/3 · clean_creacion.xlsx");
    expect(bars).toContain("Validando [████████░░░░░░░░░░░░░░░░] 1/3 · INV-001.xlsx");
    expect(bars).toContain("Validando [████████████████░░░░░░░░] 2/3 · messy_creacion.xlsx");
    expect(bars).toContain("Validando [████████████████████████] 3/3");
    // The first report is on the terminal while the second file is read (before the bar reaches 2/3).
    expect(plain.indexOf(`${CLEAN}\n`)).toBeGreaterThan(plain.indexOf("1/3 · INV-001.xlsx"));
    expect(plain.indexOf(`${CLEAN}\n`)).toBeLessThan(plain.indexOf("2/3"));
    // Reports are printed whole: line wrapping is never turned off (a long finding wraps, not cut at 100 columns).
    expect(terminal.raw()).not.toContain("\x1b[?7l");
    expect(plain).toContain("La línea N° 3: cantidad × valor unitario = 8 × $51.000 = $408.000, pero el total neto dice $400.000.");
    // The bar is cleared (clearOnComplete) before the batch summary, which ends the output.
    expect(plain.trimEnd().endsWith("3 archivos: 2 sin errores, 1 con errores, 0 sin leer (código 1).")).toBe(true);
    // The cursor is shown again.
    expect(terminal.raw().endsWith("\x1b[?25h") || terminal.raw().includes("\x1b[?25h")).toBe(true);
  }, 60_000);

  it("draws nothing with --json: stdout is exactly the JSON array", async () => {
    const terminal = fakeTerminal(true);
    const { code } = await validateOn(terminal, ["--json", CLEAN, BROKEN]);
    expect(code).toBe(1);
    expect(terminal.raw()).not.toContain("Validando");
    const reports = JSON.parse(terminal.raw()) as { file: string }[];
    expect(reports.map((r) => r.file)).toEqual([CLEAN, BROKEN]);
  }, 60_000);

  it("draws nothing when stdout is not a terminal, or for a single file", async () => {
    const piped = fakeTerminal(false);
    await validateOn(piped, [CLEAN, BROKEN]);
    expect(piped.raw()).not.toContain("Validando");
    expect(piped.raw()).not.toContain("\x1b[");
    expect(piped.raw()).toContain("2 archivos: 1 sin errores, 1 con errores, 0 sin leer (código 1).");
    const one = fakeTerminal(true);
    await validateOn(one, [CLEAN]);
    expect(one.raw()).not.toContain("Validando");
  }, 60_000);

  it("batchProgress.track names each file and advances once per settled call, even a failed one", async () => {
    const terminal = fakeTerminal(true);
    const bar = batchProgress("Sincronizando", 2, { stream: terminal.stream });
    const run = bar.track(async (file: string) => {
      if (file.endsWith("b.xlsx")) throw new Error("falló");
      return file;
    });
    await run("/x/a.xlsx");
    await expect(run("/x/b.xlsx")).rejects.toThrow("falló");
    bar.stop();
    const plain = terminal.plain();
    expect(plain).toContain("Sincronizando [░░░░░░░░░░░░░░░░░░░░░░░░] 0/2 · a.xlsx");
    expect(plain).toContain("Sincronizando [████████████░░░░░░░░░░░░] 1/2 · b.xlsx");
    expect(plain).toContain("Sincronizando [████████████████████████] 2/2");
  });
});

describe("consolidate FILE…'s progress bar", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "coop-plans-progress-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("on a terminal, counts the e-mailed workbooks as they are read, then prints the consolidation", async () => {
    const emailed = ["apicola_itata.xlsx", "mariscadoras_corral.xlsx", "murta_llanquihue.xlsx"].map((f) => path.join(root, "tests/fixtures/emailed", f));
    const terminal = fakeTerminal(true);
    const out = path.join(dir, "consolidado.xlsx");
    const io = { stdout: (t: string) => void terminal.stream.write(t), stderr: () => undefined, terminal: terminal.stream };
    const code = await runCli(COMMANDS, ["node", "coop-plans", "consolidate", "--as-of", "2026-03-31", "-o", out, ...emailed], io);
    expect(code).toBe(0);
    const plain = terminal.plain();
    expect(plain).toContain("Consolidando [░░░░░░░░░░░░░░░░░░░░░░░░] 0/3 · apicola_itata.xlsx");
    expect(plain).toContain("Consolidando [████████████████░░░░░░░░] 2/3 · murta_llanquihue.xlsx");
    expect(plain).toContain("Consolidando [████████████████████████] 3/3");
    expect(plain.trimEnd().endsWith(`Escrito ${out}.`)).toBe(true);
    // Piped: the same report, no bar.
    const piped = fakeTerminal(false);
    await runCli(COMMANDS, ["node", "coop-plans", "consolidate", "--as-of", "2026-03-31", "-o", out, "--force", ...emailed], { ...io, stdout: (t: string) => void piped.stream.write(t), terminal: piped.stream });
    expect(piped.raw()).not.toContain("Consolidando [");
    expect(piped.raw()).toContain(`Escrito ${out}.`);
  }, 60_000);
});

describe("the coop-plans binary on a real terminal", () => {
  const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;
  (hasScript ? it : it.skip)("draws the bar in a pseudo-terminal, and none when piped", () => {
    const bin = path.join(root, "cli/bin/coop-plans.mjs");
    const args = ["validate", "--as-of", "2026-03-31", CLEAN, BROKEN];
    const quoted = [process.execPath, bin, ...args].map((a) => `'${a}'`).join(" ");
    const tty = spawnSync("script", ["-qec", quoted, "/dev/null"], { cwd: root, encoding: "utf8", timeout: 90_000, env: { ...process.env, COLUMNS: "100" } });
    expect(tty.status).toBe(1);
    expect(tty.stdout).toMatch(/Validando \[[█░]+\] 1\/2/);
    expect(tty.stdout).toContain("2 archivos: 1 sin errores, 1 con errores, 0 sin leer (código 1).");
    const piped = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", timeout: 90_000 });
    expect(piped.status).toBe(1);
    expect(piped.stdout).not.toContain("Validando");
  }, 120_000);
});
