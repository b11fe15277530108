import { executionPeriod, planTotals, planTotalsSummary, todayInSantiago } from "@coop-plans/shared/rules";
import { BROKEN_PLAN_DATA } from "./fixtures/samplePlans";
import { standardPlan } from "./fixtures/standardLayout";
import { cleanPlan } from "./helpers";

describe("planTotals", () => {
  it("sums the clean sample", () => {
    const t = planTotals(cleanPlan());
    expect(t.total).toBe(7_367_000);
    expect(t.sercotecAmount).toBe(7_190_000);
    expect(t.ownAmount).toBe(177_000);
    expect(t.executedAmount).toBe(0);
    expect(t.ownShareOfSercotec).toBeCloseTo(0.0246, 4);
    expect(t.workingCapitalTotal).toBe(630_000);
    expect(t.managementTotal).toBe(660_000 + 570_000 + 780_000 + 490_000);
    expect(t).toMatchObject({ investmentLines: 8, actions: 6, members: 6, milestones: 4, results: 3 });
    expect(t.limits).toEqual({ sercotecCap: 8_000_000, minimumOwnTotal: 143_800 });
  });

  it("groups by ítem in catalogue order", () => {
    const t = planTotals(cleanPlan());
    expect(t.byItem.map((r) => [r.item, r.subitem, r.total])).toEqual([
      ["Asistencia técnica y asesoría en gestión", null, 660_000],
      ["Capacitación", null, 570_000],
      ["Acciones de marketing", "promoción y publicidad", 780_000],
      ["Acciones de marketing", "ferias y eventos", 490_000],
      ["Activos", "activos fijos", 3_827_000],
      ["Capital de trabajo", "materias primas y materiales", 630_000],
      ["Gastos de formalización", "constitución legal", 410_000],
    ]);
    const activos = t.byItem.find((r) => r.item === "Activos");
    expect(activos).toEqual({ group: "Inversiones", item: "Activos", subitem: "activos fijos", total: 3_827_000,
      sercotecAmount: 3_680_000, ownAmount: 147_000, executedAmount: 0 });
  });

  it("gives the broken sample's minimum aporte as ⌈2 % × 8.190.000⌉", () => {
    const t = planTotals(standardPlan(BROKEN_PLAN_DATA));
    expect(t.sercotecAmount).toBe(8_190_000);
    expect(t.limits.minimumOwnTotal).toBe(163_800);
  });

  it("has no limits without a call", () => {
    const plan = cleanPlan();
    plan.cooperative.callYear = null;
    expect(planTotals(plan).limits).toEqual({ sercotecCap: null, minimumOwnTotal: null });
  });
});

describe("executionPeriod", () => {
  it("ends 6 months minus one day after the start when no end is given", () => {
    expect(executionPeriod({ executionStart: "2025-09-08", executionEnd: null }, 6)).toEqual({ start: "2025-09-08", end: "2026-03-07", endGiven: false });
    expect(executionPeriod({ executionStart: "2025-08-31", executionEnd: null }, 6)).toEqual({ start: "2025-08-31", end: "2026-02-27", endGiven: false });
    // Across Chile's DST change (first Saturday of September, at midnight).
    expect(executionPeriod({ executionStart: "2025-09-07", executionEnd: null }, 1)?.end).toBe("2025-10-06");
  });

  it("uses the given end", () => {
    expect(executionPeriod({ executionStart: "2025-09-08", executionEnd: "2026-01-31" }, 6)).toEqual({ start: "2025-09-08", end: "2026-01-31", endGiven: true });
  });

  it("is null without a real start date", () => {
    expect(executionPeriod({ executionStart: null, executionEnd: null }, 6)).toBeNull();
    expect(executionPeriod({ executionStart: "2025-02-31", executionEnd: null }, 6)).toBeNull();
  });
});

describe("planTotalsSummary", () => {
  it("is the API's headline of the plan's totals, with the same names", () => {
    expect(planTotalsSummary(planTotals(cleanPlan()))).toEqual({
      total: 7_367_000, sercotecAmount: 7_190_000, ownAmount: 177_000, investmentLines: 8, actions: 6, members: 6,
    });
  });
});

describe("todayInSantiago", () => {
  it("knows today in Santiago as an ISO date", () => {
    expect(todayInSantiago()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("gives Santiago's calendar day of a given instant (UTC-3 in summer)", () => {
    expect(todayInSantiago(new Date("2026-01-15T02:30:00Z"))).toBe("2026-01-14");
    expect(todayInSantiago(new Date("2026-01-15T03:30:00Z"))).toBe("2026-01-15");
  });
});
