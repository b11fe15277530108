import { Consolidation, consolidate } from "@coop-plans/shared/consolidate";
import { sampleInputs } from "./fixtures";

const money = (total: number, sercotecAmount: number, ownAmount: number, executedAmount: number) => ({ total, sercotecAmount, ownAmount, executedAmount });

describe("consolidate, region 14 (Alfa, Beta, Gamma, Delta without plan; Epsilon of 08 ignored)", () => {
  const c = consolidate(sampleInputs(), { target: { regionCode: "14" }, generatedAt: "2025-10-02T10:00:00.000Z" });

  it("matches its own zod schema", () => {
    expect(Consolidation.safeParse(c).success).toBe(true);
  });

  it("sums money to the peso: 1.500.000 + 2.500.000 + 500.000", () => {
    expect(c.scope).toEqual({ kind: "region", regionCode: "14", regionName: "Los Ríos" });
    expect(c.cooperativeCount).toBe(4);
    expect(c.totals).toEqual(money(4_500_000, 4_314_000, 186_000, 800_000));
  });

  it("splits Sercotec and aporte as fractions", () => {
    expect(c.funding.funded).toBe(4_500_000);
    expect(c.funding.sercotecShare).toBeCloseTo(4_314_000 / 4_500_000, 12);
    expect(c.funding.ownShare).toBeCloseTo(186_000 / 4_500_000, 12);
    expect(c.funding.ownShareOfSercotec).toBeCloseTo(0.0431154381, 9);
    expect(c.funding.executedShare).toBeCloseTo(0.1777777778, 9);
  });

  it("totals by ítem in catalogue order, variants folded (Activo fijo → Activos, Marketing → Acciones de marketing)", () => {
    expect(c.byItem).toEqual([
      { group: "Acciones de Gestión Empresarial", item: "Capacitación", subitem: null, cooperatives: 1, lines: 1, ...money(200_000, 200_000, 0, 200_000) },
      { group: "Acciones de Gestión Empresarial", item: "Acciones de marketing", subitem: null, cooperatives: 1, lines: 1, ...money(500_000, 450_000, 50_000, 100_000) },
      { group: "Inversiones", item: "Activos", subitem: null, cooperatives: 3, lines: 3, ...money(3_100_000, 2_970_000, 130_000, 500_000) },
      { group: "Inversiones", item: "Capital de trabajo", subitem: null, cooperatives: 1, lines: 1, ...money(300_000, 294_000, 6_000, 0) },
      { group: "Inversiones", item: "Maquinaria", subitem: null, cooperatives: 1, lines: 1, ...money(400_000, 400_000, 0, 0) },
    ]);
  });

  it("totals by sub-ítem", () => {
    expect(c.bySubitem).toEqual([
      { group: "Acciones de Gestión Empresarial", item: "Acciones de marketing", subitem: "ferias y eventos", cooperatives: 1, lines: 1, ...money(500_000, 450_000, 50_000, 100_000) },
      { group: "Inversiones", item: "Activos", subitem: "activos fijos", cooperatives: 2, lines: 2, ...money(3_000_000, 2_880_000, 120_000, 500_000) },
      { group: "Inversiones", item: "Activos", subitem: "activos intangibles", cooperatives: 1, lines: 1, ...money(100_000, 90_000, 10_000, 0) },
      { group: "Inversiones", item: "Capital de trabajo", subitem: "materias primas y materiales", cooperatives: 1, lines: 1, ...money(300_000, 294_000, 6_000, 0) },
    ]);
  });

  it("counts and sums by status; a cooperative without a plan is «Sin plan», not a borrador (newcomer trial)", () => {
    expect(c.byStatus).toEqual([
      { status: "borrador", cooperatives: 1, ...money(500_000, 490_000, 10_000, 0) },
      { status: "enviado", cooperatives: 1, ...money(2_500_000, 2_350_000, 150_000, 100_000) },
      { status: "observado", cooperatives: 0, ...money(0, 0, 0, 0) },
      { status: "aprobado", cooperatives: 1, ...money(1_500_000, 1_474_000, 26_000, 700_000) },
      { status: "sinPlan", cooperatives: 1, ...money(0, 0, 0, 0) },
    ]);
  });

  it("counts hito progress; a missing hito or estado is 'missing'", () => {
    expect(c.byMilestone.map(({ milestone, pending, inProgress, done, missing }) => [milestone, pending, inProgress, done, missing])).toEqual([
      [1, 1, 0, 2, 1],
      [2, 0, 1, 1, 2],
      [3, 0, 1, 0, 3],
      [4, 1, 0, 0, 3],
    ]);
  });

  it("partitions rule compliance and counts per rule, errors first", () => {
    expect(c.compliance).toEqual({
      withErrors: 1, withWarnings: 1, clean: 1, withoutPlan: 1,
      byRule: [
        { ruleId: "INV-001", severity: "error", cooperatives: 1, findings: 2 },
        { ruleId: "INV-005", severity: "error", cooperatives: 1, findings: 1 },
        { ruleId: "INV-010", severity: "warning", cooperatives: 2, findings: 3 },
      ],
    });
  });

  it("writes one row per cooperative, by name, whose money sums to the totals", () => {
    expect(c.cooperatives.map((r) => [r.name, r.status, r.version, r.total, r.sercotecAmount, r.ownAmount, r.executedAmount, r.errors, r.warnings, r.milestonesDone, r.hasPlan])).toEqual([
      ["Cooperativa Alfa", "aprobado", 3, 1_500_000, 1_474_000, 26_000, 700_000, 0, 0, 2, true],
      ["Cooperativa Beta", "enviado", 2, 2_500_000, 2_350_000, 150_000, 100_000, 0, 2, 1, true],
      ["Cooperativa Delta", "sinPlan", 0, 0, 0, 0, 0, 0, 0, 0, false],
      ["Cooperativa Gamma", "borrador", 1, 500_000, 490_000, 10_000, 0, 3, 1, 0, true],
    ]);
    expect(c.cooperatives[0].milestones).toEqual({ 1: "Realizado", 2: "Realizado", 3: "En curso", 4: "Pendiente" });
    expect(c.cooperatives[0].ownShareOfSercotec).toBeCloseTo(26_000 / 1_474_000, 12);
    expect(c.cooperatives[0].updatedAt).toBe("2025-10-01T12:00:00.000Z");
    const sum = c.cooperatives.reduce((a, r) => a + r.total, 0);
    expect(sum).toBe(c.totals.total);
  });

  it("has one region row", () => {
    expect(c.byRegion).toEqual([{
      regionCode: "14", regionName: "Los Ríos", cooperatives: 4, ...money(4_500_000, 4_314_000, 186_000, 800_000),
      byStatus: { borrador: 1, enviado: 1, observado: 0, aprobado: 1, sinPlan: 1 }, withErrors: 1, withWarnings: 1, clean: 1, withoutPlan: 1,
    }]);
  });
});

describe("consolidate, national", () => {
  const c = consolidate(sampleInputs(), { target: { national: true }, generatedAt: "2025-10-02T10:00:00.000Z" });

  it("adds Epsilon (08) and lists regions by code", () => {
    expect(c.scope).toEqual({ kind: "national" });
    expect(c.cooperativeCount).toBe(5);
    expect(c.totals).toEqual(money(5_500_000, 5_314_000, 186_000, 800_000));
    expect(c.byRegion.map((r) => [r.regionCode, r.regionName, r.cooperatives, r.total, r.clean])).toEqual([
      ["08", "Biobío", 1, 1_000_000, 1],
      ["14", "Los Ríos", 4, 4_500_000, 1],
    ]);
    expect(c.compliance.clean).toBe(2); // an info notice does not count against a plan
    expect(c.byItem[0]).toMatchObject({ item: "Capacitación", cooperatives: 2, lines: 2, total: 1_200_000 });
  });

  it("consolidates nothing into zeros and null shares", () => {
    const empty = consolidate([], { target: { regionCode: "08" }, generatedAt: "2025-10-02T10:00:00.000Z" });
    expect(empty.totals).toEqual(money(0, 0, 0, 0));
    expect(empty.funding.ownShare).toBeNull();
    expect(empty.byRegion).toHaveLength(1);
    expect(empty.byMilestone.every((m) => m.missing === 0)).toBe(true);
  });
});
