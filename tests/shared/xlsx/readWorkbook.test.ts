import ExcelJS from "exceljs";
import { FORMULA_WITHOUT_VALUE, WorkbookReadError, readWorkbookGrids } from "@coop-plans/shared/xlsx";
import type { SheetGrid } from "@coop-plans/shared/workbook";

async function bytesOf(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The cell at a sheet address, through the grid's origin. */
function at(grid: SheetGrid, address: string): { value: unknown; type: unknown; format: unknown } {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = m[1].charCodeAt(0) - 65;
  const o = /^([A-Z]+)(\d+)$/.exec(grid.origin)!;
  const r = Number(m[2]) - Number(o[2]);
  const c = col - (o[1].charCodeAt(0) - 65);
  return { value: grid.values[r]?.[c] ?? null, type: grid.types?.[r]?.[c], format: grid.numberFormats?.[r]?.[c] };
}

describe("readWorkbookGrids: cell shapes", () => {
  let grid: SheetGrid;
  let date1904: boolean | undefined;

  beforeAll(async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("Formas");
      ws.getCell("A1").value = "texto";
      ws.getCell("B1").value = 1500000;
      ws.getCell("B1").numFmt = '"$"#,##0';
      ws.getCell("C1").value = true;
      ws.getCell("D1").value = "";
      ws.getCell("A2").value = { richText: [{ text: "Descrip" }, { font: { bold: true }, text: "ción" }, { text: " " }] };
      ws.getCell("B2").value = { text: "sitio", hyperlink: "https://example.org" };
      ws.getCell("C2").value = { text: { richText: [{ text: "enla" }, { text: "ce" }] }, hyperlink: "https://example.org" } as unknown as ExcelJS.CellValue;
      ws.getCell("A3").value = new Date(Date.UTC(2025, 2, 15));
      ws.getCell("A3").numFmt = "dd-mm-yyyy";
      ws.getCell("B3").value = { formula: "B1*2", result: 3000000 } as ExcelJS.CellFormulaValue;
      ws.getCell("C3").value = { formula: "B1*2" } as ExcelJS.CellFormulaValue;
      ws.getCell("D3").value = { formula: "1/0", result: { error: "#DIV/0!" } } as unknown as ExcelJS.CellValue;
      ws.getCell("A4").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
      ws.getCell("B4").value = "#N/A";
      ws.getCell("C4").value = { formula: "A3+1", result: new Date(Date.UTC(2025, 2, 16)) } as ExcelJS.CellFormulaValue;
      ws.getCell("C4").numFmt = "dd-mm-yyyy";
      ws.getCell("D4").value = { formula: 'A1&"!"', result: "texto!" } as ExcelJS.CellFormulaValue;
      ws.getCell("A5").value = 2;
      ws.getCell("B5").value = 3;
      ws.getCell("C5").value = { formula: "A5*B5", result: 6, shareType: "shared", ref: "C5:C6" } as unknown as ExcelJS.CellValue;
      ws.getCell("A6").value = 4;
      ws.getCell("B6").value = 5;
      ws.getCell("C6").value = { sharedFormula: "C5", result: 20 } as ExcelJS.CellSharedFormulaValue;
      ws.getCell("D6").value = 0.3;
      ws.getCell("D6").numFmt = "0%";
    });
    const grids = await readWorkbookGrids(bytes);
    grid = grids.sheets[0];
    date1904 = grids.date1904;
  });

  it("keeps strings, numbers and booleans with their types; empty text is null", () => {
    expect(at(grid, "A1")).toMatchObject({ value: "texto", type: "string" });
    expect(at(grid, "B1")).toEqual({ value: 1500000, type: "number", format: '"$"#,##0' });
    expect(at(grid, "C1")).toMatchObject({ value: true, type: "boolean" });
    expect(at(grid, "D1")).toMatchObject({ value: null, type: "empty", format: "General" });
  });

  it("joins rich text runs and gives a hyperlink's display text", () => {
    expect(at(grid, "A2")).toMatchObject({ value: "Descripción ", type: "string" });
    expect(at(grid, "B2")).toMatchObject({ value: "sitio", type: "string" });
    expect(at(grid, "C2")).toMatchObject({ value: "enlace", type: "string" });
  });

  it("turns a Date into its 1900-system serial (15-03-2025 is 45731)", () => {
    expect(date1904).toBe(false);
    expect(at(grid, "A3")).toEqual({ value: 45731, type: "number", format: "dd-mm-yyyy" });
    expect(at(grid, "C4")).toMatchObject({ value: 45732, type: "number" });
  });

  it("reads formulas as their cached result, shared formulas included", () => {
    expect(at(grid, "B3")).toMatchObject({ value: 3000000, type: "number" });
    expect(at(grid, "D4")).toMatchObject({ value: "texto!", type: "string" });
    expect(at(grid, "C5")).toMatchObject({ value: 6, type: "number" });
    expect(at(grid, "C6")).toMatchObject({ value: 20, type: "number" });
  });

  it("makes a formula without a cached value an error cell", () => {
    expect(at(grid, "C3")).toEqual({ value: FORMULA_WITHOUT_VALUE, type: "error", format: "General" });
  });

  it("tells a real error from the text #N/A", () => {
    expect(at(grid, "A4")).toMatchObject({ value: "#REF!", type: "error" });
    expect(at(grid, "D3")).toMatchObject({ value: "#DIV/0!", type: "error" });
    expect(at(grid, "B4")).toMatchObject({ value: "#N/A", type: "string" });
  });

  it("keeps number formats (0.3 as 0%)", () => {
    expect(at(grid, "D6")).toEqual({ value: 0.3, type: "number", format: "0%" });
  });
});

describe("readWorkbookGrids: extent, merges, hidden rows and columns", () => {
  it("reads only the rectangle of cells with values, whatever the formatting", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("Hoja");
      ws.getCell("C3").value = "N°";
      ws.getCell("E5").value = 7;
      for (let r = 1; r <= 5000; r++) ws.getCell(r, 30).numFmt = '"$"#,##0'; // formatting alone, down to AD5000
      ws.getCell("Z60000").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    });
    const [grid] = (await readWorkbookGrids(bytes)).sheets;
    expect(grid.origin).toBe("C3");
    expect(grid.values).toEqual([
      ["N°", null, null],
      [null, null, null],
      [null, null, 7],
    ]);
    expect(grid.types).toEqual([
      ["string", "empty", "empty"],
      ["empty", "empty", "empty"],
      ["empty", "empty", "number"],
    ]);
  });

  it("gives an empty sheet no values and origin A1", async () => {
    const bytes = await bytesOf((wb) => void wb.addWorksheet("Vacía"));
    const [grid] = (await readWorkbookGrids(bytes)).sheets;
    expect(grid).toMatchObject({ name: "Vacía", origin: "A1", values: [] });
  });

  it("reports merged areas and leaves their other cells empty, as Office does", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("Plan de Inversiones");
      ws.getCell("A1").value = "Total neto";
      ws.mergeCells("A1:A2");
      ws.getCell("B1").value = "Aporte Sercotec";
      ws.mergeCells("B1:B2");
      ws.getCell("A3").value = 100;
    });
    const [grid] = (await readWorkbookGrids(bytes)).sheets;
    expect(grid.merged?.sort()).toEqual(["A1:A2", "B1:B2"]);
    expect(grid.values).toEqual([["Total neto", "Aporte Sercotec"], [null, null], [100, null]]);
  });

  it("lists hidden rows and columns and still reads them", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("Socios");
      ws.getCell("A1").value = "N°";
      ws.getCell("B1").value = "RUT";
      ws.getCell("A2").value = 1;
      ws.getCell("B2").value = "12345678-5";
      ws.getRow(2).hidden = true;
      ws.getColumn(2).hidden = true;
    });
    const [grid] = (await readWorkbookGrids(bytes)).sheets;
    expect(grid.hidden).toEqual({ rows: [2], columns: ["B"] });
    expect(grid.values[1]).toEqual([1, "12345678-5"]);
  });

  it("keeps sheets in workbook order with names as written", async () => {
    const bytes = await bytesOf((wb) => {
      wb.addWorksheet("PLAN DE ACCIÓN").getCell("A1").value = "x";
      wb.addWorksheet("socios").getCell("A1").value = "y";
    });
    expect((await readWorkbookGrids(bytes)).sheets.map((s) => s.name)).toEqual(["PLAN DE ACCIÓN", "socios"]);
  });
});

describe("readWorkbookGrids: the 1904 date system", () => {
  it("reports date1904 and gives dates as serials of that system", async () => {
    const bytes = await bytesOf((wb) => {
      (wb.properties as { date1904?: boolean }).date1904 = true;
      const ws = wb.addWorksheet("Hitos");
      ws.getCell("A1").value = new Date(Date.UTC(2025, 2, 15));
      ws.getCell("A1").numFmt = "dd-mm-yyyy";
      ws.getCell("A2").value = 44269; // a bare serial in General format stays as written
    });
    const grids = await readWorkbookGrids(bytes);
    expect(grids.date1904).toBe(true);
    expect(grids.sheets[0].values).toEqual([[45731 - 1462], [44269]]);
  });
});

describe("readWorkbookGrids: files that are not readable workbooks", () => {
  async function failure(bytes: Uint8Array): Promise<WorkbookReadError> {
    try {
      await readWorkbookGrids(bytes);
    } catch (error) {
      return error as WorkbookReadError;
    }
    throw new Error("expected a WorkbookReadError");
  }

  function ole(stream: string): Uint8Array {
    const bytes = new Uint8Array(1536);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(Buffer.from(stream, "utf16le"), 1024);
    return bytes;
  }

  it("refuses text as not-xlsx, saying to save as .xlsx", async () => {
    const error = await failure(new TextEncoder().encode("N°;Nombre;RUT\n1;Ana;12345678-5\n"));
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect(error.code).toBe("not-xlsx");
    expect(error.message).toContain("no es un libro de Excel (.xlsx)");
    expect(error.message).toContain("Libro de Excel (.xlsx)");
  });

  it("refuses an empty file as not-xlsx, saying it is empty and to copy it again (not to save it as .xlsx)", async () => {
    const error = await failure(new Uint8Array(0));
    expect(error.code).toBe("not-xlsx");
    expect(error.message).toBe("El archivo está vacío (0 bytes): se copió, descargó o guardó a medias. Vuelva a copiarlo o descargarlo desde su origen (por ejemplo, el correo) y vuelva a intentarlo.");
  });

  it("names a legacy .xls and says to save it as .xlsx", async () => {
    const error = await failure(ole("Workbook"));
    expect(error.code).toBe("legacy-xls");
    expect(error.message).toContain("Guarde el archivo como Libro de Excel (.xlsx)");
  });

  it("names an encrypted workbook and says to remove the password", async () => {
    const error = await failure(ole("EncryptionInfo"));
    expect(error.code).toBe("encrypted");
    expect(error.message).toContain("Quite la contraseña");
  });

  it("names a truncated .xlsx as corrupt", async () => {
    const good = await bytesOf((wb) => void (wb.addWorksheet("Hoja").getCell("A1").value = "x"));
    const error = await failure(good.subarray(0, Math.floor(good.length / 2)));
    expect(error.code).toBe("corrupt");
    expect(error.message).toContain("dañado");
  });
});
