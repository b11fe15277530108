/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Plan } from "@coop-plans/shared/domain";
import { consolidate, progressReport } from "@coop-plans/shared/consolidate";
import { parseWorkbook } from "@coop-plans/shared/workbook";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import { ExcelWorkbookHost } from "../../addin/src/excel/ExcelWorkbookHost";
import { PreviewWorkbookHost } from "../../addin/src/preview/PreviewWorkbookHost";
import { consolidatedSheet } from "../../addin/src/ui/consolidatedSheet";
import { GestorView } from "../../addin/src/ui/GestorView";
import { progressReportBlocks } from "../../addin/src/ui/progressReportBlocks";
import { FakeExcel, memorySettings } from "./support/fakeExcel";
import { fakeClient, fakeHost, fakeServices } from "./support/fakes";

const AS_OF = "2025-12-15";
let plan: Plan;
beforeAll(async () => {
  const grids = await readWorkbookGrids(readFileSync(path.join(__dirname, "../fixtures/followup_creacion.xlsx")));
  plan = parseWorkbook(grids).plan;
});

describe("progressReportBlocks", () => {
  it("lays out Resumen, the table by ítem (charted: Planificado and Ejecutado) and the hitos", () => {
    const data = progressReportBlocks(progressReport(plan, { asOf: AS_OF }));
    expect(data.title).toBe("Informe de avance: Grupo Pre-cooperativo Recolectoras de Murta de Llanquihue (al 15-12-2025)");
    expect(data.blocks.map((b) => b.title)).toEqual(["Resumen", "Inversión planificada y ejecutada por ítem", "Hitos"]);
    const summary = data.blocks[0];
    const value = (label: string) => summary.rows.find((r) => r[0] === label)?.[1];
    expect(value("Inversión planificada (total neto)")).toBe(5_350_000);
    expect(value("Inversión ejecutada")).toBe(3_160_000);
    expect(value("Acuerdos vencidos")).toBe(1);
    expect(summary.rows.some((r) => r[0] === "Seguimiento")).toBe(false); // headings are not rows here
    const clpRow = summary.rows.findIndex((r) => r[0] === "Inversión ejecutada");
    expect(summary.cellFormats).toContainEqual({ row: clpRow, column: 1, kind: "clp" });
    expect(data.blocks[1].rows[3]).toEqual(["Activos", 2_400_000, 2_350_000, 2_350_000 / 2_400_000, "Inversiones"]);
    expect(data.blocks[1]).toMatchObject({ moneyColumns: [1, 2], percentColumns: [3] });
    expect(data.chart).toEqual({ block: 1, seriesColumns: [1, 2], title: "Inversión planificada y ejecutada por ítem" });
  });
});

describe("ExcelWorkbookHost.writeProgressReport", () => {
  it("writes the Informe de avance sheet and a native chart in 2 syncs (names, then one write batch), values and formats in place", async () => {
    const fx = new FakeExcel();
    fx.addSheet("Cooperativa");
    fx.addSheet("Informe de avance");
    const host = new ExcelWorkbookHost({ run: fx.run, isSetSupported: () => true, settings: memorySettings() });
    const data = progressReportBlocks(progressReport(plan, { asOf: AS_OF }));
    const name = await host.writeProgressReport(data);
    expect(name).toBe("Informe de avance (2)");
    expect(fx.syncs).toBe(2);
    expect(fx.suspendedSyncs).toBe(1);
    const sheet = fx.sheet(name);
    expect(sheet.at("A1").value).toBe(data.title);
    // Resumen: title row 3, header row 4, 36 figures in rows 5–40.
    expect(sheet.at("A3").value).toBe("Resumen");
    const rowOf = (label: string) => 5 + data.blocks[0].rows.findIndex((r) => r[0] === label);
    expect(sheet.at(`B${rowOf("Inversión ejecutada")}`)).toMatchObject({ value: 3_160_000, numberFormat: '"$"#,##0' });
    expect(sheet.at(`B${rowOf("Porcentaje ejecutado")}`).numberFormat).toBe("0.0%");
    // The table by ítem: title row 42, header 43, six ítems in rows 44–49.
    expect(sheet.at("A42").value).toBe("Inversión planificada y ejecutada por ítem");
    expect([sheet.at("A43").value, sheet.at("B43").value, sheet.at("C43").value]).toEqual(["Ítem", "Planificado", "Ejecutado"]);
    expect([sheet.at("A47").value, sheet.at("B47").value, sheet.at("C47").value]).toEqual(["Activos", 2_400_000, 2_350_000]);
    expect(sheet.at("C44").numberFormat).toBe('"$"#,##0');
    expect(sheet.charts).toEqual([{ type: "ColumnClustered", address: "A43:C49", title: "Inversión planificada y ejecutada por ítem" }]);
    expect(fx.sheet("Informe de avance").cells.size).toBe(0); // the existing sheet is left alone
  });
});

describe("PreviewWorkbookHost.writeProgressReport", () => {
  it("adds the sheet to the in-memory workbook and lists its chart", async () => {
    const host = new PreviewWorkbookHost();
    host.load({ sheets: [{ name: "Cooperativa", origin: "A1", values: [["Convocatoria", 2025]] }] });
    const name = await host.writeProgressReport(progressReportBlocks(progressReport(plan, { asOf: AS_OF })));
    expect(name).toBe("Informe de avance");
    const snap = host.snapshot();
    const sheet = snap.sheets.find((s) => s.name === name)!;
    expect(sheet.values[42].slice(0, 3)).toEqual(["Ítem", "Planificado", "Ejecutado"]);
    expect(sheet.values[46].slice(0, 3)).toEqual(["Activos", 2_400_000, 2_350_000]);
    expect(snap.charts.get(name)).toBe("Inversión planificada y ejecutada por ítem");
  });
});

describe("GestorView: Informe de avance", () => {
  function renderView(host: ReturnType<typeof fakeHost>, validatePlan: Plan | null, findings = [] as never[]) {
    const services = { ...fakeServices(fakeClient()), validate: () => ({ plan: validatePlan, findings }), now: () => new Date("2025-12-15T15:00:00Z") };
    return render(
      <FluentProvider theme={webLightTheme}>
        <GestorView host={host} services={services} client={null} me={null} apiUrl="" />
      </FluentProvider>,
    );
  }

  it("reads the workbook, writes the report sheet at today's date and says so", async () => {
    const host = fakeHost();
    renderView(host, plan);
    fireEvent.click(screen.getByRole("button", { name: "Informe de avance" }));
    await waitFor(() => expect(host.writeProgressReport).toHaveBeenCalledTimes(1));
    expect(host.readGrids).toHaveBeenCalledTimes(1);
    const data = host.writeProgressReport.mock.calls[0][0];
    expect(data.title).toBe("Informe de avance: Grupo Pre-cooperativo Recolectoras de Murta de Llanquihue (al 15-12-2025)");
    expect(data.blocks[1].rows.map((r) => r[1])).toEqual([600_000, 400_000, 500_000, 2_400_000, 1_000_000, 450_000]);
    expect(data.chart?.block).toBe(1);
    expect(await screen.findByText("Se escribió la hoja «Informe de avance» con el informe de avance al 15-12-2025 y su gráfico de inversión por ítem.")).toBeTruthy();
  });

  it("explains instead of writing when the workbook is not a plan", async () => {
    const host = fakeHost();
    const missing = { ruleId: "PARSE-002", severity: "error", message: "Falta la hoja «Plan de Inversiones».", location: { sheet: "Plan de Inversiones", cell: "A1" } };
    renderView(host, plan, [missing] as never[]);
    fireEvent.click(screen.getByRole("button", { name: "Informe de avance" }));
    expect(await screen.findByText(/No se puede hacer el informe: el libro no tiene las hojas del plan/)).toBeTruthy();
    expect(host.writeProgressReport).not.toHaveBeenCalled();
  });
});

describe("the AOS's Consolidado sheet gains the progress columns", () => {
  it("carries visits, agreements, links and leverage per cooperative", () => {
    const c = consolidate([{ cooperative: { id: "a", name: "Murta", regionCode: "10", modality: "creacion", status: "enviado", version: 2 }, plan, findings: [] }],
      { target: { regionCode: "10" }, generatedAt: "2025-12-15T12:00:00.000Z", asOf: AS_OF });
    const sheet = consolidatedSheet(c, AS_OF)!;
    const block = sheet.blocks.find((b) => b.title.startsWith("Cooperativas:"))!;
    const col = (header: string) => block.header.indexOf(header);
    expect(col("Visitas a la fecha")).toBeGreaterThan(0);
    const row = block.rows[0];
    expect([row[col("Visitas a la fecha")], row[col("Última visita")], row[col("Acuerdos vencidos")], row[col("Vinculaciones")], row[col("Monto adjudicado")]])
      .toEqual([4, "10-12-2025", 1, 4, 1_200_000]);
    expect(block.moneyColumns).toContain(col("Monto solicitado"));
    expect(block.percentColumns).toContain(col("Avance de las acciones"));
  });

  it("names its scope once, as the CLI does («Región 10 …»), and its summary block «Resumen» (the title once appeared twice, «región»/«Región»)", () => {
    const c = consolidate([{ cooperative: { id: "a", name: "Murta", regionCode: "10", modality: "creacion", status: "enviado", version: 2 }, plan, findings: [] }],
      { target: { regionCode: "10" }, generatedAt: "2025-12-15T12:00:00.000Z", asOf: AS_OF });
    const sheet = consolidatedSheet(c, AS_OF)!;
    expect(sheet.title).toBe(`Consolidado Región 10 Los Lagos — ${AS_OF}`);
    expect(sheet.blocks[0].title).toBe("Resumen");
    expect(sheet.blocks.filter((b) => b.title.startsWith("Consolidado"))).toEqual([]);
  });
});
