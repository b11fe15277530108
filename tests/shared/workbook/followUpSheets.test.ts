import { readFileSync } from "node:fs";
import path from "node:path";
import { parseWorkbook, renderWorkbook, templateToGrids, type CellValue } from "@coop-plans/shared/workbook";
import { validatePlan } from "@coop-plans/shared/rules";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import { baseWorkbook, sheet } from "./grids";

const BITACORA_HEADER: CellValue[] = ["Fecha", "Modalidad", "N° de participantes", "Temas tratados", "Acuerdos", "Responsable del acuerdo", "Fecha de compromiso", "Estado del acuerdo", "Hito"];

describe("Seguimiento sheets are optional", () => {
  it("the clean sample workbook (no Seguimiento sheets) reads and validates clean, with empty follow-up", async () => {
    const { plan, findings } = parseWorkbook(await readWorkbookGrids(readFileSync(path.join(__dirname, "../../fixtures/clean_creacion.xlsx"))));
    expect(findings).toEqual([]);
    expect(plan.followUp).toEqual({ visits: [], links: [], leverage: [] });
    expect(plan.sheets.visits).toBeUndefined();
    // Any date, even long after the period: no SEG rule fires without a Bitácora.
    for (const asOf of ["2025-10-01", "2026-12-31"]) expect(validatePlan(plan, { asOf })).toEqual([]);
  });

  it("the small grids without the sheets validate clean too", () => {
    const { plan, findings } = parseWorkbook(baseWorkbook());
    expect([...findings, ...validatePlan(plan, { asOf: "2026-06-30" })].map((f) => f.ruleId).filter((id) => id.startsWith("SEG") || id.startsWith("PARSE"))).toEqual([]);
  });

  it("an empty Bitácora (header only) is a Bitácora: SEG-002 then asks for monthly visits", () => {
    const { plan, findings } = parseWorkbook(baseWorkbook({ "Bitácora": sheet("Bitácora", [BITACORA_HEADER]) }));
    expect(findings).toEqual([]);
    expect(plan.sheets.visits?.sheet).toBe("Bitácora");
    expect(validatePlan(plan, { asOf: "2025-10-08" }).filter((f) => f.ruleId === "SEG-002").map((f) => `${f.location.sheet}!${f.location.cell}`)).toEqual(["Bitácora!A1"]);
  });
});

describe("the parser's tolerance applies to the Seguimiento sheets", () => {
  it("reads a Bitácora with a title above, header variants, text dates in every form, a blank row and a note below", () => {
    const grid = sheet("BITACORA DE VISITAS", [
      ["BITÁCORA DE ASESORÍAS 2025", null, null, null, null, null, null, null, null],
      ["Grupo Ejemplo", null, null, null, null, null, null, null, null],
      [null, null, null, null, null, null, null, null, null],
      ["Fecha de la\nvisita", "Tipo de visita", "Participantes", "TEMAS", "Acuerdos y compromisos", "Responsable", "Plazo", "Estado", "Hito N°"],
      ["15-10-2025", "remota", "6", "Costos", "Fichas de costo", "Tesorera", "30/10/2025", "pendiente", 2],
      [null, null, null, null, null, null, null, null, null],
      [" 12.11.2025 ", "PRESENCIAL", 5, "Feria", "Inscribirse", "Presidenta", "2025-11-28", "Cumplido", "3"],
      [45999, "Presencial", 4, "Ventas", "Revisar boletas", null, null, null, null],
      [null, null, null, null, null, null, null, null, null],
      [null, null, null, null, null, null, null, null, null],
      ["Nota: las actas firmadas están en la carpeta compartida.", null, null, null, null, null, null, null, null],
    ]);
    const { plan, findings } = parseWorkbook(baseWorkbook({ "BITACORA DE VISITAS": grid }));
    expect(findings).toEqual([]);
    expect(plan.followUp!.visits.map((v) => [v.date, v.mode, v.participants, v.topics, v.dueDate, v.agreementStatus, v.milestone])).toEqual([
      ["2025-10-15", "Remota", 6, "Costos", "2025-10-30", "Pendiente", 2],
      ["2025-11-12", "Presencial", 5, "Feria", "2025-11-28", "Cumplido", 3],
      ["2025-12-08", "Presencial", 4, "Ventas", null, null, null],
    ]);
    expect(plan.followUp!.visits[1].source).toMatchObject({ sheet: "BITACORA DE VISITAS", row: 7, cells: { date: "A7", agreementStatus: "H7" } });
    expect(plan.sheets.visits).toMatchObject({ sheet: "BITACORA DE VISITAS", headerRow: 4 });
  });

  it("reads Vinculaciones and Apalancamiento with variants, money and dates as text, and a TOTAL row that is never a line", () => {
    const { plan, findings } = parseWorkbook(baseWorkbook({
      Redes: sheet("Redes", [
        ["Nº", "Nombre del actor", "Tipo de actor", "Organización", "Objetivo", "Fecha de contacto", "Estado de la vinculación", "Resultados"],
        [1, "INDAP", "publico", "INDAP Los Ríos", "Crédito", "20.10.2025", "reunion", null],
        [null, null, null, null, null, null, null, null],
        [2, "Universidad", "Academia", null, "Análisis", null, "Convenio firmado", "Dos análisis"],
      ]),
      "Otros fondos": sheet("Otros fondos", [
        ["FONDOS POSTULADOS", null, null, null, null, null, null],
        ["No.", "Fondo", "Entidad", "Monto postulado", "Monto obtenido", "Fecha postulación", "Estado de la postulación"],
        [1, "Capital Semilla", "Sercotec", "$ 3.500.000", "$3.000.000.-", "02-11-2025", "adjudicado"],
        [2, "FOSIS", "FOSIS", "1.500.000,00", null, "2025-12-01", "Postulado"],
        ["TOTAL", null, null, 5_000_000, 3_000_000, null, null],
      ]),
    }));
    expect(findings).toEqual([]);
    expect(plan.followUp!.links.map((l) => [l.number, l.actor, l.type, l.institution, l.date, l.status])).toEqual([
      [1, "INDAP", "Público", "INDAP Los Ríos", "2025-10-20", "Reunión"],
      [2, "Universidad", "Academia", null, null, "Convenio firmado"],
    ]);
    expect(plan.followUp!.leverage.map((x) => [x.fund, x.requestedAmount, x.awardedAmount, x.applicationDate, x.status])).toEqual([
      ["Capital Semilla", 3_500_000, 3_000_000, "2025-11-02", "Adjudicado"],
      ["FOSIS", 1_500_000, null, "2025-12-01", "Postulado"],
    ]);
  });

  it("turns an impossible date, an unknown estado and text in a money column into findings on their cells, never guesses", () => {
    const { plan, findings } = parseWorkbook(baseWorkbook({
      "Bitácora": sheet("Bitácora", [BITACORA_HEADER, ["31-02-2025", "Presencial", 5, "Costos", "Fichas", null, null, "quizás", 2]]),
      Apalancamiento: sheet("Apalancamiento", [["Fuente o fondo", "Institución", "Monto solicitado"], ["Fondo X", "GORE", "aprox 500 mil"]]),
    }));
    expect(findings.map((f) => `${f.location.sheet}!${f.location.cell}`).sort()).toEqual(["Apalancamiento!C2", "Bitácora!A2", "Bitácora!H2"]);
    expect(findings.every((f) => f.severity === "error" || f.severity === "warning")).toBe(true);
    // The rows are kept (never dropped), with the unreadable values empty.
    expect(plan.followUp!.visits).toHaveLength(1);
    expect(plan.followUp!.leverage[0]).toMatchObject({ fund: "Fondo X", requestedAmount: null });
  });
});

describe("the template's Seguimiento sheets", () => {
  it("offer dropdowns on Modalidad, Estado del acuerdo, Hito, Tipo and Estado, and parse back empty", () => {
    const wb = renderWorkbook({ modality: "creacion" });
    const list = (name: string, header: string) => {
      const s = wb.sheets.find((x) => x.name === name)!;
      const col = String.fromCharCode(65 + s.values[0].indexOf(header));
      return s.validations.find((v) => v.range.startsWith(`${col}2:`))?.list;
    };
    expect(list("Bitácora", "Modalidad")).toEqual(["Presencial", "Remota"]);
    expect(list("Bitácora", "Estado del acuerdo")).toEqual(["Pendiente", "Cumplido", "Vencido"]);
    expect(list("Bitácora", "Hito")).toEqual(["1", "2", "3", "4"]);
    expect(list("Vinculaciones", "Tipo")).toEqual(["Público", "Privado", "Academia", "Sociedad civil"]);
    expect(list("Vinculaciones", "Estado")).toEqual(["Contactado", "Reunión", "Acuerdo", "Convenio firmado"]);
    expect(list("Apalancamiento", "Estado")).toEqual(["En preparación", "Postulado", "Adjudicado", "Rechazado"]);
    const back = parseWorkbook(templateToGrids(wb));
    expect(back.findings).toEqual([]);
    expect(back.plan.followUp).toEqual({ visits: [], links: [], leverage: [] });
  });
});
