import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readWorkbookGrids } from "@coop-plans/shared/xlsx";
import { writeTemplate } from "../../cli/src/commands/template";

describe("coop-plans template", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "coop-plans-template-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a readable standard workbook for a modality (exit 0)", async () => {
    const out = path.join(dir, "plan.xlsx");
    const result = await writeTemplate(out, { modality: "fortalecimiento" });
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain("para la modalidad Fortalecimiento");
    const grids = await readWorkbookGrids(readFileSync(out));
    const names = grids.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Cooperativa", "Socios", "Hitos", "Plan de Acción", "Plan de Inversiones", "Resultados"]));
  });

  it("refuses to overwrite without --force (exit 2)", async () => {
    const out = path.join(dir, "existente.xlsx");
    writeFileSync(out, "x");
    expect(await writeTemplate(out)).toEqual({ exitCode: 2, output: `«${out}» ya existe: elija otro nombre o use --force para reemplazarlo.\n` });
    expect((await writeTemplate(out, { force: true })).exitCode).toBe(0);
  });

  it("refuses an unknown modality and a name without .xlsx (exit 2)", async () => {
    const bad = await writeTemplate(path.join(dir, "x.xlsx"), { modality: "m3" });
    expect(bad).toEqual({ exitCode: 2, output: "Modalidad «m3» desconocida: use creacion (Creación y Desarrollo) o fortalecimiento.\n" });
    expect((await writeTemplate(path.join(dir, "x.csv"))).output).toContain("debe terminar en .xlsx");
  });

  it("accepts the modality with its accent", async () => {
    expect((await writeTemplate(path.join(dir, "c.xlsx"), { modality: "Creación" })).exitCode).toBe(0);
  });
});
