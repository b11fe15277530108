import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const depcruise = path.join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
const config = path.join(root, ".dependency-cruiser.cjs");

type Violation = { from: string; to: string; rule: { name: string } };

function cruise(cwd: string, dirs: string[]): Violation[] {
  const run = spawnSync(process.execPath, [depcruise, "--config", config, "--output-type", "json", ...dirs], { cwd, encoding: "utf8" });
  const out = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  return out.summary.violations;
}

describe("layering rules (dependency-cruiser)", () => {
  const fixture = path.join(root, "tests/fixtures/layering");
  const violations = cruise(fixture, ["shared", "functions", "addin", "cli"]);
  const pairs = violations.map((v) => `${v.rule.name} ${v.from}`).sort();

  it("fire on each deliberately bad import, and only there", () => {
    expect(pairs).toEqual([
      "addin-no-backend addin/src/ui/importsBackend.ts",
      "core-is-pure shared/domain/importsExceljs.ts",
      "core-no-node-builtins shared/domain/importsNodeFs.ts",
      "only-store-imports-aws-sdk functions/src/handlers/importsSdk.ts",
      "only-xlsx-imports-exceljs cli/src/importsExceljs.ts",
      "only-xlsx-imports-exceljs shared/domain/importsExceljs.ts",
      "use-cases-no-http functions/src/plans/importsHttp.ts",
    ]);
  });

  it("pass on the real tree", () => {
    const real = cruise(root, ["shared", "functions", "addin", "cli", "infra"].filter((d) => readdirSync(path.join(root, d)).length > 0));
    expect(real).toEqual([]);
  });
});

describe("Office.js globals stay in addin/src/excel", () => {
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const p = path.join(dir, name);
      if (name === "node_modules" || name === "dist") return [];
      if (statSync(p).isDirectory()) return sources(p);
      return /\.(ts|tsx)$/.test(name) ? [p] : [];
    });
  }
  const officeUse = /\b(Excel|Office)\.(run|context|onReady|RequestContext|Range|Worksheet|ChartType|ErrorCodes|HostType)\b/;

  it("no file outside addin/src/excel calls Excel.* or Office.*", () => {
    const offenders = ["shared", "functions", "addin/src", "cli", "infra"]
      .flatMap((d) => sources(path.join(root, d)))
      .filter((f) => !f.includes(`${path.sep}addin${path.sep}src${path.sep}excel${path.sep}`))
      .filter((f) => officeUse.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
  });

  it("the check itself catches a use of Excel.run", () => {
    expect(officeUse.test("await Excel.run(async (context) => {})")).toBe(true);
  });
});
