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
    expect(c.members).toEqual([]);
    expect(planChangesText(c)).toEqual(["Sin cambios en el plan de inversiones ni en los socios."]);
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

  it("members (socios): added, removed and changed field by field, paired by RUT then by name; rows moved or a RUT typed with dots are no change (newcomer trial: review show listed none)", () => {
    expect(base.members.length).toBeGreaterThanOrEqual(3);
    const after = clone(base);
    const [first, second, third, ...rest] = after.members;
    // Moved to the end, RUT typed with dots and a space: the same member.
    const movedRut = first.rut!.replace(/^(\d{1,2})(\d{3})(\d{3})-/, "$1.$2.$3-");
    after.members = [
      { ...second, role: "Presidenta" }, // changed Cargo
      { number: 99, name: "Rosa Nahuelpán", rut: "11.111.111-1", role: "Socia", gender: "Femenino" }, // added
      ...rest,
      { ...first, rut: ` ${movedRut}` },
    ];
    // `third` removed.
    const c = planChanges(base, after);
    expect(c.unchanged).toBe(false);
    expect(c.lines).toEqual([]);
    expect(c.members.map((m) => [m.kind, m.name, m.matchedBy ?? null, m.fields.map((f) => [f.label, f.before, f.after])])).toEqual([
      ...(second.role === "Presidenta" ? [] : [["changed", second.name, "rut", [["Cargo", second.role, "Presidenta"]]]]),
      ["added", "Rosa Nahuelpán", null, []],
      ["removed", third.name, null, []],
    ]);
    const text = planChangesText(c);
    expect(text).toContain("Agregado/a: Socio/a N° 99 (Rosa Nahuelpán, 11.111.111-1).");
    expect(text).toContain(`Eliminado/a: Socio/a N° ${third.number} (${third.name}, ${third.rut}).`);
    if (second.role !== "Presidenta") expect(text).toContain(`Cambió: Socio/a N° ${second.number} (${second.name}, ${second.rut}), Cargo: ${second.role ?? "(vacío)"} → Presidenta.`);
  });

  it("a member without RUT is paired by name; a renamed one with the same RUT is a change of Nombre", () => {
    const before = clone(base);
    before.members = [{ number: 1, name: "Ana Pérez", rut: null, role: null, gender: null }, { number: 2, name: "Luisa Soto", rut: "11.111.111-1", role: null, gender: null }];
    const after = clone(before);
    after.members = [{ number: 1, name: "ana  PÉREZ", rut: null, role: "Tesorera", gender: null }, { number: 2, name: "Luisa Soto Vera", rut: "11111111-1", role: null, gender: null }];
    expect(planChanges(before, after).members.map((m) => [m.matchedBy, m.fields.map((f) => f.field)])).toEqual([["name", ["name", "role"]], ["rut", ["name"]]]);
  });
});
