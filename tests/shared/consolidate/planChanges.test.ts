import { readFileSync } from "node:fs";
import path from "node:path";
import type { Plan } from "@coop-plans/shared/domain";
import { planChanges, planChangesText } from "@coop-plans/shared/consolidate";
import { parseWorkbook } from "@coop-plans/shared/workbook";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";

// What the AOS sees before deciding (issue 12, item 5): the lines and totals that changed since
// the last submitted or approved revision, lines paired by N°, then by ítem and description.

let base: Plan;
beforeAll(async () => {
  const file = path.resolve(__dirname, "../../fixtures/emailed/mariscadoras_corral.xlsx");
  base = parseWorkbook(await readWorkbookGrids(new Uint8Array(readFileSync(file)))).plan;
});

const clone = (p: Plan): Plan => JSON.parse(JSON.stringify(p)) as Plan;

describe("planChanges", () => {
  it("an identical plan: unchanged, every total with a zero delta", () => {
    const c = planChanges(base, clone(base));
    expect(c.unchanged).toBe(true);
    expect(c.lines).toEqual([]);
    expect(c.totals.map((t) => [t.field, t.delta])).toEqual([["total", 0], ["sercotecAmount", 0], ["ownAmount", 0], ["executedAmount", 0], ["investmentLines", 0]]);
    expect(planChangesText(c)).toEqual(["Sin cambios en el plan de inversiones."]);
  });

  it("a changed amount, a removed line and an added one; rows moved do not count as changes", () => {
    const after = clone(base);
    const [first, second, ...rest] = after.investmentLines;
    const moved = [...rest.slice(0, -1), second, first]; // rows reordered
    const removed = rest[rest.length - 1];
    first.sercotecAmount = (first.sercotecAmount ?? 0) - 100_000;
    first.ownAmount = (first.ownAmount ?? 0) + 100_000;
    const added = { ...clone(base).investmentLines[0], number: 99, description: "Balanza digital", total: 250_000, sercotecAmount: 250_000, ownAmount: 0, quantity: 1, unitPrice: 250_000 };
    after.investmentLines = [...moved, added];
    const c = planChanges(base, after);
    expect(c.lines.map((l) => [l.kind, l.number])).toEqual([["changed", first.number], ["added", 99], ["removed", removed.number]]);
    const changed = c.lines[0];
    expect(changed.matchedBy).toBe("number");
    expect(changed.fields.map((f) => [f.label, f.before, f.after])).toEqual([
      ["Aporte Sercotec", base.investmentLines[0].sercotecAmount, first.sercotecAmount],
      ["Aporte empresarial", base.investmentLines[0].ownAmount, first.ownAmount],
    ]);
    const total = c.totals.find((t) => t.field === "total")!;
    expect(total.delta).toBe(250_000 - (removed.total ?? 0));
    expect(c.totals.find((t) => t.field === "investmentLines")!.delta).toBe(0);
    const text = planChangesText(c);
    expect(text[0]).toMatch(/^Cambió: Línea N° \d+ \(.+\), Aporte Sercotec: \$[\d.]+ → \$[\d.]+\.$/);
    expect(text).toContain(`Agregada: Línea N° 99 (${added.item} — Balanza digital).`);
  });

  it("renumbered lines are paired by ítem and description, and the N° change is shown", () => {
    const after = clone(base);
    after.investmentLines = after.investmentLines.map((l) => ({ ...l, number: (l.number ?? 0) + 100 }));
    const c = planChanges(base, after);
    expect(c.lines.every((l) => l.kind === "changed" && l.matchedBy === "item-description")).toBe(true);
    expect(c.lines[0].fields.map((f) => [f.label, f.before, f.after])).toEqual([["N°", base.investmentLines[0].number, (base.investmentLines[0].number ?? 0) + 100]]);
    expect(c.totals.every((t) => t.delta === 0)).toBe(true);
  });
});
