import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import type { CellValue } from "@coop-plans/shared/workbook";
import { reportToFile } from "../../cli/src/commands/report";
import { COMMANDS } from "../../cli/src/main";

const fixtures = path.resolve(__dirname, "../fixtures");
const FOLLOW_UP = path.join(fixtures, "followup_creacion.xlsx");
/**
 * Plan workbooks without Seguimiento sheets, each with its own figures: the repo's clean example
 * (always there) and the program's sample (../shared/samples, beside the repo on the development
 * machines; skipped, with the reason printed, in a clone without it).
 */
const PLAN_WORKBOOKS = [
  { name: "the repo's clean example", file: path.join(fixtures, "clean_creacion.xlsx"), total: 5_350_000, sercotec: 5_190_000, own: 160_000 },
  { name: "the shared sample", file: path.resolve(__dirname, "../../../shared/samples/clean_creacion_textil.xlsx"), total: 7_367_000, sercotec: 7_190_000, own: 177_000 },
];
const absent = PLAN_WORKBOOKS.filter((w) => !existsSync(w.file));
if (absent.length > 0) console.warn(`report tests skipped for: ${absent.map((w) => `${w.name} (${w.file} not found)`).join(", ")}`);

/** Reads informe.xlsx back: its one sheet's rows, and a label → value map of the summary (column A → B). */
async function readReport(file: string): Promise<{ names: string[]; rows: CellValue[][]; fact: (label: string) => CellValue | undefined }> {
  const grids = await readWorkbookGrids(readFileSync(file));
  const rows = grids.sheets[0].values;
  return { names: grids.sheets.map((s) => s.name), rows, fact: (label) => rows.find((r) => r[0] === label)?.[1] };
}

describe("coop-plans report", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "coop-plans-report-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is listed among the commands", () => {
    expect(COMMANDS.map((c) => c({ emit: () => undefined }).name())).toContain("report");
  });

  it("writes informe.xlsx for the follow-up fixture at 2025-12-15, with every figure, and prints the summary (exit 0)", async () => {
    const out = path.join(dir, "informe.xlsx");
    const result = await reportToFile(FOLLOW_UP, { output: out, asOf: "2025-12-15" });
    expect(result).toEqual({
      exitCode: 0,
      output: [
        "Informe de avance: Grupo Pre-cooperativo Recolectoras de Murta de Llanquihue al 15-12-2025",
        "  Hitos realizados:   2 de 4",
        "  Acciones:           1 de 4 realizadas; avance promedio 43,8 %",
        "  Inversión:          ejecutado $3.160.000 de $5.350.000 (59,1 %)",
        "  Visitas a la fecha: 4 (última el 10-12-2025)",
        "  Acuerdos:           3 abiertos, 1 vencido (de 5)",
        "  Vinculaciones:      4 (Público 2, Privado 1, Academia 1)",
        "  Apalancamiento:     solicitado $6.500.000, adjudicado $1.200.000 (1 fondo adjudicado)",
        `Escrito ${out}.`,
        "",
      ].join("\n"),
    });

    const { names, rows, fact } = await readReport(out);
    expect(names).toEqual(["Informe de avance"]);
    expect(rows[0][0]).toBe("Informe de avance: Grupo Pre-cooperativo Recolectoras de Murta de Llanquihue (al 15-12-2025)");
    const figures: [string, CellValue][] = [
      ["Cooperativa", "Grupo Pre-cooperativo Recolectoras de Murta de Llanquihue"], ["Región", "10 Los Lagos"], ["Modalidad", "Creación y Desarrollo"],
      ["Convocatoria", 2025], ["Período de ejecución", "01-09-2025 al 28-02-2026"], ["Gestor/a", "Gestor Ejemplo Coihue"], ["Fecha de corte", "15-12-2025"],
      ["Hitos realizados (de 4)", 2], ["Acciones del plan", 4], ["Acciones realizadas", 1], ["Acciones en curso", 1], ["Avance promedio de las acciones", 0.4375],
      ["Inversión planificada (total neto)", 5_350_000], ["Inversión ejecutada", 3_160_000], ["Porcentaje ejecutado", 3_160_000 / 5_350_000],
      ["Aporte Sercotec planificado", 5_190_000], ["Aporte empresarial planificado", 160_000],
      ["Visitas a la fecha", 4], ["Última visita", "10-12-2025 (presencial)"], ["Acuerdos registrados", 5], ["Acuerdos cumplidos", 2],
      ["Acuerdos abiertos", 3], ["Acuerdos vencidos", 1], ["Vinculaciones", 4], ["Vinculaciones de tipo Público", 2], ["Vinculaciones de tipo Privado", 1],
      ["Vinculaciones de tipo Academia", 1], ["Vinculaciones de tipo Sociedad civil", 0], ["Vinculaciones en estado Contactado", 1],
      ["Vinculaciones en estado Reunión", 1], ["Vinculaciones en estado Acuerdo", 1], ["Vinculaciones en estado Convenio firmado", 1],
      ["Fondos postulados (apalancamiento)", 3], ["Monto solicitado", 6_500_000], ["Monto adjudicado", 1_200_000], ["Fondos adjudicados", 1],
    ];
    for (const [label, value] of figures) expect([label, fact(label)]).toEqual([label, value]);

    const header = rows.findIndex((r) => r[0] === "Ítem");
    expect(rows[header - 1][0]).toBe("Inversión planificada y ejecutada por ítem");
    expect(rows[header]).toEqual(["Ítem", "Planificado", "Ejecutado", "% ejecutado", "Grupo"]);
    expect(rows.slice(header + 1, header + 8)).toEqual([
      ["Asistencia técnica y asesoría en gestión", 600_000, 360_000, 0.6, "Acciones de Gestión Empresarial"],
      ["Capacitación", 400_000, 0, 0, "Acciones de Gestión Empresarial"],
      ["Acciones de marketing", 500_000, 0, 0, "Acciones de Gestión Empresarial"],
      ["Activos", 2_400_000, 2_350_000, 2_350_000 / 2_400_000, "Inversiones"],
      ["Capital de trabajo", 1_000_000, 0, 0, "Inversiones"],
      ["Gastos de formalización", 450_000, 450_000, 1, "Formalización"],
      ["Total", 5_350_000, 3_160_000, 3_160_000 / 5_350_000, null],
    ]);
    const hitos = rows.findIndex((r) => r[0] === "Hito");
    expect(rows.slice(hitos, hitos + 5)).toEqual([
      ["Hito", "Nombre", "Fecha programada", "Fecha realizada", "Estado"],
      [1, "Socialización del programa", "15-09-2025", "18-09-2025", "Realizado"],
      [2, "Plan de acción", "10-10-2025", "10-10-2025", "Realizado"],
      [3, "Plan de inversiones", "12-12-2025", null, "Pendiente"],
      [4, "Medición de resultados y cuenta pública", "20-02-2026", null, "Pendiente"],
    ]);

    // Formats and print setup, read with ExcelJS: CLP and percent cells, bold headings, A4 landscape fit to one page wide.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Informe de avance")!;
    const rowOf = (label: string) => rows.findIndex((r) => r[0] === label) + 1;
    expect(ws.getCell(`B${rowOf("Inversión ejecutada")}`).numFmt).toBe('"$"#,##0');
    expect(ws.getCell(`B${rowOf("Porcentaje ejecutado")}`).numFmt).toBe("0.0%");
    expect(ws.getCell(`B${header + 2}`).numFmt).toBe('"$"#,##0');
    expect(ws.getCell(`D${header + 2}`).numFmt).toBe("0.0%");
    expect(ws.getCell(`A${header + 8}`).font?.bold).toBe(true);
    expect(ws.getCell(`A${rowOf("Seguimiento")}`).font?.bold).toBe(true);
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
  });

  for (const w of PLAN_WORKBOOKS) (existsSync(w.file) ? it : it.skip)(`writes informe.xlsx for ${w.name} (no Seguimiento sheets): zeros for the follow-up`, async () => {
    const out = path.join(dir, `informe-${path.basename(w.file, ".xlsx")}.xlsx`);
    const result = await reportToFile(w.file, { output: out, asOf: "2025-12-15" });
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain("Visitas a la fecha: 0\n");
    const { fact, rows } = await readReport(out);
    expect(fact("Inversión planificada (total neto)")).toBe(w.total);
    expect(fact("Inversión ejecutada")).toBe(0);
    expect(fact("Aporte Sercotec planificado")).toBe(w.sercotec);
    expect(fact("Aporte empresarial planificado")).toBe(w.own);
    expect(fact("Visitas a la fecha")).toBe(0);
    expect(fact("Última visita")).toBe("Sin visitas");
    expect(fact("Monto solicitado")).toBe(0);
    expect(rows.find((r) => r[0] === "Total")).toEqual(["Total", w.total, 0, 0, null]);
  });

  it("refuses a bad date and an unreadable file (exit 2), and a workbook that is not a plan (exit 1)", async () => {
    expect(await reportToFile(FOLLOW_UP, { output: path.join(dir, "x.xlsx"), asOf: "15-12-2025" }))
      .toEqual({ exitCode: 2, output: "La fecha de --as-of «15-12-2025» no es válida: escriba AAAA-MM-DD, por ejemplo 2025-12-15.\n" });
    const missing = await reportToFile(path.join(dir, "no-existe.xlsx"), { output: path.join(dir, "x.xlsx") });
    expect(missing.exitCode).toBe(2);
    expect(missing.output).toContain("No se encontró el archivo");
    const notPlan = await reportToFile(path.join(fixtures, "invalid/missing-sheet.xlsx"), { output: path.join(dir, "x.xlsx") });
    expect(notPlan.exitCode).toBe(1);
    expect(notPlan.output).toContain("no es un plan del libro estándar");
    expect(existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  });
});
