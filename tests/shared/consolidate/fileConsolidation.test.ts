import { readFileSync } from "node:fs";
import path from "node:path";
import { consolidateFiles, consolidationSheets, type WorkbookFileEntry } from "@coop-plans/shared/consolidate";
import { checkWorkbook } from "@coop-plans/shared/workbook";
import { planTotals } from "@coop-plans/shared/rules";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";

const emailed = path.resolve(__dirname, "../../fixtures/emailed");
const AS_OF = "2026-03-31";

async function entry(name: string, modifiedAt: string | null): Promise<WorkbookFileEntry> {
  const { plan, findings, pack } = checkWorkbook(await readWorkbookGrids(new Uint8Array(readFileSync(path.join(emailed, name)))), { asOf: AS_OF });
  return { file: name, plan, findings, modifiedAt, rulePack: pack };
}

describe("consolidateFiles (e-mailed workbooks, no backend)", () => {
  let murta: WorkbookFileEntry, murtaNov: WorkbookFileEntry, apicola: WorkbookFileEntry, corral: WorkbookFileEntry;
  beforeAll(async () => {
    murta = await entry("murta_llanquihue.xlsx", "2025-10-01T13:05:00.000Z");
    murtaNov = await entry("murta_llanquihue_nov.xlsx", "2025-11-03T13:22:00.000Z");
    apicola = await entry("apicola_itata.xlsx", "2025-10-20T19:40:00.000Z");
    corral = await entry("mariscadoras_corral.xlsx", "2025-10-28T15:10:00.000Z");
  });

  it("three workbooks of three regions: totals are the sums of each plan's totals to the peso, grouped by región, status «archivo»", () => {
    const result = consolidateFiles([murta, apicola, corral], [], { asOf: AS_OF, generatedAt: "2025-11-05T12:00:00.000Z" });
    const c = result.consolidation;
    const sums = [murta, apicola, corral].map((e) => planTotals(e.plan));
    expect(c.totals.total).toBe(sums.reduce((a, t) => a + t.total, 0));
    expect(c.totals.total).toBe(5_350_000 + 15_670_000 + 4_150_000);
    expect(c.funding.sercotecAmount).toBe(5_190_000 + 15_050_000 + 4_040_000);
    expect(c.funding.ownAmount).toBe(160_000 + 620_000 + 110_000);
    expect(c.scope).toEqual({ kind: "files", regionCodes: ["10", "14", "16"] });
    expect(c.byRegion.map((r) => [r.regionCode, r.cooperatives, r.total, r.byStatus.archivo])).toEqual([
      ["10", 1, 5_350_000, 1],
      ["14", 1, 4_150_000, 1],
      ["16", 1, 15_670_000, 1],
    ]);
    expect(c.byStatus.map((s) => [s.status, s.cooperatives])).toEqual([["borrador", 0], ["enviado", 0], ["observado", 0], ["aprobado", 0], ["archivo", 3]]);
    expect(c.cooperatives.map((r) => [r.id, r.status])).toEqual([
      ["murta_llanquihue.xlsx", "archivo"],
      ["mariscadoras_corral.xlsx", "archivo"],
      ["apicola_itata.xlsx", "archivo"],
    ]);
    expect(result.duplicates).toEqual([]);
    // The sheets of a consolidation, with «Por región» for several regions and an «Archivo» column there.
    const sheets = consolidationSheets(c);
    expect(sheets.map((s) => s.name)).toEqual(["Resumen", "Por cooperativa", "Por ítem", "Por estado", "Por hito", "Cumplimiento", "Por región"]);
    const regions = sheets[6];
    expect(regions.title).toBe("Archivos de las regiones 10, 14, 16: por región");
    expect(regions.columns.map((col) => col.header).slice(7)).toEqual(["Borrador", "Enviado", "Observado", "Aprobado", "Archivo", "Con errores"]);
    expect(regions.totalRow).toEqual(["Total", null, 3, 25_170_000, 24_280_000, 890_000, 0, 0, 0, 0, 0, 3, 0]);
    expect(sheets[3].rows.at(-1)).toEqual(["Archivo", 3, 1, 25_170_000, 24_280_000, 890_000, 0]);
  });

  it("the same cooperative twice is reported and counted once, keeping the newer file whatever the order given", () => {
    for (const order of [[murta, murtaNov, corral], [murtaNov, murta, corral]]) {
      const result = consolidateFiles(order, [], { asOf: AS_OF });
      expect(result.duplicates).toEqual([
        { cooperative: "Grupo Pre-cooperativo Recolectoras de Murta de Llanquihue", kept: "murta_llanquihue_nov.xlsx", dropped: ["murta_llanquihue.xlsx"], reason: "name-region" },
      ]);
      expect(result.consolidation.cooperativeCount).toBe(2);
      expect(result.consolidation.totals.total).toBe(5_550_000 + 4_150_000);
      expect(result.included.map((i) => i.file).sort()).toEqual(["mariscadoras_corral.xlsx", "murta_llanquihue_nov.xlsx"]);
    }
  });

  it("same RUT means same cooperative even under another name; same binding too", () => {
    const renamed = { ...apicola, file: "apicola_copia.xlsx", modifiedAt: "2025-10-25T00:00:00.000Z", plan: { ...apicola.plan, cooperative: { ...apicola.plan.cooperative, name: "Apícola Itata (copia)" } } };
    const byRut = consolidateFiles([apicola, renamed], [], { asOf: AS_OF });
    expect(byRut.duplicates).toEqual([{ cooperative: "Apícola Itata (copia)", kept: "apicola_copia.xlsx", dropped: ["apicola_itata.xlsx"], reason: "rut" }]);
    const bound = consolidateFiles([{ ...murta, binding: { cooperativeId: "c-9", version: 2 } }, { ...corral, binding: { cooperativeId: "c-9", version: 3 } }], [], { asOf: AS_OF });
    expect(bound.duplicates[0]).toMatchObject({ kept: "mariscadoras_corral.xlsx", dropped: ["murta_llanquihue.xlsx"], reason: "binding" });
    expect(bound.consolidation.cooperatives[0].version).toBe(3);
  });

  it("files of one region make that region's consolidation; unreadable and unplaceable files are carried, never counted", () => {
    const noRegion = { ...corral, file: "sin_region.xlsx", plan: { ...corral.plan, cooperative: { ...corral.plan.cooperative, regionCode: null } } };
    const result = consolidateFiles([corral, noRegion], [{ file: "roto.xlsx", message: "El archivo .xlsx está dañado." }], { asOf: AS_OF });
    expect(result.consolidation.scope).toEqual({ kind: "region", regionCode: "14", regionName: "Los Ríos" });
    expect(result.consolidation.cooperativeCount).toBe(1);
    expect(result.consolidation.totals.total).toBe(4_150_000);
    expect(result.skipped).toEqual([{ file: "sin_region.xlsx", message: expect.stringContaining("no indica una región válida") }]);
    expect(result.unreadable).toEqual([{ file: "roto.xlsx", message: "El archivo .xlsx está dañado." }]);
    expect(consolidationSheets(result.consolidation).map((s) => s.name)).not.toContain("Por región");
  });

  it("each file's row names the rule pack it was checked under (the «Reglas» column)", () => {
    const c = consolidateFiles([murta, apicola], [], { asOf: AS_OF }).consolidation;
    expect(c.cooperatives.map((r) => r.rulePack)).toEqual([{ year: 2025, version: 1 }, { year: 2025, version: 1 }]);
    const sheet = consolidationSheets(c).find((s) => s.name === "Por cooperativa")!;
    const column = sheet.columns.findIndex((col) => col.header === "Reglas");
    expect(sheet.rows.map((r) => r[column])).toEqual(["2025 v1", "2025 v1"]);
  });
});
