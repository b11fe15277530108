import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../../cli/src/program";
import { COMMANDS } from "../../cli/src/main";
import { validateFiles } from "../../cli/src/commands/validate";

const fixtures = path.resolve(__dirname, "../fixtures");
const emailed = (name: string) => path.join(fixtures, "emailed", name);

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(COMMANDS, ["node", "coop-plans", ...args], { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  return { code, out, err };
}

/** The «Resumen» sheet's money figures of a written consolidation. */
async function summaryOf(file: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Resumen")!;
  const out: Record<string, unknown> = {};
  ws.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === "string") out[label] = row.getCell(2).value ?? row.getCell(3).value;
  });
  return out;
}

describe("coop-plans consolidate FILE… (no backend)", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "coop-consolidate-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("consolidates three e-mailed workbooks with no API (COOP_PLANS_API points nowhere) and the totals match validate --json to the peso", async () => {
    const files = ["murta_llanquihue_nov.xlsx", "apicola_itata.xlsx", "mariscadoras_corral.xlsx"].map(emailed);
    const out = path.join(dir, "consolidado.xlsx");
    const before = process.env.COOP_PLANS_API;
    process.env.COOP_PLANS_API = "http://127.0.0.1:9";
    try {
      const result = await run(["consolidate", ...files, "-o", out, "--as-of", "2026-03-31"]);
      expect(result.err).toBe("");
      expect(result.code).toBe(0);
      expect(result.out).toContain("Archivos consolidados (3):");
      expect(result.out).toMatch(/Consolidado de archivos de las regiones 10, 14, 16: 3 cooperativas \(3 desde archivos\)\./);
      expect(result.out).toContain(`Escrito ${out}.`);
    } finally {
      if (before === undefined) delete process.env.COOP_PLANS_API;
      else process.env.COOP_PLANS_API = before;
    }
    const validated = JSON.parse((await validateFiles(files, { json: true, asOf: "2026-03-31" })).output) as { totals: { total: number; sercotecAmount: number; ownAmount: number } }[];
    const sum = (k: "total" | "sercotecAmount" | "ownAmount") => validated.reduce((a, r) => a + r.totals[k], 0);
    const summary = await summaryOf(out);
    expect(summary["Inversión total (total neto)"]).toBe(sum("total"));
    expect(summary["Aporte Sercotec"]).toBe(sum("sercotecAmount"));
    expect(summary["Aporte empresarial"]).toBe(sum("ownAmount"));
    expect(sum("total")).toBe(25_370_000);
  });

  it("the same cooperative twice: reported, counted once with the newer file", async () => {
    const out = path.join(dir, "c.xlsx");
    const result = await run(["consolidate", emailed("murta_llanquihue_nov.xlsx"), emailed("murta_llanquihue.xlsx"), "-o", out]);
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      `Misma cooperativa «Grupo Pre-cooperativo Recolectoras de Murta de Llanquihue» (mismo nombre y región) en «${emailed("murta_llanquihue_nov.xlsx")}» y «${emailed("murta_llanquihue.xlsx")}»: se cuenta una vez, con «${emailed("murta_llanquihue_nov.xlsx")}» (guardado 2025-11-03 10:22, el más reciente).`,
    );
    expect(result.out).toContain("1 cooperativa (1 desde archivo)");
    expect((await summaryOf(out))["Inversión total (total neto)"]).toBe(5_550_000);
  });

  it("an unreadable file is listed and the workbook still written from the others: exit 2", async () => {
    const broken = path.join(dir, "roto.xlsx");
    writeFileSync(broken, "esto no es un libro");
    const out = path.join(dir, "c.xlsx");
    const result = await run(["consolidate", emailed("mariscadoras_corral.xlsx"), broken, "-o", out]);
    expect(result.code).toBe(2);
    expect(result.out).toContain(`No se pudieron leer (1; no se cuentan):\n  ${broken}: El archivo no es un libro de Excel (.xlsx) ni una planilla que se pueda leer`);
    expect(result.out).toContain(`Escrito ${out}.`);
    expect((await summaryOf(out))["Inversión total (total neto)"]).toBe(4_150_000);
  });

  it("a workbook that is not a plan is left out, said so, exit 1; nothing to consolidate writes nothing", async () => {
    copyFileSync(path.join(fixtures, "invalid/empty-workbook.xlsx"), path.join(dir, "vacio.xlsx"));
    const out = path.join(dir, "c.xlsx");
    const one = await run(["consolidate", emailed("mariscadoras_corral.xlsx"), path.join(dir, "vacio.xlsx"), "-o", out]);
    expect(one.code).toBe(1);
    expect(one.out).toContain("no indica una región válida");
    const none = await run(["consolidate", path.join(dir, "vacio.xlsx"), "-o", path.join(dir, "nada.xlsx")]);
    expect(none.code).toBe(1);
    expect(none.out).toContain("Ningún archivo se pudo consolidar: no se escribió el consolidado.");
  });

  it("files with --region or --national are refused (files are grouped by their own región)", async () => {
    const result = await run(["consolidate", emailed("mariscadoras_corral.xlsx"), "--region", "14"]);
    expect(result.code).toBe(2);
    expect(result.out).toContain("Con archivos no se usa --region ni --national");
  });
});
