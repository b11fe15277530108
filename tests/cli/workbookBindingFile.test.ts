import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { canBind, nodeBindingFs, readBindingOfFile, writeBindingToFile, type BindingFs } from "../../cli/src/workbookBindingFile";

const fixtures = path.resolve(__dirname, "../fixtures");

describe("workbook binding in a file", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "coop-bind-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("writes and reads back the binding, keeping the file's permission bits and leaving no temp file", async () => {
    const file = path.join(dir, "plan.xlsx");
    copyFileSync(path.join(fixtures, "bound/labelled_creacion.xlsx"), file);
    chmodSync(file, 0o640);
    expect(await readBindingOfFile(file)).toBeNull();
    await writeBindingToFile(file, { cooperativeId: "coop-1", version: 3, syncedAt: "2025-11-03T10:00:00.000Z" });
    expect(await readBindingOfFile(file)).toEqual({ cooperativeId: "coop-1", version: 3, syncedAt: "2025-11-03T10:00:00.000Z" });
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["plan.xlsx"]);
  });

  it.each([
    ["EACCES", "no hay permiso para modificarlo (archivo o carpeta de solo lectura)"],
    ["EBUSY", "el archivo está abierto en otro programa (ciérrelo en Excel)"],
  ])("a write that fails with %s says so and leaves the file untouched", async (code, why) => {
    const file = path.join(dir, "plan.xlsx");
    copyFileSync(path.join(fixtures, "clean_creacion.xlsx"), file);
    const before = readFileSync(file);
    const failing: BindingFs = {
      ...nodeBindingFs,
      writeFile: async () => {
        throw Object.assign(new Error("injected"), { code });
      },
    };
    await expect(writeBindingToFile(file, { cooperativeId: "c", version: 1 }, failing)).rejects.toThrow(`No se pudo guardar la vinculación en «${file}»: ${why}.`);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(["plan.xlsx"]);
  });

  it("a rename that fails removes the temporary copy", async () => {
    const file = path.join(dir, "plan.xlsx");
    copyFileSync(path.join(fixtures, "clean_creacion.xlsx"), file);
    const failing: BindingFs = {
      ...nodeBindingFs,
      rename: async () => {
        throw Object.assign(new Error("injected"), { code: "EPERM" });
      },
    };
    await expect(writeBindingToFile(file, { cooperativeId: "c", version: 1 }, failing)).rejects.toThrow("no hay permiso para modificarlo");
    expect(readdirSync(dir)).toEqual(["plan.xlsx"]);
    expect(await readBindingOfFile(file)).toBeNull();
  });

  it("only .xlsx files bind", () => {
    expect(canBind("a/Plan.XLSX")).toBe(true);
    expect(canBind("plan.xls")).toBe(false);
    expect(canBind("plan.ods")).toBe(false);
    expect(canBind("plan.xlsb")).toBe(false);
  });
});
