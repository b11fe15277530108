import type { Finding } from "@coop-plans/shared/domain";
import { countFindings, groupFindingsBySheet, orderFindings, worstSeverity } from "@coop-plans/shared/findings";

const f = (ruleId: string, severity: Finding["severity"], sheet?: string, cell?: string): Finding =>
  ({ ruleId, severity, message: ruleId, location: { ...(sheet ? { sheet } : {}), ...(cell ? { cell } : {}) } });

describe("findings (shared/findings)", () => {
  const list = [f("INV-008", "warning", "Plan de Inversiones", "J7"), f("INV-001", "error", "Plan de Inversiones", "A10"),
    f("RES-002", "info"), f("ACT-001", "error", "Plan de Acción", "B3"), f("INV-002", "error", "Plan de Inversiones", "B7")];

  it("orders errors, warnings, notices, stable within a severity", () => {
    expect(orderFindings(list).map((x) => x.ruleId)).toEqual(["INV-001", "ACT-001", "INV-002", "INV-008", "RES-002"]);
    expect(list[0].ruleId).toBe("INV-008");
  });

  it("counts by severity and knows the worst", () => {
    expect(countFindings(list)).toEqual({ error: 3, warning: 1, info: 1 });
    expect(countFindings([])).toEqual({ error: 0, warning: 0, info: 0 });
    expect(worstSeverity(list)).toBe("error");
    expect(worstSeverity([f("X-001", "info"), f("X-002", "warning")])).toBe("warning");
    expect(worstSeverity([])).toBeNull();
  });

  it("groups by sheet: sheets with errors first, then by severity and cell (row, then column)", () => {
    const groups = groupFindingsBySheet([f("RES-002", "info"), ...list]);
    expect(groups.map((g) => [g.sheet, g.errors, g.findings.map((x) => x.ruleId)])).toEqual([
      ["Plan de Inversiones", 2, ["INV-002", "INV-001", "INV-008"]],
      ["Plan de Acción", 1, ["ACT-001"]],
      ["Sin hoja", 0, ["RES-002", "RES-002"]],
    ]);
  });
});
