import { Plan, RegionCode, REGIONS } from "@coop-plans/shared/domain";

describe("domain schemas", () => {
  it("numbers Arica y Parinacota 15 and Ñuble 16 (Decreto 1.115)", () => {
    expect(REGIONS["15"].name).toBe("Arica y Parinacota");
    expect(REGIONS["16"].name).toBe("Ñuble");
    expect(RegionCode.safeParse("17").success).toBe(false);
    expect(RegionCode.parse("08")).toBe("08");
  });

  it("accepts an empty plan as read and rejects a fractional peso", () => {
    const cooperative = {
      callYear: 2025, regionCode: "14", modality: "creacion", name: "Grupo", rut: null, cooperativeType: "de trabajo",
      annualNetSales: null, executionStart: "2025-09-08", executionEnd: null, manager: null, managerEmail: null, operatorAgent: null,
    };
    const ok = Plan.safeParse({ schemaVersion: 1, cooperative, members: [], milestones: [], actions: [], investmentLines: [], results: [] });
    expect(ok.success).toBe(true);
    const bad = Plan.safeParse({
      schemaVersion: 1, cooperative: { ...cooperative, annualNetSales: 1500.5 },
      members: [], milestones: [], actions: [], investmentLines: [], results: [],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["cooperative", "annualNetSales"]);
  });
});
