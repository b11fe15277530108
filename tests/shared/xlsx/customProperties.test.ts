import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { bindingFromProperties, bindingProperties, parseWorkbook } from "@coop-plans/shared/workbook";
import { readPackageProperties, readWorkbookGrids, writeCustomProperties, WorkbookReadError } from "@coop-plans/shared/xlsx";

const fixtures = path.join(__dirname, "../../fixtures");
const LABEL = "MSIP_Label_2f4e5b1c-8a7d-4c3e-9b6a-1d2e3f4a5b6c";
const read = (name: string) => new Uint8Array(readFileSync(path.join(fixtures, name)));

/** Every entry of a package: name → uncompressed bytes. */
async function entries(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async("nodebuffer"));
  return out;
}

async function part(bytes: Uint8Array, name: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(name)!.async("string");
}

describe("writeCustomProperties on a labelled workbook (sensitivity label, image, customXml)", () => {
  const original = read("bound/labelled_creacion.xlsx");
  let bound: Uint8Array;

  beforeAll(async () => {
    bound = await writeCustomProperties(original, bindingProperties({ cooperativeId: "coop-7f3a", version: 4, syncedAt: "2025-11-03T13:20:00.000Z" }));
  });

  it("adds the binding and keeps every other custom property with its value", async () => {
    const props = await readPackageProperties(bound);
    expect(props.custom).toEqual({
      [`${LABEL}_Enabled`]: "true",
      [`${LABEL}_SetDate`]: "2025-10-02T14:21:07Z",
      [`${LABEL}_Method`]: "Standard",
      [`${LABEL}_Name`]: "Uso interno",
      [`${LABEL}_SiteId`]: "7a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9",
      [`${LABEL}_ActionId`]: "0f9e8d7c-6b5a-4938-2716-05f4e3d2c1b0",
      [`${LABEL}_ContentBits`]: "0",
      Proyecto: "Cooperativas & Empresas Sociales",
      Folio: 1207,
      Revisado: true,
      "coopPlans.cooperativeId": "coop-7f3a",
      "coopPlans.version": 4,
      "coopPlans.syncedAt": "2025-11-03T13:20:00.000Z",
    });
    expect(bindingFromProperties(props.custom)).toEqual({ cooperativeId: "coop-7f3a", version: 4, syncedAt: "2025-11-03T13:20:00.000Z" });
  });

  it("keeps the label's XML text as it was (same pids) and appends ours with the next pids", async () => {
    const before = await part(original, "docProps/custom.xml");
    const after = await part(bound, "docProps/custom.xml");
    const oldBody = before.slice(0, before.indexOf("</Properties>"));
    expect(after.startsWith(oldBody)).toBe(true);
    expect(after.slice(oldBody.length)).toBe(
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="12" name="coopPlans.cooperativeId"><vt:lpwstr>coop-7f3a</vt:lpwstr></property>' +
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="13" name="coopPlans.version"><vt:i4>4</vt:i4></property>' +
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="14" name="coopPlans.syncedAt"><vt:lpwstr>2025-11-03T13:20:00.000Z</vt:lpwstr></property>' +
        "</Properties>",
    );
  });

  it("leaves every other part byte-identical", async () => {
    const a = await entries(original);
    const b = await entries(bound);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const changed = [...a.keys()].filter((name) => !a.get(name)!.equals(b.get(name)!));
    expect(changed).toEqual(["docProps/custom.xml"]);
  });

  it("rebinding replaces our values in place (same pids) without touching the rest", async () => {
    const again = await writeCustomProperties(bound, bindingProperties({ cooperativeId: "coop-7f3a", version: 5 }));
    const xml = await part(again, "docProps/custom.xml");
    expect(xml).toContain('pid="13" name="coopPlans.version"><vt:i4>5</vt:i4>');
    expect(xml.match(/coopPlans\.version/g)).toHaveLength(1);
    // syncedAt was not in the update: kept as it was
    expect(bindingFromProperties((await readPackageProperties(again)).custom)).toEqual({ cooperativeId: "coop-7f3a", version: 5, syncedAt: "2025-11-03T13:20:00.000Z" });
    const removed = await writeCustomProperties(again, { "coopPlans.syncedAt": null });
    expect((await readPackageProperties(removed)).custom["coopPlans.syncedAt"]).toBeUndefined();
    expect((await readPackageProperties(removed)).custom[`${LABEL}_Name`]).toBe("Uso interno");
  });

  it("still opens in ExcelJS and reads as the same plan", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bound) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Cooperativa", "Socios", "Hitos", "Plan de Acción", "Plan de Inversiones", "Resultados"]);
    const before = parseWorkbook(await readWorkbookGrids(original));
    const after = parseWorkbook(await readWorkbookGrids(bound));
    expect(after.plan).toEqual(before.plan);
    expect(after.findings).toEqual(before.findings);
  });
});

describe("writeCustomProperties on a workbook without custom properties", () => {
  const original = read("clean_fortalecimiento.xlsx");

  it("creates docProps/custom.xml with its content-type override and its relationship", async () => {
    expect((await readPackageProperties(original)).custom).toEqual({});
    const bound = await writeCustomProperties(original, bindingProperties({ cooperativeId: "c-1", version: 1 }));
    expect(await part(bound, "[Content_Types].xml")).toContain(
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
    );
    expect(await part(bound, "_rels/.rels")).toContain(
      '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
    );
    expect(bindingFromProperties((await readPackageProperties(bound)).custom)).toEqual({ cooperativeId: "c-1", version: 1 });
    const a = await entries(original);
    const b = await entries(bound);
    expect([...b.keys()].filter((k) => !a.has(k))).toEqual(["docProps/custom.xml"]);
    expect([...a.keys()].filter((k) => !a.get(k)!.equals(b.get(k)!)).sort()).toEqual(["[Content_Types].xml", "_rels/.rels"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bound) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets).toHaveLength(6);
  });

  it("reads the core properties' modified time", async () => {
    expect((await readPackageProperties(original)).modified).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  const sample = path.join(__dirname, "../../../../shared/samples/clean_creacion_textil.xlsx");
  (existsSync(sample) ? it : it.skip)("binds a workbook written by another producer (openpyxl sample; skipped without ../shared)", async () => {
    const bytes = new Uint8Array(readFileSync(sample));
    const bound = await writeCustomProperties(bytes, bindingProperties({ cooperativeId: "textil", version: 2 }));
    expect(bindingFromProperties((await readPackageProperties(bound)).custom)).toEqual({ cooperativeId: "textil", version: 2 });
    expect(parseWorkbook(await readWorkbookGrids(bound)).plan).toEqual(parseWorkbook(await readWorkbookGrids(bytes)).plan);
  });
});

describe("custom properties: what is not a package", () => {
  it.each([
    ["unreadable/legacy.xls", "legacy-xls"],
    ["unreadable/encrypted.xlsx", "encrypted"],
    ["unreadable/not-a-workbook.xlsx", "not-xlsx"],
  ])("%s is refused with %s", async (name, code) => {
    const bytes = read(name);
    await expect(writeCustomProperties(bytes, { a: "b" })).rejects.toMatchObject({ name: "WorkbookReadError", code });
    await expect(readPackageProperties(bytes)).rejects.toBeInstanceOf(WorkbookReadError);
  });
});

describe("bindingFromProperties", () => {
  it("accepts a version written as text or a real number by Office, names in any case", () => {
    expect(bindingFromProperties({ "COOPPLANS.COOPERATIVEID": "x", "coopplans.version": "3" })).toEqual({ cooperativeId: "x", version: 3 });
    expect(bindingFromProperties({ "coopPlans.cooperativeId": "x", "coopPlans.version": 3, "coopPlans.syncedAt": new Date("2025-01-02T03:04:05Z") })).toEqual({
      cooperativeId: "x",
      version: 3,
      syncedAt: "2025-01-02T03:04:05.000Z",
    });
  });
  it("is null without an id or with a version that is not a whole number ≥ 1", () => {
    expect(bindingFromProperties({})).toBeNull();
    expect(bindingFromProperties({ "coopPlans.cooperativeId": " ", "coopPlans.version": 2 })).toBeNull();
    expect(bindingFromProperties({ "coopPlans.cooperativeId": "x", "coopPlans.version": 0 })).toBeNull();
    expect(bindingFromProperties({ "coopPlans.cooperativeId": "x", "coopPlans.version": 2.5 })).toBeNull();
  });
});
