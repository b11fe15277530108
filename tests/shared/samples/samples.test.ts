/**
 * Every workbook of ../shared/samples (written by openpyxl, not by us) parses to its expected plan
 * and findings: read with shared/xlsx, parsed with shared/workbook, validated with shared/rules,
 * the findings combined as the CLI and the add-in show them (combineFindings).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Finding, Plan } from "@coop-plans/shared/domain";
import { combineFindings, parseWorkbook } from "@coop-plans/shared/workbook";
import { validatePlan } from "@coop-plans/shared/rules";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import { type ExpectedFinding, describeFinding, findingMatches, planDifferences } from "./planComparison";

const repoRoot = path.resolve(__dirname, "../../..");
const samplesDir = path.resolve(repoRoot, "../shared/samples");
const present = existsSync(samplesDir);

interface Expected {
  expect: "ok" | "errors";
  findings: ExpectedFinding[];
  plan: Record<string, unknown>;
}

/** A date after every sample's execution period, so time-dependent rules are settled. */
const AS_OF = "2026-03-31";

async function run(file: string): Promise<{ plan: Plan; findings: Finding[] }> {
  const grids = await readWorkbookGrids(readFileSync(path.join(samplesDir, file)));
  const parsed = parseWorkbook(grids);
  return { plan: parsed.plan, findings: combineFindings(parsed.findings, validatePlan(parsed.plan, { asOf: AS_OF })) };
}

if (!present) {
  // eslint-disable-next-line no-console
  console.warn(`../shared/samples no está: ${samplesDir} no existe en este clon; las pruebas de las muestras se omiten.`);
  describe.skip(`../shared/samples no está: ${samplesDir} no existe en este clon (se omiten)`, () => {
    it("compara cada muestra con su plan esperado", () => undefined);
  });
} else {
  const files = readdirSync(samplesDir).filter((f) => f.endsWith(".xlsx")).sort();

  describe("samples of ../shared/samples", () => {
    it("are there", () => expect(files.length).toBeGreaterThanOrEqual(5));

    describe.each(files)("%s", (file) => {
      const expected = JSON.parse(readFileSync(path.join(samplesDir, file.replace(/\.xlsx$/, ".expected.json")), "utf8")) as Expected;
      let result: { plan: Plan; findings: Finding[] };
      beforeAll(async () => {
        result = await run(file);
      });

      it("parses to the expected plan, value by value", () => {
        expect(planDifferences(expected.plan, result.plan)).toEqual([]);
      });

      it(expected.expect === "ok" ? "has no error and no warning" : `has exactly its ${expected.findings.length} findings`, () => {
        const blocking = result.findings.filter((f) => f.severity !== "info");
        const unmatched = expected.findings.filter((e) => !blocking.some((f) => findingMatches(e, f)));
        const unexpected = blocking.filter((f) => !expected.findings.some((e) => findingMatches(e, f)));
        expect({ missing: unmatched, unexpected: unexpected.map(describeFinding) }).toEqual({ missing: [], unexpected: [] });
      });
    });
  });
}
