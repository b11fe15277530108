import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { validateFiles } from "../../cli/src/commands/validate";

const fixtures = path.resolve(__dirname, "../fixtures");
const f = (rel: string) => path.join(fixtures, rel);
const AS_OF = { asOf: "2026-03-31" };

describe("coop-plans validate", () => {
  it("exits 0 on a clean plan and says it has no errors", async () => {
    const result = await validateFiles([f("clean_creacion.xlsx")], AS_OF);
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain("Resumen: 0 errores, 0 advertencias");
    expect(result.output).toContain("sin errores ni advertencias (código 0)");
  });

  it("exits 0 on the messy twin (an extra sheet is only a notice)", async () => {
    const result = await validateFiles([f("messy_fortalecimiento.xlsx")], AS_OF);
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain("0 errores, 0 advertencias");
  });

  it("exits 1 on a broken plan, listing the finding with its rule and Hoja!Celda", async () => {
    const result = await validateFiles([f("broken/INV-005.xlsx")], AS_OF);
    expect(result.exitCode).toBe(1);
    expect(result.output).toMatch(/error\s+INV-005\s+Plan de Inversiones!J1\s+\S/);
    expect(result.output).toContain("Severidad  Regla");
    expect(result.output).toContain("tiene errores que impiden enviar el plan (código 1)");
  });

  it("exits 1 on an empty workbook, saying it has no data", async () => {
    const result = await validateFiles([f("invalid/empty-workbook.xlsx")], AS_OF);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain("El libro no tiene datos");
  });

  it("exits 1 on a workbook missing a sheet, naming the sheet", async () => {
    const result = await validateFiles([f("invalid/missing-sheet.xlsx")], AS_OF);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('Falta la hoja "Plan de Inversiones"');
  });

  it("exits 2 on a file that is not a workbook, saying to save it as .xlsx", async () => {
    const result = await validateFiles([f("unreadable/not-a-workbook.xlsx")]);
    expect(result.exitCode).toBe(2);
    expect(result.output).toContain("El archivo no es un libro de Excel (.xlsx)");
    expect(result.output).toContain("Libro de Excel (.xlsx)");
  });

  it("exits 2 on an encrypted workbook, saying to remove the password", async () => {
    const result = await validateFiles([f("unreadable/encrypted.xlsx")]);
    expect(result.exitCode).toBe(2);
    expect(result.output).toContain("protegido con contraseña");
    expect(result.output).toContain("Quite la contraseña");
  });

  it("exits 2 on a legacy .xls and on a corrupt .xlsx", async () => {
    const legacy = await validateFiles([f("unreadable/legacy.xls")]);
    expect(legacy.exitCode).toBe(2);
    expect(legacy.output).toContain("Guarde el archivo como Libro de Excel (.xlsx)");
    const corrupt = await validateFiles([f("unreadable/corrupt.xlsx")]);
    expect(corrupt.exitCode).toBe(2);
    expect(corrupt.output).toContain("dañado o incompleto");
  });

  it("exits 2 on a missing file, naming it", async () => {
    const result = await validateFiles([f("no-existe.xlsx")]);
    expect(result.exitCode).toBe(2);
    expect(result.output).toContain("No se encontró el archivo");
  });

  it("exits a batch with its highest code and sums it up", async () => {
    const result = await validateFiles([f("clean_creacion.xlsx"), f("broken/INV-001.xlsx"), f("unreadable/encrypted.xlsx")], AS_OF);
    expect(result.exitCode).toBe(2);
    expect(result.output).toContain("3 archivos: 1 sin errores, 1 con errores, 1 sin leer (código 2).");
    const errorsOnly = await validateFiles([f("clean_creacion.xlsx"), f("broken/INV-001.xlsx")], AS_OF);
    expect(errorsOnly.exitCode).toBe(1);
  });

  it("prints, with --json, the plan, findings and totals of each file", async () => {
    const result = await validateFiles([f("clean_creacion.xlsx"), f("unreadable/not-a-workbook.xlsx")], { ...AS_OF, json: true });
    const reports = JSON.parse(result.output);
    expect(result.exitCode).toBe(2);
    expect(reports[0]).toMatchObject({ exitCode: 0, findings: [], counts: { error: 0, warning: 0, info: 0 }, totals: { total: 5_350_000, sercotecAmount: 5_190_000, ownAmount: 160_000, investmentLines: 6 } });
    expect(reports[0].plan.cooperative).toMatchObject({ regionCode: "10", modality: "creacion", callYear: 2025 });
    expect(reports[1]).toMatchObject({ exitCode: 2, error: { code: "not-xlsx" } });
  });

  it("refuses an --as-of that is not a date (exit 2, Spanish)", async () => {
    const result = await validateFiles([f("clean_creacion.xlsx")], { asOf: "31-03-2026" });
    expect(result).toEqual({ exitCode: 2, output: "La fecha de --as-of «31-03-2026» no es válida: escriba AAAA-MM-DD, por ejemplo 2025-10-15.\n" });
  });

  it("reports an unreadable required cell once (PARSE-008), not again as PLAN-002 «Falta … es obligatorio»", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "coop-plans-validate-"));
    try {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(f("clean_creacion.xlsx"));
      const sheet = workbook.getWorksheet("Plan de Inversiones")!;
      let column = 0;
      sheet.getRow(1).eachCell((cell, col) => { if (cell.text === "Aporte Sercotec") column = col; });
      expect(column).toBe(10);
      sheet.getRow(2).getCell(column).value = "aprox 500 mil";
      const file = path.join(dir, "texto-en-monto.xlsx");
      await workbook.xlsx.writeFile(file);
      const result = await validateFiles([file], { ...AS_OF, json: true });
      const [report] = JSON.parse(result.output) as { findings: { ruleId: string; location: { sheet?: string; cell?: string } }[] }[];
      expect(result.exitCode).toBe(1);
      expect(report.findings.map((x) => `${x.ruleId}@${x.location.sheet}!${x.location.cell ?? ""}`)).toEqual([
        "PARSE-008@Plan de Inversiones!J2",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
