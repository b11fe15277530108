import type { Finding } from "@coop-plans/shared/domain";
import type { TemplateWorkbook } from "@coop-plans/shared/workbook";
import { ExcelWorkbookHost } from "../../addin/src/excel/ExcelWorkbookHost";
import { MARKS_SETTING } from "../../addin/src/excel/markCells";
import { MARK_FILLS, NOTE_PREFIX } from "../../addin/src/host/markStyle";
import { REQUEST_LIMIT_BYTES } from "../../addin/src/host/requestBudget";
import { FakeExcel, memorySettings } from "./support/fakeExcel";

const HEADER = ["N°", "Nombre", "RUT", "Cargo", "Género", "Ítem", "Cantidad", "Valor unitario neto", "Total neto", "Aporte Sercotec"];

/** A workbook whose Plan de Inversiones has `rows` data rows of 10 columns, plus a Socios sheet. */
function workbook(rows: number, notes = true) {
  const fx = new FakeExcel();
  fx.addSheet("Cooperativa").setValues([["Convocatoria", 2025], ["Región", "Los Ríos"]]);
  fx.addSheet("Socios").setValues([["N°", "Nombre", "RUT"], [1, "Socia Uno", "21.778.444-2"]]);
  fx.addSheet("Notas del gestor").setValues([["no es del plan"]]);
  const inv = fx.addSheet("Plan de Inversiones");
  inv.setValues([HEADER]);
  for (let r = 0; r < rows; r++) inv.setValues([[r + 1, `Línea ${r + 1}`, "76.123.456-7", "socio/a", "otro", "Activos", 3, 498000, 1467000, 1000000]], r + 2);
  inv.merged = ["A1:A1"];
  const settings = memorySettings();
  const host = new ExcelWorkbookHost({ run: fx.run, isSetSupported: (_n, v) => notes || v !== "1.18", settings });
  return { fx, host, settings, inv };
}

const finding = (sheet: string, cell: string, severity: Finding["severity"] = "error", ruleId = "INV-001"): Finding => ({ ruleId, severity, message: `Problema en ${cell}`, location: { sheet, cell } });

describe("ExcelWorkbookHost.readGrids", () => {
  it("reads the template sheets in 3 syncs, for 10 rows and for 10,000 rows alike", async () => {
    const small = workbook(10);
    const big = workbook(10_000);
    const a = await small.host.readGrids();
    const b = await big.host.readGrids();
    expect(small.fx.syncs).toBe(3);
    expect(big.fx.syncs).toBe(3);
    expect(a.grids.sheets.map((s) => s.name)).toEqual(["Cooperativa", "Socios", "Plan de Inversiones"]);
    const inv = b.grids.sheets.find((s) => s.name === "Plan de Inversiones")!;
    expect(inv.values).toHaveLength(10_001);
    expect(inv.values[10_000][1]).toBe("Línea 10000");
    expect(inv.types![1][0]).toBe("number");
    expect(inv.types![1][1]).toBe("string");
    expect(inv.numberFormats![1][0]).toBe("General");
    expect(inv.origin).toBe("A1");
    expect(inv.merged).toEqual(["A1:A1"]);
    expect(b.grids.date1904).toBe(false);
    expect(Math.max(...big.fx.responseBytes)).toBeLessThan(REQUEST_LIMIT_BYTES);
  });

  it("turns Office's empty string into null and reads an error as an error-typed cell", async () => {
    const { fx, host } = workbook(1);
    fx.sheet("Socios").setValues([[null, "#REF!"]], 3);
    const { grids } = await host.readGrids();
    const socios = grids.sheets.find((s) => s.name === "Socios")!;
    expect(socios.values[2]).toEqual([null, "#REF!", null]);
    expect(socios.types![2]).toEqual(["empty", "error", "empty"]);
  });

  it("reads a sheet over 5 MB in row chunks, each response under the limit, losing no row", async () => {
    const { fx, host } = workbook(1);
    const wide = fx.addSheet("Plan de Acción");
    wide.generate = { rows: 12_000, columns: 20, value: (r, c) => (r === 1 ? `Encabezado ${c}` : `actividad ${r}-${c} texto largo`) };
    const { grids } = await host.readGrids();
    const plan = grids.sheets.find((s) => s.name === "Plan de Acción")!;
    expect(plan.values).toHaveLength(12_000);
    expect(plan.values[11_999][19]).toBe("actividad 12000-20 texto largo");
    // names + sizes + at least three data chunks (the whole read is ~16 MB); long texts beat the
    // 40-bytes-a-cell estimate, so Excel refuses some batch and the adapter splits it and retries
    expect(fx.syncs - fx.refusedSyncs).toBeGreaterThanOrEqual(5);
    expect(fx.responseBytes.reduce((a, b) => a + b, 0)).toBeGreaterThan(2 * REQUEST_LIMIT_BYTES);
    for (const bytes of fx.responseBytes) expect(bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(new Set(plan.values.map((r) => r[0])).size).toBe(12_000);
  });

  it("detects the 1904 date system", async () => {
    const { fx, host } = workbook(1);
    fx.date1904 = true;
    expect((await host.readGrids()).grids.date1904).toBe(true);
  });
});

describe("ExcelWorkbookHost.markFindings / clearMarks", () => {
  it("marks in 3 syncs (sheets with ids and protection, probes, writes), for 10 and 10,000 rows alike, and never writes a value", async () => {
    for (const rows of [10, 10_000]) {
      const { fx, host, inv } = workbook(rows);
      await host.readGrids();
      const before = JSON.stringify([...inv.cells.values()].map((c) => c.value));
      fx.resetCounters();
      const findings = [finding("Plan de Inversiones", "I6"), finding("Plan de Inversiones", `I${rows}`, "warning", "INV-009"), finding("Socios", "C2", "error", "COOP-001")];
      const result = await host.markFindings(findings);
      expect(fx.syncs).toBe(3);
      expect(result).toEqual({ cells: 3, notes: 3 });
      expect(inv.at("I6").fill).toBe(MARK_FILLS.error);
      expect(fx.sheet("Socios").notes.get("C2")).toContain("[COOP-001]");
      expect(JSON.stringify([...inv.cells.values()].map((c) => c.value))).toBe(before);
    }
  });

  it("restores each cell's own fill on clear (no fill stays no fill), and keeps the user's notes", async () => {
    const { fx, host, settings, inv } = workbook(10);
    inv.at("I6").fill = "#00B050"; // the user's own green
    fx.sheet("Socios").notes.set("C2", "Nota de la gestora");
    await host.readGrids();
    await host.markFindings([finding("Plan de Inversiones", "I6"), finding("Plan de Inversiones", "J7", "warning"), finding("Socios", "C2")]);
    expect(inv.at("I6").fill).toBe(MARK_FILLS.error);
    expect(inv.at("J7").fill).toBe(MARK_FILLS.warning);
    expect(fx.sheet("Socios").notes.get("C2")).toBe("Nota de la gestora");
    expect(settings.get(MARKS_SETTING)).toEqual(expect.arrayContaining([expect.objectContaining({ sheet: "Plan de Inversiones", cell: "I6", fill: "#00B050" })]));

    fx.resetCounters();
    await host.clearMarks();
    expect(fx.syncs).toBe(3);
    expect(inv.at("I6").fill).toBe("#00B050");
    expect(inv.at("J7").fill).toBeNull();
    expect(inv.notes.size).toBe(0);
    expect(fx.sheet("Socios").notes.get("C2")).toBe("Nota de la gestora");
    expect(settings.get(MARKS_SETTING)).toEqual([]);
  });

  it("re-marking keeps the original fill remembered and unmarks fixed cells", async () => {
    const { host, inv } = workbook(10);
    inv.at("I6").fill = "#FFFF00";
    await host.readGrids();
    await host.markFindings([finding("Plan de Inversiones", "I6"), finding("Plan de Inversiones", "I7")]);
    await host.markFindings([finding("Plan de Inversiones", "I6", "warning")]);
    expect(inv.at("I6").fill).toBe(MARK_FILLS.warning);
    expect(inv.at("I7").fill).toBeNull();
    expect(inv.notes.has("I7")).toBe(false);
    expect(inv.notes.get("I6")?.startsWith(NOTE_PREFIX)).toBe(true);
    await host.clearMarks();
    expect(inv.at("I6").fill).toBe("#FFFF00");
  });

  it("leaves a fill the user changed after marking", async () => {
    const { host, inv } = workbook(10);
    await host.readGrids();
    await host.markFindings([finding("Plan de Inversiones", "I6")]);
    inv.at("I6").fill = "#0070C0";
    await host.clearMarks();
    expect(inv.at("I6").fill).toBe("#0070C0");
  });
});

describe("ExcelWorkbookHost writes", () => {
  const template: TemplateWorkbook = {
    sheets: [
      {
        name: "Socios",
        values: [["N°", "Nombre", "RUT", "Cargo"]],
        frozenRows: 1,
        columnWidths: [6, 30, 14, 16],
        numberFormats: [],
        validations: [{ range: "D2:D500", list: ["presidente/a", "secretario/a", "tesorero/a", "socio/a"] }],
      },
      {
        name: "Plan de Inversiones",
        values: [["N°", "Ítem", "Total neto"], ...Array.from({ length: 80_000 }, (_, i) => [i + 1, `Ítem de prueba con descripción ${i}`, 1000 * i])],
        frozenRows: 1,
        columnWidths: [6, 30, 14],
        numberFormats: [{ range: "C2:C80001", format: '"$"#,##0' }],
        validations: [],
      },
    ],
  };

  it("inserts the template into an empty workbook in chunks under the request limit, calculation suspended", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Hoja1");
    const host = new ExcelWorkbookHost({ run: fx.run, isSetSupported: () => true, settings: memorySettings() });
    await host.insertTemplate(template);
    expect(fx.sheets.map((s) => s.name)).toEqual(["Socios", "Plan de Inversiones"]);
    const inv = fx.sheet("Plan de Inversiones");
    expect(inv.at("B80001").value).toBe("Ítem de prueba con descripción 79999");
    expect(inv.at("C3").numberFormat).toBe('"$"#,##0');
    expect(inv.frozenRows).toBe(1);
    expect(fx.sheet("Socios").validations).toEqual([{ address: "D2:D500", source: "presidente/a,secretario/a,tesorero/a,socio/a" }]);
    const writeSyncs = fx.requestBytes.slice(2);
    expect(writeSyncs.length).toBeGreaterThan(1); // ~5 MB of values: more than one request
    for (const bytes of fx.requestBytes) expect(bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(fx.refusedSyncs).toBe(0);
    expect(fx.suspendedSyncs).toBe(writeSyncs.length);
  });

  it("refuses to insert the template into a workbook with data, touching nothing", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Hoja1").setValues([["datos"]]);
    const host = new ExcelWorkbookHost({ run: fx.run, isSetSupported: () => true, settings: memorySettings() });
    await expect(host.insertTemplate(template)).rejects.toThrow(/no está vacío/);
    expect(fx.sheets.map((s) => s.name)).toEqual(["Hoja1"]);
    expect(fx.sheet("Hoja1").at("A1").value).toBe("datos");
  });

  it("writes the Consolidado sheet with a native chart, under a free name", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Consolidado");
    const host = new ExcelWorkbookHost({ run: fx.run, isSetSupported: () => true, settings: memorySettings() });
    const name = await host.writeConsolidated({
      title: "Consolidado región 14",
      blocks: [{ title: "Aportes por ítem", header: ["Ítem", "Aporte Sercotec", "Aporte empresarial"], rows: [["Activos", 100, 10], ["Capacitación", 50, 5]], moneyColumns: [1, 2] }],
      chart: { block: 0, seriesColumns: [1, 2], title: "Aportes por ítem" },
    });
    expect(name).toBe("Consolidado (2)");
    const sheet = fx.sheet(name);
    expect(sheet.at("A1").value).toBe("Consolidado región 14");
    expect(sheet.at("B4").value).toBe("Aporte Sercotec");
    expect(sheet.at("B5").numberFormat).toBe('"$"#,##0');
    expect(sheet.charts).toEqual([{ type: "ColumnClustered", address: "A4:C6", title: "Aportes por ítem" }]);
    expect(fx.syncs).toBe(2);
  });

  it("writes the server's plan into ONE new sheet and leaves the user's sheets alone", async () => {
    const { fx, host, inv } = workbook(5);
    const before = JSON.stringify([...inv.cells.entries()]);
    const name = await host.writePlanCopy({ sheets: [template.sheets[0]] }, "Servidor v7");
    expect(name).toBe("Servidor v7");
    expect(fx.sheet(name).at("A3").value).toBe("Socios");
    expect(JSON.stringify([...inv.cells.entries()])).toBe(before);
  });
});
