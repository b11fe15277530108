import type { Finding, InvestmentLine, Milestone, MilestoneStatus, Plan, RegionCode } from "@coop-plans/shared/domain";
import type { ConsolidationInput } from "@coop-plans/shared/consolidate";

/** A line with only what consolidation reads (money integer CLP). */
export function line(item: string, subitem: string | null, total: number, sercotec: number, own: number, executed: number | null, group: string | null = null): InvestmentLine {
  return {
    number: null, group, item, subitem, description: null, actionNumber: null, quantity: 1, unitPrice: total, total,
    sercotecAmount: sercotec, ownAmount: own, supplier: null, supplierRut: null, quotes: null, usedGood: null,
    usedGoodAuthorization: null, sustainable: null, plannedPurchaseDate: null, status: null, executedAmount: executed,
  };
}

export function hito(n: number, status: MilestoneStatus | null): Milestone {
  return { milestone: n, name: null, plannedDate: null, doneDate: null, status, attendees: null, verification: null, notes: null };
}

export function plan(name: string, regionCode: RegionCode, lines: InvestmentLine[], milestones: Milestone[]): Plan {
  return {
    schemaVersion: 1,
    cooperative: {
      callYear: 2025, regionCode, modality: "creacion", name, rut: null, cooperativeType: "de trabajo", annualNetSales: null,
      executionStart: "2025-09-08", executionEnd: null, manager: null, managerEmail: null, operatorAgent: null,
    },
    members: [], milestones, actions: [], investmentLines: lines, results: [], sheets: {},
  };
}

export function finding(ruleId: string, severity: Finding["severity"]): Finding {
  return { ruleId, severity, message: `Hallazgo ${ruleId}`, location: { field: "x" } };
}

/**
 * Region 14: Alfa (aprobado, clean), Beta (enviado, 2 warnings), Gamma (borrador, 3 errors + 1
 * warning), Delta (borrador, no plan); region 08: Epsilon (aprobado). Sums by hand in the test.
 */
export function sampleInputs(): ConsolidationInput[] {
  return [
    {
      cooperative: { id: "c-alfa", name: "Cooperativa Alfa", regionCode: "14", modality: "creacion", status: "aprobado", version: 3, updatedAt: "2025-10-01T12:00:00.000Z", rulePack: { year: 2025, version: 2 } },
      plan: plan("Cooperativa Alfa", "14", [
        line("Activos", "activos fijos", 1_000_000, 980_000, 20_000, 500_000, "Inversiones"),
        line("Capital de trabajo", "materias primas y materiales", 300_000, 294_000, 6_000, null, "Inversiones"),
        line("Capacitación", null, 200_000, 200_000, 0, 200_000, "Acciones de Gestión Empresarial"),
      ], [hito(1, "Realizado"), hito(2, "Realizado"), hito(3, "En curso"), hito(4, "Pendiente")]),
      findings: [],
    },
    {
      cooperative: { id: "c-beta", name: "Cooperativa Beta", regionCode: "14", modality: "fortalecimiento", status: "enviado", version: 2 },
      plan: plan("Cooperativa Beta", "14", [
        line("Activo fijo", "Activos Fijos", 2_000_000, 1_900_000, 100_000, 0),
        line("Marketing", "ferias y eventos", 500_000, 450_000, 50_000, 100_000),
      ], [hito(1, "Realizado"), hito(2, "En curso")]),
      findings: [finding("INV-010", "warning"), finding("INV-010", "warning")],
    },
    {
      cooperative: { id: "c-gamma", name: "Cooperativa Gamma", regionCode: "14", modality: "creacion", status: "borrador", version: 1 },
      plan: plan("Cooperativa Gamma", "14", [
        line("Maquinaria", null, 400_000, 400_000, 0, 0, "Inversiones"),
        line("Activos", "activos intangibles", 100_000, 90_000, 10_000, 0),
      ], [hito(1, "Pendiente")]),
      findings: [finding("INV-005", "error"), finding("INV-001", "error"), finding("INV-001", "error"), finding("INV-010", "warning")],
    },
    {
      cooperative: { id: "c-delta", name: "Cooperativa Delta", regionCode: "14", modality: null, status: "borrador", version: 0 },
      plan: null,
      findings: [],
    },
    {
      cooperative: { id: "c-eps", name: "Cooperativa Epsilon", regionCode: "08", modality: "creacion", status: "aprobado", version: 1 },
      plan: plan("Cooperativa Epsilon", "08", [line("Capacitación", null, 1_000_000, 1_000_000, 0, 0)], []),
      findings: [finding("INV-002", "info")],
    },
  ];
}
