import ExcelJS from "exceljs";
import { LISTS_SHEET_NAME, readWorkbookGrids, writeReportWorkbook, writeWorkbook } from "@coop-plans/shared/xlsx";
import type { TemplateWorkbook } from "@coop-plans/shared/workbook";

const TEMPLATE: TemplateWorkbook = {
  sheets: [
    {
      name: "Plan de Inversiones",
      values: [
        ["N°", "Ítem", "Total neto", "Fecha estimada de compra", "Estado"],
        [1, "Capacitación", 400000, 45962, "Pendiente"],
      ],
      frozenRows: 1,
      columnWidths: [6, 30, 14, 16, 12],
      numberFormats: [
        { range: "C2:C20", format: '"$"#,##0' },
        { range: "D2:D20", format: "dd-mm-yyyy" },
      ],
      validations: [
        { range: "E2:E20", list: ["Pendiente", "Comprado", "Rendido"] },
        { range: "B2:B20", list: Array.from({ length: 40 }, (_, i) => `Ítem del catálogo número ${i + 1}`) },
        { range: "A2:A20", list: ["presidente/a", "socio/a"], open: true },
      ],
    },
  ],
};

describe("writeWorkbook", () => {
  let ws: ExcelJS.Worksheet;
  let wb: ExcelJS.Workbook;
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = await writeWorkbook(TEMPLATE);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    ws = wb.getWorksheet("Plan de Inversiones")!;
  });

  it("writes the values, readable back as the same grid", async () => {
    const grids = await readWorkbookGrids(bytes);
    const sheet = grids.sheets.find((s) => s.name === "Plan de Inversiones")!;
    expect(sheet.values).toEqual(TEMPLATE.sheets[0].values);
  });

  it("freezes the header row, bolds it and sets widths", () => {
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getColumn(2).width).toBe(30);
  });

  it("applies CLP and date formats over their ranges", () => {
    expect(ws.getCell("C2").numFmt).toBe('"$"#,##0');
    expect(ws.getCell("C20").numFmt).toBe('"$"#,##0');
    expect(ws.getCell("D2").numFmt).toBe("dd-mm-yyyy");
  });

  it("adds dropdown lists: short ones inline, long ones from a very hidden sheet", () => {
    const validations = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    // ExcelJS expands a range validation into one entry per cell when it reads the file back.
    expect(validations.E2).toMatchObject({ type: "list", formulae: ['"Pendiente,Comprado,Rendido"'] });
    expect(validations.E20).toMatchObject({ type: "list" });
    expect(validations.E21).toBeUndefined();
    expect(validations.B2.formulae[0]).toBe(`${LISTS_SHEET_NAME}!$A$1:$A$40`);
    const lists = wb.getWorksheet(LISTS_SHEET_NAME)!;
    expect(lists.state).toBe("veryHidden");
    expect(lists.getCell("A40").value).toBe("Ítem del catálogo número 40");
  });

  it("lets an open list's dropdown only suggest (Information alert); a closed list warns", () => {
    const validations = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(validations.A2).toMatchObject({ type: "list", errorStyle: "information", showErrorMessage: true });
    expect(validations.E2).toMatchObject({ errorStyle: "warning" });
  });
});

describe("writeReportWorkbook", () => {
  it("writes a titled table with a bold frozen header, CLP and percent formats and a total row", async () => {
    const bytes = await writeReportWorkbook([
      {
        name: "Consolidado",
        title: "Región de Los Lagos — convocatoria 2025",
        columns: [{ header: "Cooperativa" }, { header: "Aporte Sercotec", kind: "clp" }, { header: "Aporte empresarial %", kind: "percent" }],
        rows: [["Coop A", 5190000, 0.0308], ["Coop B", 7000000, 0.02]],
        totalRow: ["Total", 12190000, null],
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Consolidado")!;
    expect(ws.getCell("A1").value).toBe("Región de Los Lagos — convocatoria 2025");
    expect(ws.getCell("B3").value).toBe("Aporte Sercotec");
    expect(ws.getCell("B3").font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.getCell("B4").numFmt).toBe('"$"#,##0');
    expect(ws.getCell("C5").numFmt).toBe("0.0%");
    expect(ws.getCell("B6").value).toBe(12190000);
    expect(ws.getCell("A6").font?.bold).toBe(true);
  });
});
