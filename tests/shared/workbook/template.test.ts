import { parseWorkbook, renderWorkbook, templateToGrids, WORKBOOK_LAYOUT, type TemplateSheet } from "@coop-plans/shared/workbook";
import { PACK_2025, RulePack, validatePlan } from "@coop-plans/shared/rules";
import type { Plan } from "@coop-plans/shared/domain";
import { baseWorkbook, sheet } from "./grids";

const byName = (sheets: TemplateSheet[], name: string) => sheets.find((s) => s.name === name)!;

/** The plan without where it came from (sources differ between two workbooks holding the same plan). */
function withoutSources(plan: Plan): unknown {
  const strip = (o: unknown): unknown =>
    Array.isArray(o) ? o.map(strip)
      : o && typeof o === "object" ? Object.fromEntries(Object.entries(o).filter(([k]) => k !== "source").map(([k, v]) => [k, strip(v)]))
        : o;
  const { sheets, ...rest } = plan;
  void sheets;
  return strip(rest);
}

describe("renderWorkbook: the empty template", () => {
  const wb = renderWorkbook({ modality: "fortalecimiento" });

  it("has every sheet of layout v1.1 in order, with its header row", () => {
    expect(wb.layoutVersion).toBe("1.1");
    expect(wb.sheets.map((s) => s.name)).toEqual([
      "Cooperativa", "Socios", "Hitos", "Plan de Acción", "Plan de Inversiones", "Resultados", "Bitácora", "Vinculaciones", "Apalancamiento",
    ]);
    expect(byName(wb.sheets, "Plan de Inversiones").values[0]).toEqual([
      "N°", "Grupo", "Ítem", "Sub-ítem", "Descripción", "Actividad N°", "Cantidad", "Valor unitario neto", "Total neto", "Aporte Sercotec",
      "Aporte empresarial", "Proveedor", "RUT proveedor", "N° de cotizaciones", "Bien usado", "Autorización bien usado", "Sustentable",
      "Fecha estimada de compra", "Estado", "Monto ejecutado",
    ]);
    for (const s of wb.sheets.filter((x) => x.name !== "Cooperativa")) {
      expect(s.frozenRows).toBe(1);
      expect(s.headerRow).toBe(1);
      expect(s.columnWidths).toHaveLength(s.values[0].length);
    }
    expect(byName(wb.sheets, "Cooperativa")).toMatchObject({ kind: "form", headerRow: 0, frozenRows: 0 });
  });

  it("writes the modality and lists the four hitos", () => {
    const coop = byName(wb.sheets, "Cooperativa");
    expect(coop.values.find((r) => r[0] === "Modalidad")).toEqual(["Modalidad", "Fortalecimiento"]);
    expect(byName(wb.sheets, "Hitos").values.slice(1).map((r) => r.slice(0, 2))).toEqual([
      [1, "Socialización"], [2, "Plan de acción"], [3, "Plan de inversiones"], [4, "Medición de resultados y cuenta pública"],
    ]);
  });

  it("formats CLP, date and percentage columns over the input rows", () => {
    const inv = byName(wb.sheets, "Plan de Inversiones");
    const fmt = (range: string) => inv.numberFormats.find((f) => f.range === range)?.format;
    expect(fmt("H2:H201")).toBe('"$"#,##0');
    expect(fmt("I2:I201")).toBe('"$"#,##0');
    expect(fmt("J2:J201")).toBe('"$"#,##0');
    expect(fmt("K2:K201")).toBe('"$"#,##0');
    expect(fmt("T2:T201")).toBe('"$"#,##0');
    expect(fmt("R2:R201")).toBe("dd-mm-yyyy");
    expect(fmt("E2:E201")).toBeUndefined();
    expect(inv.dateRanges).toEqual(["R2:R201"]);
    expect(byName(wb.sheets, "Plan de Acción").numberFormats).toEqual(expect.arrayContaining([
      { range: "G2:G201", format: "dd-mm-yyyy" }, { range: "H2:H201", format: "dd-mm-yyyy" }, { range: "M2:M201", format: "0%" },
    ]));
    const coop = byName(wb.sheets, "Cooperativa");
    expect(coop.numberFormats).toEqual(expect.arrayContaining([
      { range: "B7:B7", format: '"$"#,##0' }, { range: "B8:B8", format: "dd-mm-yyyy" }, { range: "B9:B9", format: "dd-mm-yyyy" },
    ]));
  });

  it("offers dropdown lists on list columns from the 2025 pack (Gastos de formalización stays in Fortalecimiento: INV-009 is unconfirmed)", () => {
    const inv = byName(wb.sheets, "Plan de Inversiones");
    const list = (s: TemplateSheet, range: string) => s.validations.find((v) => v.range === range)?.list;
    expect(list(inv, "C2:C201")).toEqual([
      "Asistencia técnica y asesoría en gestión", "Capacitación", "Acciones de marketing", "Activos", "Habilitación de infraestructura", "Capital de trabajo",
      "Gastos de formalización",
    ]);
    expect(list(inv, "B2:B201")).toEqual(["Acciones de Gestión Empresarial", "Inversiones", "Formalización"]);
    expect(list(inv, "O2:O201")).toEqual(["Sí", "No"]);
    expect(list(inv, "S2:S201")).toEqual(["Pendiente", "Comprado", "Rendido"]);
    expect(list(byName(wb.sheets, "Plan de Acción"), "B2:B201")).toEqual([
      "Gobernanza", "Modelo de negocio", "Estrategia comercial", "Gestión", "Asociatividad", "Sustentabilidad", "Vinculación", "Formalización", "Otro",
    ]);
    expect(list(byName(wb.sheets, "Socios"), "D2:D201")).toEqual([
      "presidente/a", "vicepresidente/a", "secretario/a", "tesorero/a", "consejero/a", "junta de vigilancia", "gerente", "socio/a",
    ]);
    expect(list(byName(wb.sheets, "Hitos"), "A2:A201")).toEqual(["1", "2", "3", "4"]);
    const coop = byName(wb.sheets, "Cooperativa");
    expect(list(coop, "B3:B3")).toEqual(["Creación y Desarrollo", "Fortalecimiento"]);
    expect(list(coop, "B2:B2")).toHaveLength(16);
    expect(list(coop, "B6:B6")).toEqual(["agrícola", "campesina", "pesquera", "de consumo", "de trabajo", "de servicios"]);
    expect(list(renderWorkbook({ modality: "creacion" }).sheets[4], "C2:C201")).toContain("Gastos de formalización");
  });

  it("marks the open lists (Cargo, Género, Eje, Tipo) as suggestions and the closed ones not", () => {
    const open = wb.sheets.flatMap((s) => s.validations.filter((v) => v.open).map((v) => `${s.name}!${v.range}`));
    expect(open).toEqual(["Cooperativa!B6:B6", "Socios!D2:D201", "Socios!E2:E201", "Plan de Acción!B2:B201"]);
  });

  it("takes its dropdowns from the pack in force", () => {
    const pack = RulePack.parse({
      ...PACK_2025,
      year: 2026,
      figures: { ...PACK_2025.figures, creacionOnlyItems: { ...PACK_2025.figures.creacionOnlyItems, confirmed: true } },
      enumerations: { ...PACK_2025.enumerations, actionAxes: { ...PACK_2025.enumerations.actionAxes, values: ["Gobernanza", "Innovación"] } },
    });
    const sheets = renderWorkbook({ modality: "fortalecimiento", pack }).sheets;
    const list = (s: TemplateSheet, range: string) => s.validations.find((v) => v.range === range)?.list;
    expect(list(byName(sheets, "Plan de Acción"), "B2:B201")).toEqual(["Gobernanza", "Innovación"]);
    // Confirmed Creación-only: Fortalecimiento's ítem list leaves it out.
    expect(list(byName(sheets, "Plan de Inversiones"), "C2:C201")).not.toContain("Gastos de formalización");
  });

  it("keeps every list within Excel's inline limit and every list value readable back", () => {
    for (const s of renderWorkbook({}).sheets) {
      for (const v of s.validations) {
        expect(v.list.join(",").length).toBeLessThanOrEqual(255);
        for (const item of v.list) expect(item).not.toContain(",");
      }
    }
    // Each region name of the dropdown reads back as a region.
    const coop = renderWorkbook({}).sheets[0];
    const regions = coop.validations.find((v) => v.range === "B2:B2")!.list;
    const codes = regions.map((name) => {
      const grids = baseWorkbook({ Cooperativa: sheet("Cooperativa", [["Región", name], ["Convocatoria", 2025]]) });
      return parseWorkbook(grids).plan.cooperative.regionCode;
    });
    expect(new Set(codes).size).toBe(16);
  });

  it("parses back as an empty plan with the template's hitos and no table finding", () => {
    const { plan, findings } = parseWorkbook(templateToGrids(renderWorkbook({ modality: "creacion" })));
    expect(findings).toEqual([]);
    expect(plan.cooperative.modality).toBe("creacion");
    expect(plan.milestones.map((m) => [m.milestone, m.name])).toEqual([
      [1, "Socialización"], [2, "Plan de acción"], [3, "Plan de inversiones"], [4, "Medición de resultados y cuenta pública"],
    ]);
    expect(plan.investmentLines).toEqual([]);
  });
});

describe("renderWorkbook: filled from a plan", () => {
  const source = parseWorkbook(baseWorkbook({
    "Bitácora": sheet("Bitácora", [
      ["Fecha", "Modalidad", "N° de participantes", "Temas tratados", "Acuerdos", "Responsable del acuerdo", "Fecha de compromiso", "Estado del acuerdo", "Hito"],
      ["15-10-2025", "Remota", 6, "Costos", "Fichas de costo", "Tesorera", "30-10-2025", "Pendiente", 2],
    ]),
    Vinculaciones: sheet("Vinculaciones", [["Actor", "Tipo", "Propósito", "Fecha"], ["Municipio", "Público", "Feria", 45950]]),
    Apalancamiento: sheet("Apalancamiento", [["Fuente o fondo", "Institución", "Monto solicitado", "Estado"], ["Capital Semilla", "Sercotec", 3500000, "Postulado"]]),
  }));
  const plan: Plan = {
    ...source.plan,
    cooperative: { ...source.plan.cooperative, rut: "76123456-0", annualNetSales: 45000000, modality: "fortalecimiento", regionCode: "06" },
    investmentLines: [
      ...source.plan.investmentLines,
      { ...source.plan.investmentLines[1], number: 3, quantity: 1.5, unitPrice: 1001, total: 1502, sercotecAmount: 1502, ownAmount: 0, item: "Compra de terreno", subitem: null, group: null },
    ],
    actions: [{ ...source.plan.actions[0], progress: 1, status: "Realizada" }, { ...source.plan.actions[0], number: 2, progress: 0.125, status: null }],
  };

  it("starts from a plan read without findings", () => {
    expect(source.findings).toEqual([]);
  });

  it("writes dates as 1900-system serials, money as numbers, Sí/No and region names", () => {
    const wb = renderWorkbook({ plan });
    const inv = byName(wb.sheets, "Plan de Inversiones");
    expect(inv.values[1][17]).toBe(45967);
    expect(inv.values[2].slice(7, 11)).toEqual([1180000, 2360000, 2240000, 120000]);
    expect(inv.values[2][14]).toBe("Sí");
    const coop = byName(wb.sheets, "Cooperativa");
    expect(coop.values.find((r) => r[0] === "Región")).toEqual(["Región", "O'Higgins"]);
    expect(coop.values.find((r) => r[0] === "Fecha de inicio de ejecución")).toEqual(["Fecha de inicio de ejecución", 45908]);
  });

  it("round-trips: parseWorkbook(grids of renderWorkbook({plan})) gives the same plan", () => {
    const back = parseWorkbook(templateToGrids(renderWorkbook({ plan })));
    expect(back.findings).toEqual([]);
    expect(withoutSources(back.plan)).toEqual(withoutSources(plan));
    expect(back.plan.followUp?.visits).toHaveLength(1);
    expect(back.plan.investmentLines[2].source?.cells.total).toBe("I4");
  });

  it("a plan with no follow-up renders without Bitácora, Vinculaciones and Apalancamiento, and reads back the same, with the same findings", () => {
    // Second trial: the server's copy of such a plan carried empty follow-up sheets, read back as
    // a follow-up with no visits: 6 SEG-002 warnings the server never reported for that plan.
    const noFollowUp = parseWorkbook(baseWorkbook({})).plan; // the six plan sheets only
    expect(noFollowUp.sheets?.visits).toBeUndefined();
    const wb = renderWorkbook({ plan: noFollowUp });
    expect(wb.sheets.map((x) => x.name)).toEqual(["Cooperativa", "Socios", "Hitos", "Plan de Acción", "Plan de Inversiones", "Resultados"]);
    const back = parseWorkbook(templateToGrids(wb));
    expect(withoutSources(back.plan)).toEqual(withoutSources(noFollowUp));
    const withoutFollowUp = noFollowUp;
    const asOf = "2026-03-31";
    expect(validatePlan(back.plan, { asOf }).map((f) => f.ruleId)).toEqual(validatePlan(withoutFollowUp, { asOf }).map((f) => f.ruleId));
  });

  it("covers every column of the layout in the rendered sheets", () => {
    const wb = renderWorkbook({ plan });
    for (const spec of WORKBOOK_LAYOUT) {
      const s = byName(wb.sheets, spec.name);
      const labels = spec.kind === "form" ? s.values.map((r) => r[0]) : s.values[0];
      expect(labels).toEqual(spec.kind === "form" ? spec.fields.map((f) => f.label) : spec.columns.map((c) => c.label));
    }
  });
});
