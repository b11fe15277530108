import { readFileSync } from "node:fs";
import path from "node:path";
import type { Plan } from "@coop-plans/shared/domain";
import { consolidate, consolidationSheets, progressReport, progressReportSheet, ProgressReport } from "@coop-plans/shared/consolidate";
import { parseWorkbook } from "@coop-plans/shared/workbook";
import { validatePlan } from "@coop-plans/shared/rules";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import { FOLLOW_UP_AS_OF } from "../../fixtures/followUpPlan";
import { hito, line, plan as smallPlan } from "./fixtures";

const FIXTURE = path.join(__dirname, "../../fixtures/followup_creacion.xlsx");

let plan: Plan;
beforeAll(async () => {
  const parsed = parseWorkbook(await readWorkbookGrids(readFileSync(FIXTURE)));
  expect(parsed.findings).toEqual([]);
  plan = parsed.plan;
});

describe("progressReport on followup_creacion.xlsx at 2025-12-15", () => {
  it("validates clean at that date: no SEG warning (one visit a month, the overdue agreement marked Vencido)", () => {
    expect(validatePlan(plan, { asOf: FOLLOW_UP_AS_OF })).toEqual([]);
  });

  it("gives every figure, written out", () => {
    const r = progressReport(plan, { asOf: FOLLOW_UP_AS_OF });
    expect(ProgressReport.safeParse(r).success).toBe(true);
    expect(r).toEqual({
      asOf: "2025-12-15",
      cooperative: {
        name: "Grupo Pre-cooperativo Recolectoras de Murta de Llanquihue", regionCode: "10", modality: "creacion", callYear: 2025,
        executionStart: "2025-09-01", executionEnd: "2026-02-28", manager: "Gestor Ejemplo Coihue",
      },
      milestones: [
        { milestone: 1, name: "Socialización del programa", plannedDate: "2025-09-15", doneDate: "2025-09-18", status: "Realizado" },
        { milestone: 2, name: "Plan de acción", plannedDate: "2025-10-10", doneDate: "2025-10-10", status: "Realizado" },
        { milestone: 3, name: "Plan de inversiones", plannedDate: "2025-12-12", doneDate: null, status: "Pendiente" },
        { milestone: 4, name: "Medición de resultados y cuenta pública", plannedDate: "2026-02-20", doneDate: null, status: "Pendiente" },
      ],
      milestonesDone: 2,
      // (100 % [Realizada, typed 90 %] + 50 % + 25 % + 0 % [empty]) / 4 = 43,75 %
      actions: { total: 4, done: 1, inProgress: 1, pending: 2, progress: 0.4375 },
      // 450.000 + 360.000 + 2.350.000 = 3.160.000 of 5.350.000
      investment: { planned: 5_350_000, executed: 3_160_000, executedShare: 3_160_000 / 5_350_000, sercotecAmount: 5_190_000, ownAmount: 160_000 },
      byItem: [
        { group: "Acciones de Gestión Empresarial", item: "Asistencia técnica y asesoría en gestión", planned: 600_000, executed: 360_000, executedShare: 0.6 },
        { group: "Acciones de Gestión Empresarial", item: "Capacitación", planned: 400_000, executed: 0, executedShare: 0 },
        { group: "Acciones de Gestión Empresarial", item: "Acciones de marketing", planned: 500_000, executed: 0, executedShare: 0 },
        { group: "Inversiones", item: "Activos", planned: 2_400_000, executed: 2_350_000, executedShare: 2_350_000 / 2_400_000 },
        { group: "Inversiones", item: "Capital de trabajo", planned: 1_000_000, executed: 0, executedShare: 0 },
        { group: "Formalización", item: "Gastos de formalización", planned: 450_000, executed: 450_000, executedShare: 1 },
      ],
      // The 2026-01-14 session is after the as-of date: not a visit so far.
      visits: { count: 4, last: { date: "2025-12-10", mode: "Presencial", topics: "Plan de ventas para la feria" } },
      // Cumplido ×2; Vencido (due 28-11) overdue; Pendiente due 09-01 and empty due 30-01 open but not overdue.
      agreements: { total: 5, done: 2, open: 3, overdue: 1 },
      links: {
        total: 4,
        byType: { Público: 2, Privado: 1, Academia: 1, "Sociedad civil": 0, "Sin tipo": 0 },
        byStatus: { Contactado: 1, Reunión: 1, Acuerdo: 1, "Convenio firmado": 1, "Sin estado": 0 },
      },
      leverage: {
        applications: 3, requested: 6_500_000, awarded: 1_200_000, awardedCount: 1,
        byStatus: { "En preparación": 0, Postulado: 1, Adjudicado: 1, Rechazado: 1, "Sin estado": 0 },
      },
    });
  });

  it("moves visits and overdue agreements with the as-of date", () => {
    expect(progressReport(plan, { asOf: "2026-01-14" }).visits).toEqual({ count: 5, last: { date: "2026-01-14", mode: "Remota", topics: "Ventas de la feria (sesión programada)" } });
    expect(progressReport(plan, { asOf: "2025-09-09" }).visits).toEqual({ count: 0, last: null });
    // Due 2026-01-09: not overdue on that day, overdue the day after.
    expect(progressReport(plan, { asOf: "2026-01-09" }).agreements.overdue).toBe(1);
    expect(progressReport(plan, { asOf: "2026-01-10" }).agreements.overdue).toBe(2);
    // Due 2025-11-28 (Vencido): not overdue on its due date.
    expect(progressReport(plan, { asOf: "2025-11-28" }).agreements.overdue).toBe(0);
    expect(progressReport(plan, { asOf: "2025-11-29" }).agreements.overdue).toBe(1);
  });

  it("lays the report out for printing: summary figures, the table by ítem with its total, the hitos", () => {
    const sheet = progressReportSheet(progressReport(plan, { asOf: FOLLOW_UP_AS_OF }));
    expect(sheet.name).toBe("Informe de avance");
    expect(sheet.title).toBe("Informe de avance: Grupo Pre-cooperativo Recolectoras de Murta de Llanquihue (al 15-12-2025)");
    const fact = (label: string) => sheet.facts.find((f) => f.label === label)?.value;
    expect(fact("Región")).toBe("10 Los Lagos");
    expect(fact("Período de ejecución")).toBe("01-09-2025 al 28-02-2026");
    expect(fact("Fecha de corte")).toBe("15-12-2025");
    expect(fact("Inversión planificada (total neto)")).toBe(5_350_000);
    expect(fact("Inversión ejecutada")).toBe(3_160_000);
    expect(fact("Última visita")).toBe("10-12-2025 (presencial)");
    expect(fact("Acuerdos vencidos")).toBe(1);
    expect(fact("Vinculaciones de tipo Público")).toBe(2);
    expect(fact("Vinculaciones de tipo Sin tipo")).toBeUndefined();
    expect(fact("Monto adjudicado")).toBe(1_200_000);
    expect(sheet.investment.rows[3]).toEqual(["Activos", 2_400_000, 2_350_000, 2_350_000 / 2_400_000, "Inversiones"]);
    expect(sheet.investment.totalRow).toEqual(["Total", 5_350_000, 3_160_000, 3_160_000 / 5_350_000, null]);
    expect(sheet.milestones.rows[1]).toEqual([2, "Plan de acción", "10-10-2025", "10-10-2025", "Realizado"]);
  });
});

describe("progressReport: edges", () => {
  it("a plan without Seguimiento sheets, actions or lines gives zeros and null shares", () => {
    const r = progressReport(smallPlan("Sin seguimiento", "14", [], [hito(1, "Realizado")]), { asOf: "2025-10-01" });
    expect(r.actions).toEqual({ total: 0, done: 0, inProgress: 0, pending: 0, progress: null });
    expect(r.investment).toEqual({ planned: 0, executed: 0, executedShare: null, sercotecAmount: 0, ownAmount: 0 });
    expect(r.visits).toEqual({ count: 0, last: null });
    expect(r.agreements).toEqual({ total: 0, done: 0, open: 0, overdue: 0 });
    expect(r.links.total).toBe(0);
    expect(r.leverage).toMatchObject({ applications: 0, requested: 0, awarded: 0, awardedCount: 0 });
    expect(r.milestones.map((m) => [m.milestone, m.name, m.status])).toEqual([
      [1, "Socialización del programa", "Realizado"], [2, "Plan de acción", null], [3, "Plan de inversiones", null], [4, "Medición de resultados y cuenta pública", null],
    ]);
  });

  it("counts a Realizada action as 100 % whatever its % de avance says", () => {
    const p = smallPlan("Acciones", "14", [], []);
    const action = (status: Plan["actions"][number]["status"], progress: number | null) => ({ ...p.actions[0], number: 1, axis: null, gap: null, objective: null, activity: null, owner: null, startDate: null, endDate: null, indicator: null, goal: null, verification: null, status, progress });
    p.actions = [action("Realizada", 0), action("En curso", 0.5)];
    expect(progressReport(p, { asOf: "2025-10-01" }).actions).toEqual({ total: 2, done: 1, inProgress: 1, pending: 0, progress: 0.75 });
  });
});

describe("consolidation: the report's figures per cooperative", () => {
  const cooperative = (id: string, name: string) => ({ id, name, regionCode: "10" as const, modality: "creacion" as const, status: "borrador" as const, version: 1 });

  it("adds the progress to each row and the columns to «Por cooperativa», with totals", () => {
    const other = smallPlan("Otra", "10", [line("Capacitación", null, 1_000_000, 980_000, 20_000, 500_000)], []);
    const c = consolidate([
      { cooperative: cooperative("a", "Murta"), plan, findings: [] },
      { cooperative: cooperative("b", "Otra"), plan: other, findings: [] },
      { cooperative: { ...cooperative("c", "Sin plan"), version: 0 }, plan: null, findings: [] },
    ], { target: { regionCode: "10" }, generatedAt: "2025-12-15T12:00:00.000Z", asOf: FOLLOW_UP_AS_OF });
    const murta = c.cooperatives.find((r) => r.id === "a")!;
    expect(murta.progress).toMatchObject({
      actions: { total: 4, done: 1, progress: 0.4375 }, executedShare: 3_160_000 / 5_350_000,
      visits: { count: 4, last: { date: "2025-12-10" } }, agreements: { open: 3, overdue: 1 },
      links: { total: 4 }, leverage: { requested: 6_500_000, awarded: 1_200_000, awardedCount: 1 },
    });
    expect(c.cooperatives.find((r) => r.id === "c")!.progress).toBeNull();

    const sheet = consolidationSheets(c).find((s) => s.name === "Por cooperativa")!;
    const headers = sheet.columns.map((col) => col.header);
    const start = headers.indexOf("Hitos realizados") + 1;
    expect(headers.slice(start)).toEqual([
      "Acciones", "Acciones realizadas", "Avance de las acciones", "% ejecutado", "Visitas a la fecha", "Última visita", "Acuerdos abiertos",
      "Acuerdos vencidos", "Vinculaciones", "Vinc. Público", "Vinc. Privado", "Vinc. Academia", "Vinc. Sociedad civil", "Vinc. Contactado",
      "Vinc. Reunión", "Vinc. Acuerdo", "Vinc. Convenio firmado", "Fondos postulados", "Monto solicitado", "Monto adjudicado", "Fondos adjudicados",
    ]);
    const row = sheet.rows.find((r) => r[0] === "Grupo Pre-cooperativo Recolectoras de Murta de Llanquihue" || r[0] === "Murta")!;
    expect(row.slice(start)).toEqual([4, 1, 0.4375, 3_160_000 / 5_350_000, 4, "10-12-2025", 3, 1, 4, 2, 1, 1, 0, 1, 1, 1, 1, 3, 6_500_000, 1_200_000, 1]);
    expect(sheet.rows.find((r) => r[0] === "Sin plan")!.slice(start).every((v) => v === null)).toBe(true);
    // Totals: counts and money summed (the second plan has 0 actions, no follow-up), shares and dates empty.
    expect(sheet.totalRow!.slice(start)).toEqual([4, 1, null, null, 4, null, 3, 1, 4, 2, 1, 1, 0, 1, 1, 1, 1, 3, 6_500_000, 1_200_000, 1]);
  });
});
