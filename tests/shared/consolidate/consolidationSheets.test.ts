import { consolidate, consolidationSheets } from "@coop-plans/shared/consolidate";
import { sampleInputs } from "./fixtures";

describe("consolidationSheets", () => {
  const c = consolidate(sampleInputs(), { target: { regionCode: "14" }, generatedAt: "2025-10-02T10:00:00.000Z" });
  const sheets = consolidationSheets(c);
  const byName = Object.fromEntries(sheets.map((s) => [s.name, s]));

  it("writes one sheet per view (no Por región for a region)", () => {
    expect(sheets.map((s) => s.name)).toEqual(["Resumen", "Por cooperativa", "Por ítem", "Por estado", "Por hito", "Cumplimiento"]);
    for (const s of sheets) for (const row of s.rows) expect(row).toHaveLength(s.columns.length);
  });

  it("Resumen: count, amounts and shares", () => {
    const rows = byName["Resumen"].rows;
    expect(byName["Resumen"].title).toBe("Consolidado Región 14 Los Ríos (2025-10-02)");
    expect(rows[0]).toEqual(["Cooperativas", null, 4, null]);
    expect(rows[1]).toEqual(["Inversión total (total neto)", 4_500_000, null, null]);
    expect(rows[2].slice(0, 2)).toEqual(["Aporte Sercotec", 4_314_000]);
    expect(rows[3].slice(0, 2)).toEqual(["Aporte empresarial", 186_000]);
    expect(rows.find((r) => r[0] === "Planes aprobados")).toEqual(["Planes aprobados", 1_500_000, 1, 0.25]);
    expect(rows.find((r) => r[0] === "Cooperativas con errores")).toEqual(["Cooperativas con errores", null, 1, 0.25]);
  });

  it("Por cooperativa: a row each and a total row equal to the totals", () => {
    const s = byName["Por cooperativa"];
    expect(s.rows[0].slice(0, 15)).toEqual([
      "Cooperativa Alfa", "14 Los Ríos", "Creación y Desarrollo", "Aprobado", 3, 1_500_000, 1_474_000, 26_000, 700_000,
      26_000 / 1_474_000, 0, 0, "2025 v2", "Realizado", "Realizado",
    ]);
    expect(s.columns[12]).toEqual({ header: "Reglas", width: 10 });
    // A plan whose revision names no pack (a consolidation of files), and a cooperative without a plan: empty.
    expect(s.rows.map((r) => r[12])).toEqual(["2025 v2", null, null, null]);
    expect(c.cooperatives.map((r) => r.rulePack)).toEqual([{ year: 2025, version: 2 }, null, null, null]);
    expect(s.rows[2].slice(0, 5)).toEqual(["Cooperativa Delta", "14 Los Ríos", null, "Sin plan", 0]);
    expect(s.totalRow?.slice(0, 9)).toEqual(["Total (4 cooperativas)", null, null, null, null, 4_500_000, 4_314_000, 186_000, 800_000]);
    expect(s.columns[5]).toEqual({ header: "Inversión total", kind: "clp", width: 16 });
  });

  it("Por ítem: ítem rows followed by their sub-ítems", () => {
    const s = byName["Por ítem"];
    expect(s.rows.map((r) => [r[0], r[2], r[3], r[6]])).toEqual([
      ["Ítem", "Capacitación", null, 200_000],
      ["Ítem", "Acciones de marketing", null, 500_000],
      ["Sub-ítem", "Acciones de marketing", "ferias y eventos", 500_000],
      ["Ítem", "Activos", null, 3_100_000],
      ["Sub-ítem", "Activos", "activos fijos", 3_000_000],
      ["Sub-ítem", "Activos", "activos intangibles", 100_000],
      ["Ítem", "Capital de trabajo", null, 300_000],
      ["Sub-ítem", "Capital de trabajo", "materias primas y materiales", 300_000],
      ["Ítem", "Maquinaria", null, 400_000],
    ]);
    expect(s.totalRow?.slice(6, 10)).toEqual([4_500_000, 4_314_000, 186_000, 800_000]);
  });

  it("Por estado, Por hito and Cumplimiento", () => {
    // The cooperative without a plan is counted under «Sin plan», never as a borrador (newcomer trial).
    expect(byName["Por estado"].rows.map((r) => r.slice(0, 3))).toEqual([["Borrador", 1, 0.25], ["Enviado", 1, 0.25], ["Observado", 0, 0], ["Aprobado", 1, 0.25], ["Sin plan", 1, 0.25]]);
    expect(byName["Por hito"].rows[0]).toEqual([1, "Socialización del programa", 1, 0, 2, 1, 0.5]);
    expect(byName["Cumplimiento"].rows).toEqual([
      ["INV-001", "Error", 1, 0.25, 2],
      ["INV-005", "Error", 1, 0.25, 1],
      ["INV-010", "Advertencia", 2, 0.5, 3],
    ]);
  });

  it("adds Por región nationally", () => {
    const national = consolidationSheets(consolidate(sampleInputs(), { target: { national: true }, generatedAt: "2025-10-02T10:00:00.000Z" }));
    const regions = national.find((s) => s.name === "Por región");
    expect(regions?.rows.map((r) => r.slice(0, 4))).toEqual([["08", "Biobío", 1, 1_000_000], ["14", "Los Ríos", 4, 4_500_000]]);
    expect(regions?.totalRow?.slice(2, 4)).toEqual([5, 5_500_000]);
  });
});
