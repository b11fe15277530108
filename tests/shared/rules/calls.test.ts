import { CALL_2025, CallFile, getCall, resolveCall, RULES_VERSION } from "@coop-plans/shared/rules";

/** Every `{ value, source, confirmed }` figure in an object, with its path. */
function figures(obj: unknown, path = ""): [string, { source: unknown; confirmed: unknown }][] {
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) return [];
  const o = obj as Record<string, unknown>;
  if ("value" in o && "confirmed" in o) return [[path, o as { source: unknown; confirmed: unknown }]];
  return Object.entries(o).flatMap(([k, v]) => figures(v, path ? `${path}.${k}` : k));
}

describe("calls", () => {
  it("loads the 2025 national figures of rules.md", () => {
    const lookup = getCall(2025);
    if (!lookup.ok) throw new Error("2025 must be loaded");
    const call = lookup.call;
    expect(call.id).toBe("2025");
    expect(call.regionCode).toBeNull();
    expect(call.subsidyCap.creacion.value).toBe(8_000_000);
    expect(call.subsidyCap.fortalecimiento.value).toBe(20_000_000);
    expect(call.sustainabilityTopUp.value).toBe(0);
    expect(call.minimumOwnShare.value).toBe(0.02);
    expect(call.managementCap.value).toBeNull();
    expect(call.workingCapitalCap.value).toBeNull();
    expect(call.workingCapitalWarnShare.value).toBe(0.3);
    expect(call.executionMonths.value).toBe(6);
    expect(call.minimumMembers.value).toBe(5);
    expect(call.salesCapPerMemberUf.value).toBe(25_000);
    expect(call.ufValue.value).toBe(38_419);
    expect(call.eligibleCooperativeTypes.value).toEqual(["agrícola", "campesina", "pesquera", "de consumo", "de trabajo", "de servicios"]);
    expect(call.minimumQuotes.value).toBe(1);
    expect(call.visitsPerMonth.value).toBe(1);
    expect(call.catalogue.value.map((c) => c.item)).toContain("Gastos de formalización");
  });

  it("gives every figure a source and says which are confirmed", () => {
    const all = figures(CALL_2025);
    expect(all.length).toBe(18);
    for (const [path, f] of all) {
      expect([path, typeof f.source === "string" && /\[(S\d+|F)\]|rules\.md|Banco Central/.test(f.source)]).toEqual([path, true]);
      expect([path, typeof f.confirmed]).toEqual([path, "boolean"]);
    }
    expect(CALL_2025.subsidyCap.creacion).toMatchObject({ source: "[S2][S3][S4][F]", confirmed: true });
    expect(CALL_2025.executionMonths).toMatchObject({ source: "[S2][S3][S4]", confirmed: true });
    expect(CALL_2025.minimumOwnShare).toMatchObject({ source: "[S1]", confirmed: false });
    expect(CALL_2025.salesCapPerMemberUf).toMatchObject({ source: "[S1][S9][F]", confirmed: true });
  });

  it("refuses a malformed call file", () => {
    expect(CallFile.safeParse({ ...CALL_2025, minimumOwnShare: { value: 2, source: "[S1]", confirmed: false } }).success).toBe(false);
    expect(CallFile.safeParse({ ...CALL_2025, executionMonths: { value: 6, source: "", confirmed: true } }).success).toBe(false);
  });

  it("answers PLAN-001 for a year without a call file", () => {
    const lookup = getCall(2026, "14");
    expect(lookup.ok).toBe(false);
    if (lookup.ok) return;
    expect(lookup.finding.ruleId).toBe("PLAN-001");
    expect(lookup.finding.severity).toBe("error");
    expect(lookup.finding.message).toMatch(/^No hay reglas cargadas para la convocatoria 2026/);
    expect(getCall("2025").ok).toBe(true);
    expect(getCall(null).ok).toBe(false);
  });

  it("applies a region's overrides over the national figures", () => {
    const file = CallFile.parse({
      ...CALL_2025,
      regionOverrides: {
        "14": {
          subsidyCap: { creacion: { value: 9_000_000, source: "[S6]", confirmed: false } },
          ufValue: { value: 39_000, source: "Banco Central de Chile", confirmed: true },
        },
      },
    });
    const losRios = resolveCall(file, "14");
    expect(losRios.regionCode).toBe("14");
    expect(losRios.subsidyCap.creacion.value).toBe(9_000_000);
    expect(losRios.subsidyCap.fortalecimiento.value).toBe(20_000_000);
    expect(losRios.ufValue.value).toBe(39_000);
    expect(losRios.minimumMembers.value).toBe(5);
    const biobio = resolveCall(file, "08");
    expect(biobio.subsidyCap.creacion.value).toBe(8_000_000);
    expect(biobio.ufValue.value).toBe(38_419);
  });

  it("has a rules version", () => {
    expect(RULES_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
