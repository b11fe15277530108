/**
 * Compares the two readers on a corpus of real workbooks (issue «The reader», item 3): the
 * ExcelJS reader as it was (bench/readerExcelJs.ts) and the SheetJS reader (`readWorkbookGrids`).
 * Each file is read by each reader in a worker thread with a 1 GB heap and a 30 s budget (ended
 * past it), then the grids are compared cell by cell where both read the file.
 *
 * Run: `npx tsx bench/reader-corpus.ts [CORPUS_DIR] [--out results.jsonl]` (default corpus
 * /work/corpus, one folder per source repository: `owner+name/<file>`). The corpus is not in the
 * repository (about 4,100 files, 180 MB): clone each source repository (apache/poi, ClosedXML,
 * nissl-lab/npoi, jmcnamara/XlsxWriter, openpyxl, tafia/calamine, qax-os/excelize,
 * PHPOffice/PhpSpreadsheet, SheetJS/test_files) and copy every .xlsx/.xlsm/.xlsb/.xls/.ods it
 * tracks into `<corpus>/<owner>+<name>/`, the path's slashes turned into `_`, e.g.
 * `git ls-tree -r HEAD | grep -iE '\.(xlsx|xlsm|xlsb|xls|ods)$'` then `git cat-file blob <sha>`. Prints, per producer and format, how many files each reader
 * read, refused by code, timed out or ran out of memory, total and slowest times, peak heap, and
 * the cells on which the readers disagree. Skips (exit 0) when the corpus is absent.
 * `--out FILE` appends one JSON line per file and resumes from what FILE already holds;
 * `--summary FILE` prints the tables of a saved run; `CORPUS_LIMIT=N` reads the first N files;
 * `CORPUS_READERS=sheetjs` runs the SheetJS reader alone.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Worker, isMainThread, parentPort } from "node:worker_threads";
import { readWorkbookGrids } from "../shared/xlsx/readWorkbook";
import { WorkbookReadError } from "../shared/xlsx/workbookReadError";
import { readWorkbookGridsExcelJs } from "./readerExcelJs";

type ReaderName = "exceljs" | "sheetjs";

interface Outcome {
  reader: ReaderName;
  status: "read" | "refused" | "crashed" | "timeout" | "oom";
  code?: string;
  ms: number;
  heapMb?: number;
  /** `sheet!row:col` → value of the first cells holding one (at most DIGEST_CELLS a file), for the comparison. */
  digest?: [string, string | number | boolean][];
}

const TIME_BUDGET_MS = 30_000;
const HEAP_MB = 1024;
const DIGEST_CELLS = 20_000;

async function workerMain(): Promise<void> {
  parentPort!.on("message", async (msg: { file: string; reader: ReaderName }) => {
    const bytes = new Uint8Array(readFileSync(msg.file));
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    let out: Outcome;
    try {
      const grids = await (msg.reader === "sheetjs" ? readWorkbookGrids(bytes) : readWorkbookGridsExcelJs(bytes));
      const ms = performance.now() - started;
      const heapMb = (process.memoryUsage().heapUsed - before) / 1048576;
      const digest: [string, string | number | boolean][] = [];
      for (const s of grids.sheets) {
        const o = /^([A-Z]+)(\d+)$/.exec(s.origin)!;
        const r0 = Number(o[2]);
        const c0 = [...o[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        s.values.forEach((row, i) =>
          row.forEach((v, j) => {
            // Long strings cut: a file repeating one huge shared string in every cell would otherwise flood the message.
            if (v !== null && digest.length < DIGEST_CELLS) digest.push([`${s.name}!${r0 + i}:${c0 + j}`, typeof v === "string" && v.length > 200 ? `${v.slice(0, 200)}…(${v.length})` : v]);
          }),
        );
      }
      out = { reader: msg.reader, status: "read", ms, heapMb, digest };
    } catch (error) {
      const ms = performance.now() - started;
      out =
        error instanceof WorkbookReadError
          ? { reader: msg.reader, status: "refused", code: error.code, ms }
          : { reader: msg.reader, status: "crashed", code: String((error as Error)?.message ?? error).slice(0, 120), ms };
    }
    parentPort!.postMessage(out);
  });
}

class Runner {
  private worker: Worker | null = null;

  private spawn(): Worker {
    // A worker cannot load .ts by itself: it registers tsx, then loads this file (isMainThread false).
    const code = `require("tsx/cjs/api").register(); require(${JSON.stringify(__filename)});`;
    return new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB }, stdout: true, stderr: true });
  }

  run(file: string, reader: ReaderName): Promise<Outcome> {
    if (!this.worker) this.worker = this.spawn();
    const worker = this.worker;
    const started = performance.now();
    return new Promise((resolve) => {
      const done = (o: Outcome, restart: boolean) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (restart) {
          void worker.terminate();
          this.worker = null;
        }
        resolve(o);
      };
      const onMessage = (o: Outcome) => done(o, false);
      const onError = (e: Error) =>
        done({ reader, status: /out of memory|ERR_WORKER_OUT_OF_MEMORY/i.test(String(e)) ? "oom" : "crashed", code: String(e).slice(0, 120), ms: performance.now() - started }, true);
      const onExit = () => done({ reader, status: "crashed", code: "worker exit", ms: performance.now() - started }, true);
      const timer = setTimeout(() => done({ reader, status: "timeout", ms: TIME_BUDGET_MS }, true), TIME_BUDGET_MS);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage({ file, reader });
    });
  }

  close(): void {
    void this.worker?.terminate();
  }
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a));
  return false;
}

/** Cells (absolute addresses) on which the readers disagree, over the first cells each read. */
function disagreements(a: Outcome, b: Outcome): { cells: number; compared: number; sample: string[] } {
  const ma = new Map(a.digest ?? []);
  const mb = new Map(b.digest ?? []);
  const sheetsB = new Set([...mb.keys()].map((k) => k.slice(0, k.lastIndexOf("!"))));
  let cells = 0;
  let compared = 0;
  const sample: string[] = [];
  // Only keys both digests could hold: cells of sheets both read, within both digests' reach.
  const capped = (a.digest?.length ?? 0) >= DIGEST_CELLS || (b.digest?.length ?? 0) >= DIGEST_CELLS;
  for (const key of new Set([...ma.keys(), ...mb.keys()])) {
    if (!sheetsB.has(key.slice(0, key.lastIndexOf("!")))) continue;
    if (capped && (!ma.has(key) || !mb.has(key))) continue;
    compared++;
    if (!same(ma.get(key), mb.get(key))) {
      cells++;
      if (sample.length < 3) sample.push(`${key} exceljs=${JSON.stringify(ma.get(key))} sheetjs=${JSON.stringify(mb.get(key))}`);
    }
  }
  return { cells, compared, sample };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf("--out");
  const outFile = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const corpus = args.find((a, i) => !a.startsWith("--") && i !== outIndex + 1) ?? "/work/corpus";
  if (!existsSync(corpus)) {
    process.stdout.write(`Corpus ${corpus} ausente: nada que medir.\n`);
    return 0;
  }
  const files: { producer: string; file: string; ext: string }[] = [];
  for (const producer of readdirSync(corpus).sort()) {
    const dir = path.join(corpus, producer);
    for (const f of readdirSync(dir).sort()) files.push({ producer, file: path.join(dir, f), ext: path.extname(f).slice(1).toLowerCase() });
  }
  const limit = Number(process.env.CORPUS_LIMIT ?? files.length);
  // CORPUS_READERS=sheetjs measures the SheetJS reader alone (half the time), e.g. after a change to it.
  const readers = (process.env.CORPUS_READERS ?? "exceljs,sheetjs").split(",");
  const runner = new Runner();
  const lines: string[] = outFile && existsSync(outFile) ? readFileSync(outFile, "utf8").trim().split("\n").filter(Boolean) : [];
  const done = new Set(lines.map((l) => { const r = JSON.parse(l) as Row; return `${r.producer}/${r.file}`; }));
  for (const [i, f] of files.slice(0, limit).entries()) {
    if (done.has(`${f.producer}/${path.basename(f.file)}`)) continue;
    const skipped: Outcome = { reader: "exceljs", status: "refused", code: "not run", ms: 0 };
    const a = readers.includes("exceljs") ? await runner.run(f.file, "exceljs") : skipped;
    const b = await runner.run(f.file, "sheetjs");
    const diff = a.status === "read" && b.status === "read" ? disagreements(a, b) : undefined;
    const strip = (o: Outcome) => ({ status: o.status, code: o.code, ms: Math.round(o.ms), heapMb: o.heapMb === undefined ? undefined : Math.round(o.heapMb) });
    const line = JSON.stringify({ producer: f.producer, file: path.basename(f.file), ext: f.ext, exceljs: strip(a), sheetjs: strip(b), diff });
    lines.push(line);
    if (outFile) appendFileSync(outFile, `${line}\n`);
    if ((i + 1) % 100 === 0) process.stderr.write(`${i + 1}/${Math.min(limit, files.length)}\n`);
  }
  runner.close();
  summarize(lines.map((l) => JSON.parse(l)));
  return 0;
}

interface Row {
  producer: string;
  file: string;
  ext: string;
  exceljs: Outcome;
  sheetjs: Outcome;
  diff?: { cells: number; compared: number; sample: string[] };
}

/** Prints the comparison tables (also usable on a saved results file: `--summary results.jsonl`). */
export function summarize(rows: Row[]): void {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    for (const key of [`producer ${r.producer}`, `format ${r.ext}`, "all"]) {
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(r);
    }
  }
  const line = (key: string, rs: Row[]) => {
    const part = (reader: ReaderName) => {
      const os = rs.map((r) => r[reader]);
      const count = (s: Outcome["status"]) => os.filter((o) => o.status === s).length;
      const total = os.reduce((t, o) => t + o.ms, 0) / 1000;
      const worst = Math.max(...os.map((o) => o.ms)) / 1000;
      const heap = Math.max(0, ...os.map((o) => o.heapMb ?? 0));
      return `${reader}: read ${count("read")}, refused ${count("refused")}, crashed ${count("crashed")}, timeout ${count("timeout")}, oom ${count("oom")}; ${total.toFixed(1)} s total, slowest ${worst.toFixed(1)} s, max heap ${heap.toFixed(0)} MB`;
    };
    const both = rs.filter((r) => r.diff);
    const differing = both.filter((r) => r.diff!.cells > 0).length;
    process.stdout.write(`${key} (${rs.length} files)\n  ${part("exceljs")}\n  ${part("sheetjs")}\n  both read ${both.length}; files with differing cells ${differing}\n`);
  };
  for (const [key, rs] of [...groups.entries()].sort()) line(key, rs);
  const codes = (reader: ReaderName) => {
    const m = new Map<string, number>();
    for (const r of rows) if (r[reader].status !== "read") m.set(`${r[reader].status} ${r[reader].code ?? ""}`.trim(), (m.get(`${r[reader].status} ${r[reader].code ?? ""}`.trim()) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
  };
  process.stdout.write(`\nnot read, exceljs: ${JSON.stringify(codes("exceljs"))}\nnot read, sheetjs: ${JSON.stringify(codes("sheetjs"))}\n`);
}

if (isMainThread) {
  const summaryIndex = process.argv.indexOf("--summary");
  if (summaryIndex >= 0) {
    summarize(readFileSync(process.argv[summaryIndex + 1], "utf8").trim().split("\n").map((l) => JSON.parse(l)));
  } else {
    main().then((code) => process.exit(code), (error) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(2);
    });
  }
} else {
  void workerMain();
}
