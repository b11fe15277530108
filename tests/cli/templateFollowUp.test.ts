import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import { writeTemplate } from "../../cli/src/commands/template";

/** The list validation ExcelJS reads back at a cell (it expands ranges cell by cell), as the list's items. */
function listAt(ws: ExcelJS.Worksheet, cell: string): string[] | undefined {
  const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
  const v = model[cell];
  return v?.type === "list" ? String(v.formulae[0]).replace(/^"|"$/g, "").split(",") : undefined;
}

describe("coop-plans template: the Seguimiento sheets (layout v1.1)", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "coop-plans-template-seg-"));
    file = path.join(dir, "plan.xlsx");
    expect((await writeTemplate(file, { modality: "creacion" })).exitCode).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes Bitácora, Vinculaciones and Apalancamiento with their header rows", async () => {
    const grids = await readWorkbookGrids(readFileSync(file));
    const header = (name: string) => grids.sheets.find((s) => s.name === name)?.values[0];
    expect(header("Bitácora")).toEqual(["Fecha", "Modalidad", "N° de participantes", "Temas tratados", "Acuerdos", "Responsable del acuerdo", "Fecha de compromiso", "Estado del acuerdo", "Hito"]);
    expect(header("Vinculaciones")).toEqual(["N°", "Actor", "Tipo", "Institución", "Propósito", "Fecha", "Estado", "Resultado"]);
    expect(header("Apalancamiento")).toEqual(["N°", "Fuente o fondo", "Institución", "Monto solicitado", "Monto adjudicado", "Fecha de postulación", "Estado"]);
  });

  it("puts dropdown lists on Modalidad, Estado del acuerdo, Hito, Tipo and Estado, and CLP formats on the amounts", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    const bitacora = wb.getWorksheet("Bitácora")!;
    expect(listAt(bitacora, "B2")).toEqual(["Presencial", "Remota"]);
    expect(listAt(bitacora, "H2")).toEqual(["Pendiente", "Cumplido", "Vencido"]);
    expect(listAt(bitacora, "I50")).toEqual(["1", "2", "3", "4"]);
    const links = wb.getWorksheet("Vinculaciones")!;
    expect(listAt(links, "C2")).toEqual(["Público", "Privado", "Academia", "Sociedad civil"]);
    expect(listAt(links, "G2")).toEqual(["Contactado", "Reunión", "Acuerdo", "Convenio firmado"]);
    const leverage = wb.getWorksheet("Apalancamiento")!;
    expect(listAt(leverage, "G2")).toEqual(["En preparación", "Postulado", "Adjudicado", "Rechazado"]);
    expect(leverage.getCell("D2").numFmt).toBe('"$"#,##0');
    expect(leverage.getCell("E2").numFmt).toBe('"$"#,##0');
    expect(bitacora.getCell("A2").numFmt).toBe("dd-mm-yyyy");
  });
});
