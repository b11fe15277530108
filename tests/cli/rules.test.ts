import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PACK_2025, RulePack } from "@coop-plans/shared/rules";
import { checkRules, exportRules, listRules } from "../../cli/src/commands/rules";
import { validateFiles } from "../../cli/src/commands/validate";
import { packCacheFile, saveCachedPacks } from "../../cli/src/rulePacks";
import { isolateCliEnvironment, type IsolatedCliEnv } from "./backend/isolatedEnv";

const fixtures = path.resolve(__dirname, "../fixtures");
const AS_OF = { asOf: "2026-03-31" };

let env: IsolatedCliEnv;
beforeEach(() => { env = isolateCliEnvironment(); });
afterEach(() => env.restore());

/** Writes the exported 2025 pack after `edit` to a file in the temporary folder; returns its path. */
async function draft(name: string, edit: (pack: Record<string, any>) => void): Promise<string> {
  const file = path.join(env.root, name);
  expect((await exportRules({ year: "2025", out: file })).exitCode).toBe(0);
  const pack = JSON.parse(readFileSync(file, "utf8"));
  edit(pack);
  writeFileSync(file, JSON.stringify(pack, null, 2));
  return file;
}

describe("coop-plans rules export / check", () => {
  it("exports the 2025 pack as JSON that starts with its identity", async () => {
    const result = await exportRules({ year: "2025" });
    expect(result.exitCode).toBe(0);
    expect(result.output.split("\n").slice(0, 6)).toEqual([
      "{", '  "format": 1,', '  "year": 2025,', '  "version": 1,', '  "publishedAt": null,',
      '  "name": "Fortalecimiento y Creación de Cooperativas 2025",',
    ]);
    expect(RulePack.parse(JSON.parse(result.output))).toEqual(PACK_2025);
    expect(await exportRules({ year: "2019" })).toMatchObject({ exitCode: 2, output: expect.stringContaining("No hay reglas de la convocatoria «2019»") });
  });

  it("checks a draft: exit 0 when valid, 2 naming each bad field", async () => {
    const good = await draft("good.json", (p) => { p.year = 2026; });
    const ok = checkRules(good);
    expect(ok.exitCode).toBe(0);
    expect(ok.output).toBe(`El paquete de reglas «${good}» es válido: convocatoria 2026 (versión 1), borrador: 17 cifras, 5 confirmadas y 12 referenciales.\n`);
    const bad = await draft("bad.json", (p) => { p.figures.minimumOwnShare.value = 2; delete p.figures.ufValue.source; });
    const refused = checkRules(bad);
    expect(refused.exitCode).toBe(2);
    expect(refused.output).toBe([
      `El paquete de reglas «${bad}» no es válido (2 problemas):`,
      "  figures.minimumOwnShare.value: debe ser menor o igual a 1",
      "  figures.ufValue.source: se esperaba un texto",
      "",
    ].join("\n"));
    const notJson = path.join(env.root, "roto.json");
    writeFileSync(notJson, '{ "year": 2026, }');
    expect(checkRules(notJson)).toMatchObject({ exitCode: 2, output: expect.stringContaining("no es un JSON válido") });
    expect(checkRules(path.join(env.root, "no-existe.json"))).toMatchObject({ exitCode: 2, output: expect.stringContaining("el archivo no existe") });
  });
});

describe("coop-plans validate --rules", () => {
  it("a draft that raises the Creación cap changes the finding on real workbooks", async () => {
    const file = path.join(fixtures, "broken/INV-005.xlsx"); // Sercotec sums 8.190.000 > 8.000.000
    const before = await validateFiles([file], AS_OF);
    expect(before.exitCode).toBe(1);
    expect(before.output).toMatch(/error\s+INV-005/);
    const raised = await draft("cap.json", (p) => { p.figures.subsidyCap.creacion.value = 9_000_000; });
    const after = await validateFiles([file], { ...AS_OF, rules: raised });
    expect(after.exitCode).toBe(0);
    expect(after.output).not.toMatch(/error\s+INV-005/);
    expect(after.output).toContain("0 errores");
  });

  it("refuses an invalid pack file before reading any workbook (exit 2)", async () => {
    const bad = await draft("bad.json", (p) => { p.figures.minimumOwnShare.value = 2; });
    const result = await validateFiles([path.join(fixtures, "clean_creacion.xlsx")], { ...AS_OF, rules: bad });
    expect(result.exitCode).toBe(2);
    expect(result.output).toContain("figures.minimumOwnShare.value: debe ser menor o igual a 1");
  });
});

describe("packs kept in the CLI's configuration folder", () => {
  it("uses the last fetched packs over the built-in ones, beside the token", async () => {
    const v2 = RulePack.parse({ ...PACK_2025, version: 2, publishedAt: "2026-12-01T12:00:00.000Z",
      figures: { ...PACK_2025.figures, subsidyCap: { ...PACK_2025.figures.subsidyCap, creacion: { ...PACK_2025.figures.subsidyCap.creacion, value: 9_000_000 } } } });
    const file = saveCachedPacks("https://api.example.cl", [v2]);
    expect(file).toBe(path.join(env.home, ".coop-plans", "rule-packs.json"));
    expect(packCacheFile("http://127.0.0.1:4000")).toBe(path.join(env.dataDir, "rule-packs.json"));
    const list = await listRules({ api: "https://api.example.cl" });
    expect(list.output).toContain("convocatoria 2025 (versión 2), publicado el");
    const result = await validateFiles([path.join(fixtures, "broken/INV-005.xlsx")], { ...AS_OF, api: "https://api.example.cl" });
    expect(result.exitCode).toBe(0);
    // Another API's cache is not this one's.
    expect((await validateFiles([path.join(fixtures, "broken/INV-005.xlsx")], AS_OF)).exitCode).toBe(1);
  });
});
