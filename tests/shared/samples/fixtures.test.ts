/**
 * The generated fixtures of tests/fixtures (make-fixtures.ts): each clean workbook parses to its
 * plan with no error or warning, its messy twin parses to exactly the same plan, and each broken
 * workbook raises its rule where the manifest says.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Finding, Plan } from "@coop-plans/shared/domain";
import { parseWorkbook } from "@coop-plans/shared/workbook";
import { validatePlan } from "@coop-plans/shared/rules";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import { describeFinding, findingMatches, planDifferences } from "./planComparison";

const fixtures = path.resolve(__dirname, "../../fixtures");
const AS_OF = "2026-03-31";

async function run(rel: string, asOf = AS_OF): Promise<{ plan: Plan; findings: Finding[] }> {
  const parsed = parseWorkbook(await readWorkbookGrids(readFileSync(path.join(fixtures, rel))));
  return { plan: parsed.plan, findings: [...parsed.findings, ...validatePlan(parsed.plan, { asOf })] };
}

/** The plan's content without where it came from (`source`, `sheets`, a TOTAL row's cells): what two workbooks of the same plan share. */
function content(plan: Plan): unknown {
  const { cooperative, members, milestones, actions, investmentLines, results, followUp } = plan;
  return JSON.parse(
    JSON.stringify({ cooperative, members, milestones, actions, investmentLines, results, followUp }, (key, value) =>
      key === "source" ? undefined : value,
    ),
  );
}

describe.each(["creacion", "fortalecimiento"])("fixtures of %s", (modality) => {
  let clean: { plan: Plan; findings: Finding[] };
  let messy: { plan: Plan; findings: Finding[] };
  beforeAll(async () => {
    clean = await run(`clean_${modality}.xlsx`);
    messy = await run(`messy_${modality}.xlsx`);
  });

  it("the clean workbook parses to its plan", () => {
    const expected = JSON.parse(readFileSync(path.join(fixtures, `clean_${modality}.expected.json`), "utf8")) as { plan: unknown };
    expect(planDifferences(expected.plan, clean.plan)).toEqual([]);
  });

  it("the clean workbook has no error and no warning", () => {
    expect(clean.findings.filter((f) => f.severity !== "info").map(describeFinding)).toEqual([]);
  });

  it("the messy twin parses to exactly the same plan as the clean one", () => {
    expect(content(messy.plan)).toEqual(content(clean.plan));
  });

  it("the messy twin has no error and no warning (notices allowed)", () => {
    expect(messy.findings.filter((f) => f.severity !== "info").map(describeFinding)).toEqual([]);
  });
});

interface ManifestEntry {
  file: string;
  rule: string;
  severity: "error" | "warning";
  sheet: string;
  cells?: string[];
  /** Other rule ids that report the same fault (the parser refuses some values before the rules see them). */
  alsoAcceptedRules?: string[];
  asOf?: string;
  note: string;
}

const manifest = JSON.parse(readFileSync(path.join(fixtures, "broken/manifest.json"), "utf8")) as ManifestEntry[];

describe("broken fixtures: one per rule", () => {
  it.each(manifest.map((m) => [m.rule, m] as const))("%s is raised where expected", async (_rule, m) => {
    const { findings } = await run(`broken/${m.file}`, m.asOf ?? AS_OF);
    const [cell, ...alsoAcceptedCells] = m.cells ?? [];
    const wanted = { rule: m.rule, severity: m.severity, sheet: m.sheet, cell, alsoAcceptedCells };
    const hit = [m.rule, ...(m.alsoAcceptedRules ?? [])].some((rule) => findings.some((f) => findingMatches({ ...wanted, rule }, f)));
    expect({ note: m.note, hit, findings: hit ? [] : findings.map(describeFinding) }).toEqual({ note: m.note, hit: true, findings: [] });
  });
});
