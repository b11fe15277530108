import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
// CommonJS on purpose: the ESM bin, the bench and this test load the same file as it is.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundleIsFresh } = require("../../cli/bin/bundleFreshness.cjs") as { bundleIsFresh(root: string): boolean };

describe("bundleIsFresh (which of bundle or tsx the bin runs)", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "coop-plans-fresh-"));
    mkdirSync(path.join(dir, "cli/dist"), { recursive: true });
    mkdirSync(path.join(dir, "cli/src"), { recursive: true });
    writeFileSync(path.join(dir, "cli/src/main.ts"), "");
    writeFileSync(path.join(dir, "cli/dist/inputs.json"), JSON.stringify({ inputs: ["cli/src/main.ts"] }));
    writeFileSync(path.join(dir, "cli/dist/main.mjs"), "");
    const past = new Date("2026-01-01T00:00:00Z");
    const later = new Date("2026-01-02T00:00:00Z");
    utimesSync(path.join(dir, "cli/src/main.ts"), past, past);
    utimesSync(path.join(dir, "cli/dist/main.mjs"), later, later);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("is fresh when every listed source is older than the bundle", () => {
    expect(bundleIsFresh(dir)).toBe(true);
  });

  it("is stale when a source was edited after the build", () => {
    const after = new Date("2026-01-03T00:00:00Z");
    utimesSync(path.join(dir, "cli/src/main.ts"), after, after);
    expect(bundleIsFresh(dir)).toBe(false);
  });

  it("is stale when a listed source is gone, or when there is no bundle or list", () => {
    rmSync(path.join(dir, "cli/src/main.ts"));
    expect(bundleIsFresh(dir)).toBe(false);
    expect(bundleIsFresh(path.join(dir, "nowhere"))).toBe(false);
  });
});

describe("the esbuild bundle of the CLI (cli/scripts/bundle.mjs)", () => {
  let out: string;
  beforeAll(() => {
    out = path.join(mkdtempSync(path.join(os.tmpdir(), "coop-plans-bundle-")), "dist");
    const build = spawnSync(process.execPath, ["cli/scripts/bundle.mjs", "--outdir", out], { cwd: root, encoding: "utf8", timeout: 120_000 });
    if (build.status !== 0) throw new Error(`bundle.mjs failed: ${build.stdout}${build.stderr}`);
  }, 120_000);
  afterAll(() => rmSync(path.dirname(out), { recursive: true, force: true }));

  function runBundle(args: string[]) {
    const script = `const m = await import(${JSON.stringify(path.join(out, "main.mjs"))}); m.runAsProcess(${JSON.stringify(["node", "coop-plans", ...args])});`;
    return spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8", timeout: 60_000 });
  }

  it("lists the sources it was built from, relative to the repository", () => {
    const { inputs } = JSON.parse(readFileSync(path.join(out, "inputs.json"), "utf8")) as { inputs: string[] };
    expect(inputs).toContain("cli/src/main.ts");
    expect(inputs).toContain("shared/xlsx/readWorkbook.ts");
    expect(inputs.some((file) => file.includes("node_modules"))).toBe(false);
  });

  it("keeps exceljs out of the start-up chunk (it is loaded on the first workbook read or write)", () => {
    const meta = JSON.parse(readFileSync(path.join(out, "meta.json"), "utf8")) as {
      outputs: Record<string, { inputs: Record<string, unknown>; entryPoint?: string; imports?: { path: string; kind: string }[] }>;
    };
    const entry = Object.values(meta.outputs).find((o) => o.entryPoint === "cli/src/main.ts");
    expect(entry).toBeDefined();
    // The start-up path: the entry chunk and the chunks it imports statically (shared with the
    // validate worker's entry), never those loaded with import().
    const startup = [entry!];
    for (let i = 0; i < startup.length; i++) {
      for (const imported of startup[i].imports ?? []) {
        const chunk = meta.outputs[imported.path];
        if (imported.kind === "import-statement" && chunk && !startup.includes(chunk)) startup.push(chunk);
      }
    }
    const packages = startup.flatMap((o) => Object.keys(o.inputs)).filter((f) => f.includes("node_modules/"));
    expect(packages.some((f) => f.includes("node_modules/exceljs/"))).toBe(false);
    expect(packages.some((f) => f.includes("node_modules/commander/"))).toBe(true);
  });

  it("validates a workbook from the bundle (the exceljs chunk loaded on demand)", () => {
    const args = ["validate", "--as-of", "2026-03-31", "tests/fixtures/broken/INV-001.xlsx"];
    const bundled = runBundle(args);
    expect(bundled.status).toBe(1);
    expect(bundled.stdout).toContain("INV-001  Plan de Inversiones!I4");
    expect(bundled.stderr).toBe("");
  }, 60_000);

  it("prints the version", () => {
    const run = runBundle(["--version"]);
    expect(run.stdout).toBe("0.1.0\n");
    expect(run.status).toBe(0);
  }, 60_000);
});
