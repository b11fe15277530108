import type { Finding, InvestmentLine, Plan } from "@coop-plans/shared/domain";

const ITEMS = [
  ["Inversiones", "Activos", "activos fijos"],
  ["Inversiones", "Capital de trabajo", "materias primas y materiales"],
  ["Acciones de Gestión Empresarial", "Capacitación", null],
  ["Acciones de Gestión Empresarial", "Acciones de marketing", "ferias y eventos"],
  ["Inversiones", "Habilitación de infraestructura", null],
] as const;

const COLUMNS = ["number", "group", "item", "subitem", "description", "actionNumber", "quantity", "unitPrice", "total",
  "sercotecAmount", "ownAmount", "supplier", "supplierRut", "quotes", "usedGood", "usedGoodAuthorization", "sustainable",
  "plannedPurchaseDate", "status", "executedAmount"];

/** An investment line with varied but plausible values; `withSource` adds the cell map the parser records. */
export function investmentLine(i: number, withSource = true): InvestmentLine {
  const [group, item, subitem] = ITEMS[i % ITEMS.length];
  const quantity = 1 + (i % 7);
  const unitPrice = 10_000 + ((i * 7919) % 490_000);
  const total = quantity * unitPrice;
  const sercotecAmount = Math.round(total * 0.8);
  const row = 7 + i;
  return {
    number: i + 1, group, item, subitem,
    description: `Compra ${i + 1}: ${["insumos", "herramientas", "equipo de frío", "material gráfico", "taller"][i % 5]} lote ${(i * 37) % 1000}`,
    actionNumber: 1 + (i % 12), quantity, unitPrice, total, sercotecAmount, ownAmount: total - sercotecAmount,
    supplier: `Proveedor ${(i * 13) % 250}`, supplierRut: null, quotes: 1 + (i % 3), usedGood: false, usedGoodAuthorization: null,
    sustainable: i % 4 === 0, plannedPurchaseDate: `2025-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
    status: "Pendiente", executedAmount: null,
    ...(withSource
      ? { source: { sheet: "Plan de Inversiones", row, cells: Object.fromEntries(COLUMNS.map((c, k) => [c, `${String.fromCharCode(65 + k)}${row}`])) } }
      : {}),
  };
}

/** A plan with `lines` investment lines; `name` null makes the fake validator report an error. */
export function makePlan(options: { lines?: number; name?: string | null; withSource?: boolean } = {}): Plan {
  const lines = options.lines ?? 3;
  return {
    schemaVersion: 1,
    cooperative: {
      callYear: 2025, regionCode: "08", modality: "fortalecimiento",
      name: options.name === undefined ? "Cooperativa Apícola Los Robles" : options.name,
      rut: "76123456-0", cooperativeType: "agrícola", annualNetSales: 45_000_000, executionStart: "2025-03-01", executionEnd: null,
      manager: null, managerEmail: null, operatorAgent: null,
    },
    members: [],
    milestones: [],
    actions: [],
    investmentLines: Array.from({ length: lines }, (_, i) => investmentLine(i, options.withSource ?? true)),
    results: [],
    sheets: {},
  };
}

/**
 * A deterministic stand-in for shared/rules in these tests: an error when the cooperative has no
 * name, a warning when a line has no supplier. (The real rules are tested in tests/shared.)
 */
export function fakeValidate(plan: Plan): Finding[] {
  const findings: Finding[] = [];
  if (!plan.cooperative.name) {
    findings.push({ ruleId: "COOP-001", severity: "error", message: "Falta el nombre de la cooperativa.", location: { sheet: "Cooperativa", cell: "C4" } });
  }
  plan.investmentLines.forEach((line, i) => {
    if (!line.supplier && i < 50) {
      findings.push({ ruleId: "INV-010", severity: "warning", message: "Falta el proveedor.", location: { field: `investmentLines.${i}.supplier` } });
    }
  });
  return findings;
}
