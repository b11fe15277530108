/**
 * Issue 14 item 3: every sheet the pane writes shows dates as people in Chile read them
 * (dd-mm-yyyy, shared/format), never ISO; only the Consolidado's own title keeps its ISO date.
 * Sheets: the server's version (stacked template), Consolidado, Informe de avance.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { consolidateFiles, progressReport } from "@coop-plans/shared/consolidate";
import { checkWorkbook, renderWorkbook, type CellValue } from "@coop-plans/shared/workbook";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import { consolidatedSheet } from "../../addin/src/ui/consolidatedSheet";
import { progressReportBlocks } from "../../addin/src/ui/progressReportBlocks";
import { stackedTemplateWrite } from "../../addin/src/host/sheetLayout";

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const ES_DATE = /\b\d{2}-\d{2}-\d{4}\b/;
const texts = (rows: CellValue[][]) => rows.flat().filter((v): v is string => typeof v === "string");

async function followUpPlan() {
  const bytes = new Uint8Array(readFileSync(path.resolve(__dirname, "../fixtures/followup_creacion.xlsx")));
  return checkWorkbook(await readWorkbookGrids(bytes), { asOf: "2025-12-15" });
}

describe("dates in the sheets the pane writes", () => {
  it("Informe de avance: title, summary, hitos in dd-mm-yyyy", async () => {
    const { plan } = await followUpPlan();
    const data = progressReportBlocks(progressReport(plan, { asOf: "2025-12-15" }));
    expect(data.title).toContain("(al 15-12-2025)");
    const all = [data.title, ...data.blocks.flatMap((b) => [b.title, ...texts(b.rows)])];
    expect(all.filter((t) => ISO_DATE.test(t))).toEqual([]);
    expect(all.filter((t) => ES_DATE.test(t)).length).toBeGreaterThan(2);
  });

  it("Consolidado: the last visit in dd-mm-yyyy; ISO only in the Consolidado's title", async () => {
    const { plan, findings } = await followUpPlan();
    const { consolidation } = consolidateFiles(
      [{ file: "seguimiento.xlsx", plan, findings, modifiedAt: "2025-12-10T12:00:00.000Z", binding: null }], [],
      { asOf: "2025-12-15", generatedAt: "2025-12-15T03:33:00.000Z" },
    );
    const sheet = consolidatedSheet(consolidation, "2025-12-15")!;
    const rows = sheet.blocks.flatMap((b) => texts(b.rows));
    expect(rows.filter((t) => ISO_DATE.test(t))).toEqual([]);
    expect(rows.some((t) => ES_DATE.test(t))).toBe(true);
    expect(sheet.blocks.slice(1).map((b) => b.title).filter((t) => ISO_DATE.test(t))).toEqual([]);
  });

  it("the server's version in a new sheet: dates are serials under a dd-mm-yyyy format, no ISO text", async () => {
    const { plan } = await followUpPlan();
    const write = stackedTemplateWrite("Servidor v3", "Servidor v3", renderWorkbook({ plan }));
    expect(texts(write.values).filter((t) => ISO_DATE.test(t))).toEqual([]);
    const dateFormats = write.numberFormats.filter((f) => /y/i.test(f.format)).map((f) => f.format);
    expect(dateFormats.length).toBeGreaterThan(0);
    expect(new Set(dateFormats)).toEqual(new Set(["dd-mm-yyyy"]));
  });
});
