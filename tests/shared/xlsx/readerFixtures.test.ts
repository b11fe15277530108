/**
 * The reader on the files issue «The reader» found misread or refused (tests/fixtures/reader,
 * origins in its README): each failed with the ExcelJS reader this project used before.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { READ_LIMITS, WorkbookReadError, readWorkbookGrids, type ReadWorkbook } from "@coop-plans/shared/xlsx";
import { parseWorkbook, type SheetGrid } from "@coop-plans/shared/workbook";
import { craftWorkbook } from "../../fixtures/reader/craft";
import { readZip, writeZip } from "../../fixtures/reader/zip";

const DIR = path.join(__dirname, "..", "..", "fixtures", "reader");
const EXAMPLES = path.join(__dirname, "..", "..", "..", "examples");

function bytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(DIR, name)));
}

function read(name: string): Promise<ReadWorkbook> {
  return readWorkbookGrids(bytes(name));
}

/** The value and type at a sheet address (single-letter columns), through the grid's origin. */
function at(grid: SheetGrid, address: string): { value: unknown; type: unknown } {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  const o = /^([A-Z])(\d+)$/.exec(grid.origin)!;
  const r = Number(m[2]) - Number(o[2]);
  const c = m[1].charCodeAt(0) - o[1].charCodeAt(0);
  return { value: grid.values[r]?.[c] ?? null, type: grid.types?.[r]?.[c] };
}

async function refusal(file: Uint8Array): Promise<WorkbookReadError> {
  try {
    await readWorkbookGrids(file);
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw error;
  }
  throw new Error("expected a WorkbookReadError");
}

describe("item 1: a cell carrying a hyperlink reads its value, never the link", () => {
  // Before: every linked cell read as the link's target («cotizaciones/COT-02.pdf»).
  it("reads a linked number, date, boolean, formula, error and text as themselves", async () => {
    const [grid] = (await read("hyperlinked-cells.xlsx")).sheets;
    expect(at(grid, "B2")).toEqual({ value: 850000, type: "number" });
    expect(at(grid, "C2")).toEqual({ value: 45731, type: "number" });
    expect(at(grid, "D2")).toEqual({ value: true, type: "boolean" });
    expect(at(grid, "E2")).toEqual({ value: 1700000, type: "number" });
    expect(at(grid, "F2")).toEqual({ value: "#N/A", type: "error" });
    expect(at(grid, "A2")).toEqual({ value: "Notebook", type: "string" });
    expect(JSON.stringify(grid.values)).not.toContain("cotizaciones/");
  });
});

describe("item 2: Strict Open XML ISO dates (t=\"d\") read as the right serials", () => {
  // Before: every t="d" cell read as 2025 (1905-07-17).
  it("reads dates, date-times and a plain serial in a Strict workbook", async () => {
    const workbook = await read("strict-iso-dates.xlsx");
    const [grid] = workbook.sheets;
    expect(workbook.format).toBe("xlsx");
    expect(at(grid, "B2")).toEqual({ value: 45731, type: "number" }); // 2025-03-15
    expect(at(grid, "C2")).toEqual({ value: 45736, type: "number" }); // 2025-03-20
    expect(at(grid, "B3")).toEqual({ value: 45838, type: "number" }); // 2025-06-30 written without a time
    expect(at(grid, "C3")).toEqual({ value: 45839.5, type: "number" }); // 2025-07-01 12:00
    expect(at(grid, "B4")).toEqual({ value: 45838, type: "number" });
  });

  it("gives the parser the Hitos dates as ISO dates", async () => {
    const [grid] = (await read("strict-iso-dates.xlsx")).sheets;
    expect(grid.numberFormats?.[1]?.[1]).toBe("dd-mm-yyyy");
  });
});

describe("item 3: valid workbooks other producers write are read", () => {
  // Before: prefixed XML was «dañado o incompleto»; odd part names «no es un libro de Excel».
  it("reads namespace-prefixed XML (<x:worksheet>) with inline strings, rich text and merges", async () => {
    const [grid] = (await read("prefixed-inline-rich.xlsx")).sheets;
    expect(grid.values).toEqual([
      ["N°", "Descripción", "Total neto"],
      [1, "Capacitación en gestión", 1500000],
      [2, "Asesoría legal", 250000],
    ]);
    expect(grid.numberFormats?.[1]?.[2]).toBe("#,##0");
  });

  it("reads a worksheet stored under a non-standard part name (sheetBob.xml)", async () => {
    const [grid] = (await read("odd-part-names.xlsx")).sheets;
    expect(grid.name).toBe("Socios");
    expect(grid.values).toEqual([["Nombre", "RUT"], ["Ana Pérez", "12345678-5"]]);
  });

  it("reads calamine's prefixed-namespace test file", async () => {
    const [grid] = (await read("public/calamine-nonstandard-xml-ns-prefix.xlsx")).sheets;
    expect(grid.values).toEqual([["a", "b"], [1, 3], [2, 4]]);
  });

  it.each([
    ["calamine-date.xlsx", "xlsx"],
    ["calamine-date.xlsb", "xlsb"],
    ["calamine-date.xls", "xls"],
  ] as const)("reads the same dates from %s (%s)", async (name, format) => {
    const workbook = await read(`public/${name}`);
    expect(workbook.format).toBe(format);
    expect(workbook.date1904).toBe(false);
    const [grid] = workbook.sheets;
    expect(at(grid, "A1")).toEqual({ value: 44197, type: "number" }); // 2021-01-01
    expect(at(grid, "A2")).toEqual({ value: 44198, type: "number" });
    expect(at(grid, "A3").value).toBeCloseTo(10.632060185185185, 9); // a duration, [hh]:mm:ss
    expect(at(grid, "B1")).toEqual({ value: 15, type: "number" });
  });

  it("reads an OpenDocument spreadsheet (.ods) from LibreOffice", async () => {
    const workbook = await read("public/calamine-date.ods");
    expect(workbook.format).toBe("ods");
    const [grid] = workbook.sheets;
    expect(at(grid, "A1")).toEqual({ value: 44197, type: "number" });
    expect(at(grid, "A2").value).toBeCloseTo(44197 + (10 * 3600 + 10 * 60 + 10) / 86400, 6);
  });

  it("reads a legacy .xls on the 1904 date system", async () => {
    const workbook = await read("public/calamine-date_1904.xls");
    expect(workbook.date1904).toBe(true);
    expect(at(workbook.sheets[0], "A1")).toEqual({ value: 44197 - 1462, type: "number" });
  });

  it("reads the product's own clean example rewritten with prefixed XML as the same plan", async () => {
    const original = new Uint8Array(readFileSync(path.join(EXAMPLES, "clean_creacion.xlsx")));
    const parts = readZip(original);
    const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const rewritten = writeZip(
      [...parts.entries()].map(([name, data]) => {
        const xml = Buffer.from(data).toString("utf8");
        if (!name.endsWith(".xml") || !xml.includes(`xmlns="${main}"`)) return { name, data };
        const prefixedXml = xml
          .replace(`xmlns="${main}"`, `xmlns:x="${main}"`)
          .replace(/<(\/?)([A-Za-z][A-Za-z0-9]*)(?=[\s>/])/g, "<$1x:$2");
        return { name, data: prefixedXml };
      }),
    );
    expect(Buffer.from(readZip(rewritten).get("xl/workbook.xml")!).toString("utf8")).toContain("<x:workbook");
    const before = parseWorkbook(await readWorkbookGrids(original));
    const after = parseWorkbook(await readWorkbookGrids(rewritten));
    expect(after.plan).toEqual(before.plan);
    expect(after.findings).toEqual(before.findings);
    expect(after.plan.investmentLines.length).toBeGreaterThan(0);
  });
});

describe("item 4: size bombs are refused or read in bounds, with Spanish messages", () => {
  it("refuses a stray value at XFD1048576, naming the sheet and the cell", async () => {
    const error = await refusal(bytes("stray-value-xfd1048576.xlsx"));
    expect(error.code).toBe("too-large");
    expect(error.message).toContain("La hoja «Socios» tiene datos hasta la celda XFD1048576");
    expect(error.message).toContain("5.000.000 celdas");
  });

  it("reads a merge over the whole sheet as one range cut to the cells read", async () => {
    const [grid] = (await read("merge-whole-sheet.xlsx")).sheets;
    expect(grid.values).toEqual([["Total neto", null], [null, 5]]);
    expect(grid.merged).toEqual(["A1:B2"]);
  });

  it("reads 50,000 merges as ranges (only those touching the cells read are listed)", async () => {
    const [grid] = (await read("merges-50000.xlsx")).sheets;
    expect(grid.values).toEqual([["Grupo"], [null], [7]]);
    expect(grid.merged).toEqual([]);
  });

  it("refuses a zip bomb from its central directory, before inflating it", async () => {
    const error = await refusal(bytes("zip-bomb-512mb.xlsx"));
    expect(error.code).toBe("too-large");
    expect(error.message).toContain("«xl/media/padding.xml»");
    expect(error.message).toContain("512 MB sin comprimir");
    expect(error.message).toContain("Libro de Excel (.xlsx)");
  });

  it("refuses a zip that lies about its sizes (a part declaring 1 KB inflates to 64 MB)", async () => {
    const error = await refusal(bytes("zip-lying-sizes.xlsx"));
    expect(error.code).toBe("corrupt");
    expect(error.message).toContain("La parte «xl/media/padding.xml» del archivo se expande más de lo que declara");
  });

  it("refuses an .ods cell repeated over a billion cells before building any", async () => {
    const error = await refusal(bytes("ods-repeated-cell.ods"));
    expect(error.code).toBe("too-large");
    expect(error.message).toContain(`más de ${(1_000_000).toLocaleString("es-CL")} celdas`);
  });

  it("refuses a workbook storing more cells than READ_LIMITS.cells, counted before SheetJS builds them", async () => {
    const rows: string[] = [];
    for (let r = 1; r <= Math.ceil(READ_LIMITS.cells / 10) + 1; r++) {
      let row = `<row r="${r}">`;
      for (const col of "ABCDEFGHIJ") row += `<c r="${col}${r}"><v>1</v></c>`;
      rows.push(`${row}</row>`);
    }
    const file = craftWorkbook({ sheets: [{ name: "Datos", body: `<sheetData>${rows.join("")}</sheetData>` }] });
    const error = await refusal(file);
    expect(error.code).toBe("too-large");
    expect(error.message).toContain("celdas (el límite que se puede leer)");
  });

  it("refuses from the central directory a package declaring more than 100 MB of content (a 600,000-row sheet of text used 1.2 GB)", async () => {
    const clean = readZip(craftWorkbook({ sheets: [{ name: "Resultados", body: "<sheetData/>" }] }));
    // Honest about its compressed size (ratio 120, under the zip-bomb ratio): only the total is past the limit.
    const padding = new Uint8Array(1024 * 1024).map((_, i) => (i * 2654435761) >>> 24);
    const file = writeZip([
      ...[...clean].map(([name, data]) => ({ name, data })),
      { name: "xl/worksheets/sheet2.xml", data: padding, method: 0 as const, declaredSize: 120 * 1024 * 1024 },
    ]);
    const error = await refusal(file);
    expect(error.code).toBe("too-large");
    expect(error.message).toMatch(/^El contenido del archivo ocupa 121 MB sin comprimir y el límite es 100 MB\. Quite las hojas/);
  });

  it("refuses a file past the size limit, and an .xls past its own", async () => {
    const big = new Uint8Array(READ_LIMITS.fileBytes + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect((await refusal(big)).message).toContain("El archivo pesa 101 MB y el límite es 100 MB");
    const xls = new Uint8Array(READ_LIMITS.xlsFileBytes + 1);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await refusal(xls)).message).toContain("para el formato antiguo .xls");
  });
});

describe("item 3: the product's clean example saved as .xls, .xlsb and .ods reads as the same plan", () => {
  it.each(["xls", "xlsb", "ods"] as const)("%s", async (bookType) => {
    const XLSX = await import("@e965/xlsx");
    const original = new Uint8Array(readFileSync(path.join(EXAMPLES, "clean_creacion.xlsx")));
    const error = console.error;
    console.error = () => undefined; // SheetJS's writer notes ODS format conversions on the console
    let saved: Uint8Array;
    try {
      saved = new Uint8Array(XLSX.write(XLSX.read(original, { type: "array", cellStyles: true, cellNF: true }), { type: "array", bookType }));
    } finally {
      console.error = error;
    }
    const workbook = await readWorkbookGrids(saved);
    expect(workbook.format).toBe(bookType);
    const before = parseWorkbook(await readWorkbookGrids(original));
    const after = parseWorkbook(workbook);
    expect(after.plan).toEqual(before.plan);
    expect(after.findings).toEqual(before.findings);
  });
});
