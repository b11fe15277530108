import { parseWorkbook, PARSE_FINDINGS, type CellValue } from "@coop-plans/shared/workbook";
import { Plan, type Finding } from "@coop-plans/shared/domain";
import { baseWorkbook, sheet, INVERSIONES_HEADER, LINE_1, LINE_2, SOCIOS, COOPERATIVA } from "./grids";

const problems = (findings: Finding[]) => findings.filter((f) => f.severity !== "info");
const ids = (findings: Finding[]) => findings.map((f) => `${f.ruleId}@${f.location.sheet}!${f.location.cell ?? ""}`);

describe("parseWorkbook: a clean small workbook", () => {
  const { plan, findings } = parseWorkbook(baseWorkbook());

  it("reads it with no finding and a schema-valid plan", () => {
    expect(findings).toEqual([]);
    expect(Plan.safeParse(plan).success).toBe(true);
  });

  it("reads the Cooperativa form with typed values", () => {
    const { source, ...coop } = plan.cooperative;
    expect(coop).toEqual({
      callYear: 2025, regionCode: "14", modality: "creacion", name: "Grupo Ejemplo", rut: null, cooperativeType: "de trabajo",
      annualNetSales: null, executionStart: "2025-09-08", executionEnd: "2026-03-07", manager: "Gestora Ejemplo",
      managerEmail: "gestora@example.org", operatorAgent: "Corporación Ejemplo",
    });
    expect(source).toEqual({
      sheet: "Cooperativa", row: 1,
      cells: {
        callYear: "B1", regionCode: "B2", modality: "B3", name: "B4", rut: "B5", cooperativeType: "B6", annualNetSales: "B7",
        executionStart: "B8", executionEnd: "B9", manager: "B10", managerEmail: "B11", operatorAgent: "B12",
      },
    });
    expect(plan.sheets.cooperative).toEqual({ sheet: "Cooperativa", headerRow: 0, headers: expect.objectContaining({ regionCode: "A2" }) });
  });

  it("reads investment lines with catalogue spelling, money, booleans, dates and a cell for every column", () => {
    const [l1, l2] = plan.investmentLines;
    expect(l1).toMatchObject({
      number: 1, group: "Formalización", item: "Gastos de formalización", subitem: "constitución legal", quantity: 1,
      unitPrice: 410000, total: 410000, sercotecAmount: 410000, ownAmount: 0, supplierRut: "77210757-9", quotes: 1,
      usedGood: false, usedGoodAuthorization: null, sustainable: false, plannedPurchaseDate: "2025-11-06", status: "Pendiente",
      executedAmount: null,
    });
    expect(l2).toMatchObject({
      group: "Inversiones", item: "Activos", subitem: "activos fijos", actionNumber: 3, quantity: 2, unitPrice: 1180000,
      total: 2360000, sercotecAmount: 2240000, ownAmount: 120000, supplierRut: "76488731-K", quotes: 3, usedGood: true,
      usedGoodAuthorization: "Resolución 12", sustainable: true, plannedPurchaseDate: "2025-11-17", status: "Comprado", executedAmount: 0,
    });
    expect(l1.source).toEqual({
      sheet: "Plan de Inversiones", row: 2,
      cells: {
        number: "A2", group: "B2", item: "C2", subitem: "D2", description: "E2", actionNumber: "F2", quantity: "G2", unitPrice: "H2",
        total: "I2", sercotecAmount: "J2", ownAmount: "K2", supplier: "L2", supplierRut: "M2", quotes: "N2", usedGood: "O2",
        usedGoodAuthorization: "P2", sustainable: "Q2", plannedPurchaseDate: "R2", status: "S2", executedAmount: "T2",
      },
    });
    expect(plan.sheets.investmentLines).toEqual({
      sheet: "Plan de Inversiones", headerRow: 1,
      headers: expect.objectContaining({ number: "A1", total: "I1", sercotecAmount: "J1", ownAmount: "K1", executedAmount: "T1" }),
    });
  });

  it("reads members, hitos, actions and results", () => {
    expect(plan.members.map((m) => [m.number, m.rut, m.role, m.gender])).toEqual([
      [1, "18919557-5", "presidente/a", "femenino"], [2, "15110178-K", "socio/a", "masculino"],
    ]);
    expect(plan.milestones.map((m) => [m.milestone, m.plannedDate, m.doneDate, m.status, m.attendees])).toEqual([
      [1, "2025-09-17", "2025-09-17", "Realizado", 5], [2, "2025-10-08", null, "En curso", null],
    ]);
    expect(plan.actions[0]).toMatchObject({ axis: "Gobernanza", startDate: "2025-09-22", endDate: "2025-12-19", status: "En curso", progress: 0.3 });
    expect(plan.results[0]).toMatchObject({ baseline: 15, target: 40, result: null });
  });

  it("leaves the follow-up lists empty when the Seguimiento sheets are absent, with no finding", () => {
    expect(plan.followUp).toEqual({ visits: [], links: [], leverage: [] });
  });
});

describe("parseWorkbook: sheets", () => {
  it("matches sheet names case- and accent-insensitively, in any order", () => {
    const base = baseWorkbook();
    const renamed = {
      sheets: [...base.sheets].reverse().map((s) => ({ ...s, name: s.name === "Plan de Acción" ? "PLAN DE ACCION" : s.name.toLowerCase() })),
    };
    const { plan, findings } = parseWorkbook(renamed);
    expect(findings).toEqual([]);
    expect(plan.actions).toHaveLength(1);
    expect(plan.sheets.actions?.sheet).toBe("PLAN DE ACCION");
  });

  it("lists extra sheets in one info finding", () => {
    const { findings } = parseWorkbook(baseWorkbook({ Notas: sheet("Notas", [["x"]]), Hoja2: sheet("Hoja2", [[1]]) }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: "PARSE-006", severity: "info", location: { sheet: "Notas" } });
    expect(findings[0].message).toContain('"Notas", "Hoja2"');
  });

  it("reports a missing required sheet at its A1, and a non-plan workbook for every sheet", () => {
    const { findings } = parseWorkbook(baseWorkbook({ Socios: null }));
    expect(ids(findings)).toEqual(["PARSE-002@Socios!A1"]);
    expect(findings[0].severity).toBe("error");
    const other = parseWorkbook({ sheets: [sheet("Ventas", [["Mes", "Monto"], ["enero", 100]])] });
    expect(ids(other.findings)).toEqual([
      "PARSE-006@Ventas!", "PARSE-002@Cooperativa!A1", "PARSE-002@Socios!A1", "PARSE-002@Hitos!A1",
      "PARSE-002@Plan de Acción!A1", "PARSE-002@Plan de Inversiones!A1", "PARSE-002@Resultados!A1",
    ]);
  });

  it("reports an empty workbook once, as an error", () => {
    for (const grids of [{ sheets: [] }, { sheets: [sheet("Hoja1", [[null, "  "], []])] }]) {
      const { plan, findings } = parseWorkbook(grids);
      expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([["PARSE-001", "error"]]);
      expect(plan.members).toEqual([]);
      expect(plan.cooperative.regionCode).toBeNull();
    }
  });

  it("never throws on malformed input", () => {
    const bad = [
      undefined, null, {}, { sheets: null }, { sheets: [null, { name: 3 }, { name: "Socios", values: [null, 5, [undefined]] }] },
      { sheets: [{ name: "Socios", origin: "zz", values: [["N°", "Nombre", "RUT"], [1, "A", {}]] }] },
    ];
    for (const g of bad) expect(() => parseWorkbook(g as never)).not.toThrow();
  });

  it("reads the optional Seguimiento sheets into followUp", () => {
    const grids = baseWorkbook({
      "Bitácora": sheet("Bitácora", [
        ["Fecha", "Modalidad", "N° de participantes", "Temas tratados", "Acuerdos", "Responsable del acuerdo", "Fecha de compromiso", "Estado del acuerdo", "Hito"],
        ["15-10-2025", "Remota", 6, "Costos", "Fichas de costo", "Tesorera", "30-10-2025", "Pendiente", 2],
      ]),
      VINCULACIONES: sheet("VINCULACIONES", [
        ["N°", "Actor", "Tipo", "Institución", "Propósito", "Fecha", "Estado", "Resultado"],
        [1, "Municipio", "Publico", "Municipalidad", "Feria", 45950, "Acuerdo", "Stand gratis"],
      ]),
      Apalancamiento: sheet("Apalancamiento", [
        ["N°", "Fuente o fondo", "Institución", "Monto solicitado", "Monto adjudicado", "Fecha de postulación", "Estado"],
        [1, "Capital Semilla", "Sercotec", "$ 3.500.000", null, "2025-11-02", "Postulado"],
      ]),
    });
    const { plan, findings } = parseWorkbook(grids);
    expect(findings).toEqual([]);
    expect(plan.followUp?.visits[0]).toMatchObject({ date: "2025-10-15", mode: "Remota", participants: 6, dueDate: "2025-10-30", agreementStatus: "Pendiente", milestone: 2 });
    expect(plan.followUp?.links[0]).toMatchObject({ type: "Público", date: "2025-10-20", status: "Acuerdo" });
    expect(plan.followUp?.leverage[0]).toMatchObject({ requestedAmount: 3500000, awardedAmount: null, applicationDate: "2025-11-02", status: "Postulado" });
    expect(plan.sheets.visits?.sheet).toBe("Bitácora");
  });
});

describe("parseWorkbook: headers", () => {
  it("accepts label variants, units, line breaks, other case and column order", () => {
    const header: CellValue[] = [
      "DESCRIPCION", "No.", "GRUPO", "ITEM", "Subitem", "Actividad\nN°", "Cantidad ", "Valor unitario ($)", "Total ($)",
      "Aporte SERCOTEC ($)", "Aporte propio", "Rut proveedor", "N° de\ncotizaciones",
    ];
    const row: CellValue[] = ["Telar", 1, "Inversiones", "Activos", "activos fijos", 3, "2", "$1.180.000.-", "2.360.000,00", 2240000, "120.000", "76488731-k", 3];
    const { plan, findings } = parseWorkbook(baseWorkbook({ "Plan de Inversiones": sheet("Plan de Inversiones", [header, row]) }));
    expect(findings).toEqual([]);
    expect(plan.investmentLines[0]).toMatchObject({
      number: 1, description: "Telar", actionNumber: 3, quantity: 2, unitPrice: 1180000, total: 2360000,
      sercotecAmount: 2240000, ownAmount: 120000, supplierRut: "76488731-K", quotes: 3, supplier: null, executedAmount: null,
    });
    expect(plan.investmentLines[0].source?.cells).toMatchObject({ number: "B2", description: "A2", actionNumber: "F2" });
    expect(plan.investmentLines[0].source?.cells).not.toHaveProperty("supplier");
  });

  it("never lets \"Actividad N°\" match N°: the longest label wins", () => {
    const header: CellValue[] = ["Actividad N°", ...INVERSIONES_HEADER.slice(1, 5), "N°", ...INVERSIONES_HEADER.slice(6)];
    const row: CellValue[] = [7, ...LINE_1.slice(1, 5), 1, ...LINE_1.slice(6)];
    const { plan, findings } = parseWorkbook(baseWorkbook({ "Plan de Inversiones": sheet("Plan de Inversiones", [header, row]) }));
    expect(findings).toEqual([]);
    expect(plan.investmentLines[0]).toMatchObject({ number: 1, actionNumber: 7 });
    expect(plan.sheets.investmentLines?.headers).toMatchObject({ number: "F1", actionNumber: "A1" });
  });

  it("matches a label that extends an accepted one, exact labels first", () => {
    const header: CellValue[] = [...INVERSIONES_HEADER.slice(0, 6), "Cantidad solicitada", ...INVERSIONES_HEADER.slice(7)];
    const { plan, findings } = parseWorkbook(baseWorkbook({ "Plan de Inversiones": sheet("Plan de Inversiones", [header, LINE_1]) }));
    expect(findings).toEqual([]);
    expect(plan.investmentLines[0].quantity).toBe(1);
  });

  it("finds the header below title rows, with an origin that is not A1, and locates cells absolutely", () => {
    const grid = sheet("Socios", [
      ["NÓMINA DE INTEGRANTES", null, null, null, null],
      ["Grupo Ejemplo", null, null, null, null],
      [null, null, null, null, null],
      ...SOCIOS,
    ], { origin: "C3", merged: ["C3:G3"] });
    const { plan, findings } = parseWorkbook(baseWorkbook({ Socios: grid }));
    expect(findings).toEqual([]);
    expect(plan.sheets.members).toEqual({ sheet: "Socios", headerRow: 6, headers: { number: "C6", name: "D6", rut: "E6", role: "F6", gender: "G6" } });
    expect(plan.members[1].source).toEqual({ sheet: "Socios", row: 8, cells: { number: "C8", name: "D8", rut: "E8", role: "F8", gender: "G8" } });
  });

  it("reads a header merged over two rows as one label per column, whether the host repeats the labels or not", () => {
    const top: CellValue[] = INVERSIONES_HEADER;
    const merged = INVERSIONES_HEADER.map((_, i) => `${String.fromCharCode(65 + i)}5:${String.fromCharCode(65 + i)}6`);
    for (const second of [INVERSIONES_HEADER, INVERSIONES_HEADER.map(() => null)]) {
      const grid = sheet("Plan de Inversiones", [
        ["PLAN DE INVERSIONES 2025", ...INVERSIONES_HEADER.slice(1).map((): CellValue => null)],
        [], [], [],
        top, second, LINE_1, LINE_2,
      ], { merged: ["A1:T1", ...merged] });
      const { plan, findings } = parseWorkbook(baseWorkbook({ "Plan de Inversiones": grid }));
      expect(findings).toEqual([]);
      expect(plan.sheets.investmentLines?.headerRow).toBe(5);
      expect(plan.investmentLines.map((l) => l.source?.row)).toEqual([7, 8]);
    }
  });

  it("reads a repeated lower header row as part of the header even without merge information", () => {
    const grid = sheet("Plan de Inversiones", [INVERSIONES_HEADER, INVERSIONES_HEADER, LINE_1]);
    const { plan, findings } = parseWorkbook(baseWorkbook({ "Plan de Inversiones": grid }));
    expect(findings).toEqual([]);
    expect(plan.investmentLines).toHaveLength(1);
  });

  it("joins a group label merged across columns with the labels under it", () => {
    const top: CellValue[] = ["N°", "Grupo", "Ítem", "Descripción", "Cantidad", "Valor unitario neto", "Total neto", "Aporte", null];
    const bottom: CellValue[] = [null, null, null, null, null, null, null, "Sercotec", "Empresarial"];
    const row: CellValue[] = [1, "Inversiones", "Activos", "Telar", 1, 1000, 1000, 900, 100];
    const grid = sheet("Plan de Inversiones", [top, bottom, row], { merged: ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:F2", "G1:G2", "H1:I1"] });
    const { plan, findings } = parseWorkbook(baseWorkbook({ "Plan de Inversiones": grid }));
    expect(findings).toEqual([]);
    expect(plan.sheets.investmentLines?.headers).toMatchObject({ sercotecAmount: "H1", ownAmount: "I1" });
    expect(plan.investmentLines[0]).toMatchObject({ sercotecAmount: 900, ownAmount: 100 });
  });

  it("reports a missing required column at the header row's first cell", () => {
    const header = INVERSIONES_HEADER.filter((h) => h !== "Aporte Sercotec");
    const row = LINE_1.filter((_, i) => INVERSIONES_HEADER[i] !== "Aporte Sercotec");
    const grid = sheet("Plan de Inversiones", [["Plan 2025"], [], header, row]);
    const { plan, findings } = parseWorkbook(baseWorkbook({ "Plan de Inversiones": grid }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: "PARSE-004", severity: "error", location: { sheet: "Plan de Inversiones", cell: "A3", field: "sercotecAmount" } });
    expect(findings[0].message).toContain('"Aporte Sercotec"');
    expect(plan.investmentLines[0].sercotecAmount).toBeNull();
    expect(plan.investmentLines[0].source?.cells).not.toHaveProperty("sercotecAmount");
  });

  it("reports a table without a recognisable header row", () => {
    const { plan, findings } = parseWorkbook(baseWorkbook({ Socios: sheet("Socios", [["Lista"], ["Ana", "1-9"]]) }));
    expect(ids(findings)).toEqual(["PARSE-003@Socios!A1"]);
    expect(plan.members).toEqual([]);
    expect(plan.sheets.members).toBeUndefined();
  });

  it("warns about a second column for the same field and reads the first exact one", () => {
    const grid = sheet("Socios", [["N°", "Nombre", "RUT", "Rut socio/a"], [1, "Ana", "18.919.557-5", "x"]]);
    const { plan, findings } = parseWorkbook(baseWorkbook({ Socios: grid }));
    expect(ids(findings)).toEqual(["PARSE-024@Socios!D1"]);
    expect(plan.members[0].rut).toBe("18919557-5");
  });
});

describe("parseWorkbook: rows", () => {
  const inv = (rows: CellValue[][], extra = {}) =>
    parseWorkbook(baseWorkbook({ "Plan de Inversiones": sheet("Plan de Inversiones", [INVERSIONES_HEADER, ...rows], extra) }));
  const blank: CellValue[] = [];

  it("skips blank rows inside the table", () => {
    const { plan, findings } = inv([LINE_1, blank, [null, "  "], LINE_2]);
    expect(findings).toEqual([]);
    expect(plan.investmentLines.map((l) => l.source?.row)).toEqual([2, 5]);
  });

  it("never reads a TOTAL row as a line, keeps its figures, and ends the table there", () => {
    for (const label of ["TOTAL", "Totales", "Total general", "Subtotal inversiones", "  total  "]) {
      const total: CellValue[] = [label, null, null, null, null, null, null, null, 2770000, "$ 2.650.000", 120000];
      const note: CellValue[] = ["Nota: las cotizaciones están en la carpeta."];
      const { plan, findings } = inv([LINE_1, LINE_2, total, note], { merged: ["A4:H4"] });
      expect(findings).toEqual([]);
      expect(plan.investmentLines).toHaveLength(2);
      expect(plan.investmentTotalsRow).toEqual({
        sheet: "Plan de Inversiones", row: 4, label: label.trim(), cells: { total: "I4", sercotecAmount: "J4", ownAmount: "K4" },
        unitPrice: null, total: 2770000, sercotecAmount: 2650000, ownAmount: 120000, executedAmount: null,
      });
    }
  });

  it("ends the table at notes after the last line, and after two blank rows", () => {
    const { plan, findings } = inv([LINE_1, ["Nota: revisar"], blank, blank, ["Observación: 3 cotizaciones"]]);
    expect(findings).toEqual([]);
    expect(plan.investmentLines).toHaveLength(1);
    const after = inv([LINE_1, blank, blank, ["Notas"], [null, null, null, null, "ver anexo"]]);
    expect(after.findings).toEqual([]);
    expect(after.plan.investmentLines).toHaveLength(1);
  });

  it("reads rows after two blank rows when they are lines", () => {
    const { plan, findings } = inv([LINE_1, blank, blank, blank, LINE_2]);
    expect(findings).toEqual([]);
    expect(plan.investmentLines.map((l) => l.source?.row)).toEqual([2, 6]);
  });

  it("reports a line left below the TOTAL row instead of dropping it silently", () => {
    const total: CellValue[] = ["TOTAL", null, null, null, null, null, null, null, 410000, 410000, 0];
    const { plan, findings } = inv([LINE_1, total, LINE_2]);
    expect(plan.investmentLines).toHaveLength(1);
    expect(ids(findings)).toEqual(["PARSE-023@Plan de Inversiones!A4"]);
    expect(findings[0].severity).toBe("warning");
  });

  it("keeps a partial row as a line, with findings only on what it could not read", () => {
    const partial: CellValue[] = [3, null, "Capacitación", null, "Curso", null, "dos", "aprox 500 mil", null, "#REF!", null];
    const { plan, findings } = inv([LINE_1, partial]);
    expect(plan.investmentLines).toHaveLength(2);
    expect(plan.investmentLines[1]).toMatchObject({
      number: 3, group: null, item: "Capacitación", description: "Curso", quantity: null, unitPrice: null, total: null, sercotecAmount: null,
    });
    expect(plan.investmentLines[1].source?.cells.total).toBe("I3");
    expect(findings.map((f) => [f.ruleId, f.location.cell, f.severity])).toEqual([
      ["PARSE-011", "G3", "error"], ["PARSE-008", "H3", "error"], ["PARSE-007", "J3", "error"],
    ]);
    expect(findings[1].message).toBe(
      'Valor unitario neto: el valor "aprox 500 mil" no es un monto en pesos. Escriba el monto en cifras, por ejemplo 1.500.000.',
    );
    expect(findings[1].location).toEqual({ sheet: "Plan de Inversiones", cell: "H3", field: "unitPrice" });
  });

  it("reports error-typed cells when the host gives types", () => {
    const types = [INVERSIONES_HEADER.map(() => "string"), LINE_1.map((v) => (v === null ? "empty" : typeof v === "number" ? "number" : "string"))];
    types[1][8] = "error";
    const row = [...LINE_1];
    row[8] = "fórmula sin valor calculado";
    const { plan, findings } = inv([row], { types });
    expect(plan.investmentLines[0].total).toBeNull();
    expect(findings.map((f) => [f.ruleId, f.location.cell])).toEqual([["PARSE-007", "I2"]]);
    expect(findings[0].message).toContain("fórmula sin valor calculado");
  });

  it("reads a note line inside the table as a note, with an info finding", () => {
    const { plan, findings } = inv([LINE_1, ["Nota: la línea 2 está pendiente"], LINE_2]);
    expect(plan.investmentLines).toHaveLength(2);
    expect(findings.map((f) => [f.ruleId, f.severity, f.location.cell])).toEqual([["PARSE-022", "info", "A3"]]);
  });

  it("propagates a Grupo merged down several lines to each line", () => {
    const l2 = [...LINE_2];
    l2[1] = null;
    const l1 = [...LINE_1];
    l1[1] = "Inversiones";
    const { plan } = inv([l1, l2], { merged: ["B2:B3"] });
    expect(plan.investmentLines.map((l) => l.group)).toEqual(["Inversiones", "Inversiones"]);
  });

  it("reads serial dates under the 1904 system", () => {
    const row = [...LINE_1];
    row[17] = 44505; // 1904 system: 2025-11-06
    const grids = baseWorkbook({ "Plan de Inversiones": sheet("Plan de Inversiones", [INVERSIONES_HEADER, row]) }, true);
    const { plan } = parseWorkbook(grids);
    expect(plan.investmentLines[0].plannedPurchaseDate).toBe("2025-11-06");
    // The same serial 45917 that is 2025-09-17 in the 1900 system is 1462 days later in 1904.
    expect(plan.milestones[0].plannedDate).toBe("2029-09-18");
  });
});

describe("parseWorkbook: the Cooperativa form", () => {
  it("reads a form below a title, labels in another column, variants and merged labels", () => {
    const grid = sheet("COOPERATIVA", [
      ["PROGRAMA — CONVOCATORIA 2025", null, null, null],
      ["Ficha del grupo", null, null, null],
      [null, null, null, null],
      [null, "NOMBRE DE LA COOPERATIVA O GRUPO", null, "Grupo X"],
      [null, "Region:", "VIII", null],
      [null, "Convocatoria", "2025", null],
      [null, "Modalidad ", "M2", null],
      [null, "Tipo de Cooperativa", "Cooperativa de servicios", null],
      [null, "RUT", "76.123.456-0", null],
      [null, "Ventas netas anuales", "$ 45.000.000", null],
      [null, "Fecha de inicio de ejecucion", "01.10.2025", null],
      [null, "GESTOR/A", "Gestor Y", null],
      [null, "Correo del Gestor/a", "y@example.org", null],
      [null, "Agente Operador (AOS)", "AOS Z", null],
    ], { merged: ["A1:D1", "B4:C4"] });
    const { plan, findings } = parseWorkbook(baseWorkbook({ Cooperativa: grid }));
    expect(findings).toEqual([]);
    const { source, ...coop } = plan.cooperative;
    expect(coop).toEqual({
      callYear: 2025, regionCode: "08", modality: "fortalecimiento", name: "Grupo X", rut: "76123456-0", cooperativeType: "de servicios",
      annualNetSales: 45000000, executionStart: "2025-10-01", executionEnd: null, manager: "Gestor Y", managerEmail: "y@example.org",
      operatorAgent: "AOS Z",
    });
    expect(source?.cells).toMatchObject({ name: "D4", regionCode: "C5", executionStart: "C11" });
    expect(source?.cells).not.toHaveProperty("executionEnd");
  });

  it("reports unreadable form values on their cells and a missing required row", () => {
    const rows = COOPERATIVA.filter((r) => r[0] !== "Gestor/a").map((r) =>
      r[0] === "Región" ? ["Región", "Patagonia"] : r[0] === "Fecha de inicio de ejecución" ? ["Fecha de inicio de ejecución", "31-02-2025"] : r);
    const { plan, findings } = parseWorkbook(baseWorkbook({ Cooperativa: sheet("Cooperativa", rows) }));
    expect(ids(findings)).toEqual(["PARSE-016@Cooperativa!B2", "PARSE-015@Cooperativa!B8", "PARSE-005@Cooperativa!A1"]);
    expect(plan.cooperative.regionCode).toBeNull();
    expect(plan.cooperative.manager).toBeNull();
  });
});

describe("parse finding ids", () => {
  it("are documented, well-formed and carry Spanish messages", () => {
    for (const [id, doc] of Object.entries(PARSE_FINDINGS)) {
      expect(id).toMatch(/^[A-Z]+-\d{3}$/);
      expect(["error", "warning", "info"]).toContain(doc.severity);
    }
    const { findings } = parseWorkbook({ sheets: [sheet("Ventas", [["x"]])] });
    for (const f of problems(findings)) expect(f.message).toMatch(/Agregue|Escriba/);
  });
});

describe("text longer than the system stores (newcomer trial: 10,000 characters validated with 0 errors, then sync refused the plan far from the cell)", () => {
  it("is PARSE-028 on its cell, an error, and the line is still read", () => {
    const long = [...LINE_1];
    long[4] = "x".repeat(10_000);
    const { plan, findings } = parseWorkbook(baseWorkbook({ "Plan de Inversiones": sheet("Plan de Inversiones", [INVERSIONES_HEADER, long, LINE_2]) }));
    expect(ids(problems(findings))).toEqual(["PARSE-028@Plan de Inversiones!E2"]);
    expect(findings.find((f) => f.ruleId === "PARSE-028")!.severity).toBe("error");
    expect(plan.investmentLines.map((l) => l.description)).toEqual([null, LINE_2[4]]);
  });
});
