/**
 * Size bombs against the reader (issue «The reader», item 4): each crafted file is read in its own
 * process, and the benchmark prints the outcome (read, or the refusal's code), the wall time and
 * the peak memory (max RSS). Budget: every file answered within 30 s and under 1 GB.
 *
 * Run: `npx tsx bench/reader-bombs.ts [--before] [--only NAME]`. `--before` also runs the ExcelJS
 * reader as it was (bench/readerExcelJs.ts), ended at 60 s, for the before/after table.
 * Files: the committed crafted fixtures (tests/fixtures/reader), Apache POI's
 * 57893-many-merges.xlsx when the corpus is at /work/corpus, and bombs built here in memory
 * (a zip lying about its sizes, sheets of tiny cells right at and past the limits).
 * Exit code 1 when the SheetJS reader misses the budget on some file.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { craftWorkbook } from "../tests/fixtures/reader/craft";
import { READ_LIMITS } from "../shared/xlsx/readLimits";

const BUDGET_MS = 30_000;
const BUDGET_MB = 1024;
const FIXTURES = path.join(__dirname, "..", "tests", "fixtures", "reader");
const POI_MERGES = "/work/corpus/apache+poi/test-data_spreadsheet_57893-many-merges.xlsx";

/** A sheet of `rows` × `cols` small numbers (the densest legitimate XML: about 25 bytes a cell). */
function denseSheet(rows: number, cols: number): string {
  const letters = (c: number) => {
    let s = "";
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const names = Array.from({ length: cols }, (_, i) => letters(i + 1));
  const parts: string[] = ["<sheetData>"];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) row += `<c r="${names[c]}${r}"><v>${(r + c) % 10}</v></c>`;
    parts.push(`${row}</row>`);
  }
  parts.push("</sheetData>");
  return parts.join("");
}

function builtBombs(dir: string): { name: string; file: string }[] {
  const out: { name: string; file: string }[] = [];
  const put = (name: string, bytes: Uint8Array) => {
    const file = path.join(dir, `${name}.xlsx`);
    writeFileSync(file, bytes);
    out.push({ name, file });
  };
  // The zip says its sheet holds 1 KB; it inflates to 1 GB of whitespace.
  put(
    "lying-sizes-1gb",
    craftWorkbook({
      sheets: [{ name: "Hoja1", body: "<sheetData/>" }],
      extra: [{ name: "xl/media/pad.xml", data: Buffer.alloc(1024 * 1024 * 1024, 0x20), declaredSize: 1024 }],
    }),
  );
  // Tiny dense cells (the most cells a byte can hold): just under and just over READ_LIMITS.cells.
  const cols = 40;
  const under = Math.floor(READ_LIMITS.cells / cols) - 1;
  put(`dense-${under * cols}-cells`, craftWorkbook({ sheets: [{ name: "Datos", body: denseSheet(under, cols) }] }));
  put(`dense-${(under + 2000) * cols}-cells`, craftWorkbook({ sheets: [{ name: "Datos", body: denseSheet(under + 2000, cols) }] }));
  // Long text in one cell a row, the heaviest legitimate XML for SheetJS (7–8 bytes of memory per
  // byte): just under READ_LIMITS.uncompressedBytes, and the newcomer trial's 600,000-row sheet over it.
  const textRows = (rows: number) => {
    const parts: string[] = ["<sheetData>"];
    for (let r = 1; r <= rows; r++) {
      parts.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>Fila de relleno número ${r} con un texto largo que no es del plan, repetido para ocupar espacio en la hoja Resultados del libro</t></is></c></row>`);
    }
    parts.push("</sheetData>");
    return parts.join("");
  };
  put("text-rows-490000", craftWorkbook({ sheets: [{ name: "Resultados", body: textRows(490_000) }] }));
  put("text-rows-600000", craftWorkbook({ sheets: [{ name: "Resultados", body: textRows(600_000) }] }));
  return out;
}

interface Result {
  status: string;
  ms: number;
  /** CPU time (user + system) of the read: the figure a loaded machine does not inflate. */
  cpuMs?: number;
  maxRssMb: number;
}

function runOne(reader: "sheetjs" | "exceljs", file: string, timeoutMs: number): Result {
  const started = Date.now();
  const run = spawnSync(process.execPath, [...process.execArgv, __filename, "--one", reader, file], {
    encoding: "utf8",
    timeout: timeoutMs,
    killSignal: "SIGKILL",
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=4096`.trim() },
  });
  const ms = Date.now() - started;
  const line = (run.stdout ?? "").trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(line) as Result;
  } catch {
    const status = run.signal === "SIGKILL" ? `ended at ${Math.round(timeoutMs / 1000)} s` : `crashed (${/heap out of memory/i.test(run.stderr ?? "") ? "heap out of memory" : `exit ${run.status}`})`;
    return { status, ms, maxRssMb: NaN };
  }
}

async function one(reader: string, file: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  const started = performance.now();
  const cpu = process.cpuUsage();
  let status: string;
  try {
    const grids =
      reader === "sheetjs"
        ? await (await import("../shared/xlsx/readWorkbook")).readWorkbookGrids(bytes)
        : await (await import("./readerExcelJs")).readWorkbookGridsExcelJs(bytes);
    const cells = grids.sheets.reduce((t, s) => t + s.values.reduce((n, r) => n + r.length, 0), 0);
    status = `read (${grids.sheets.length} sheets, ${cells} grid cells, ${grids.sheets.reduce((t, s) => t + (s.merged?.length ?? 0), 0)} merges)`;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    status = e.code ? `refused ${e.code}` : `crashed: ${String(e.message ?? error).slice(0, 80)}`;
  }
  const ms = performance.now() - started;
  // VmHWM, the peak resident memory of this process (ru_maxrss would carry the parent's over exec).
  const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? NaN);
  const used = process.cpuUsage(cpu);
  process.stdout.write(`${JSON.stringify({ status, ms, cpuMs: (used.user + used.system) / 1000, maxRssMb: hwm / 1024 })}\n`);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const before = args.includes("--before");
  const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
  const dir = mkdtempSync(path.join(tmpdir(), "reader-bombs-"));
  const files = [
    ...["stray-value-xfd1048576.xlsx", "merge-whole-sheet.xlsx", "merges-50000.xlsx", "zip-bomb-512mb.xlsx", "zip-lying-sizes.xlsx", "ods-repeated-cell.ods"].map(
      (name) => ({ name: name.replace(/\.\w+$/, ""), file: path.join(FIXTURES, name) }),
    ),
    ...(existsSync(POI_MERGES) ? [{ name: "poi-57893-many-merges", file: POI_MERGES }] : []),
    ...builtBombs(dir),
  ].filter((f) => !only || f.name.includes(only));
  let missed = 0;
  process.stdout.write(`budget: ${BUDGET_MS / 1000} s and ${BUDGET_MB} MB per file\n`);
  for (const f of files) {
    const size = (readFileSync(f.file).length / 1024).toFixed(0);
    for (const reader of before ? (["exceljs", "sheetjs"] as const) : (["sheetjs"] as const)) {
      const r = runOne(reader, f.file, reader === "exceljs" ? 60_000 : 120_000);
      const over = reader === "sheetjs" && !(r.ms <= BUDGET_MS && r.maxRssMb <= BUDGET_MB);
      if (over) missed++;
      process.stdout.write(
        `${f.name.padEnd(36)} ${`${size} KB`.padStart(9)}  ${reader.padEnd(7)}  ${(r.ms / 1000).toFixed(2).padStart(6)} s  ${r.cpuMs === undefined ? "      ?" : (r.cpuMs / 1000).toFixed(2).padStart(6)} s cpu  ${Number.isNaN(r.maxRssMb) ? "     ?" : r.maxRssMb.toFixed(0).padStart(6)} MB  ${r.status}${over ? "  ← over budget" : ""}\n`,
      );
    }
  }
  rmSync(dir, { recursive: true, force: true });
  return missed > 0 ? 1 : 0;
}

if (process.argv[2] === "--one") {
  void one(process.argv[3], process.argv[4]);
} else {
  main().then((code) => process.exit(code), (error) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(2);
  });
}
