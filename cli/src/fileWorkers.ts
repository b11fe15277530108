import { Worker } from "node:worker_threads";
import { WORKBOOK_READ_MESSAGES } from "@coop-plans/shared/xlsx";
import type { ExitCode } from "./commandResult";

/** What the worker posts back for a file (validate's FileReport; only these fields are read here). */
export interface WorkerFileReport {
  file: string;
  exitCode: ExitCode;
  error?: { code: string; message: string };
}

/**
 * Where the per-file worker's code is (set once by the `coop-plans` bin): the bundled
 * `cli/dist/validateWorker.mjs`, or `cli/src/validateWorker.ts` with the URL of tsx's ESM API to
 * register first. Unset (tests calling commands as functions), files are validated in-process.
 */
export interface FileWorkerSpec {
  /** file: URL of the worker module. */
  entry: string;
  /** file: URL of `tsx/esm/api`, when `entry` is TypeScript. */
  tsxApi?: string;
}

let spec: FileWorkerSpec | undefined;

/** Makes `validate` run each file in a worker thread (see `FileWorkerPool`). */
export function useFileWorkers(workerSpec: FileWorkerSpec | undefined): void {
  spec = workerSpec;
}

/** The worker spec set by the bin, if any. */
export function fileWorkerSpec(): FileWorkerSpec | undefined {
  return spec;
}

/** Seconds one file may take (read, parse, validate) before its worker is ended: `COOP_PLANS_FILE_TIMEOUT_S`, default 60. */
export function fileTimeBudgetMs(): number {
  const seconds = Number(process.env.COOP_PLANS_FILE_TIMEOUT_S);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 60) * 1000;
}

/** The heap a file's worker may use (MB); past it the worker is ended and the file refused. */
export const FILE_HEAP_MB = 1024;

/** A job for the worker: one file and the validate options. */
export interface FileJob {
  file: string;
  asOf?: string;
  /** The rule packs in force (plain data, cloned to the worker). */
  packs?: readonly unknown[];
  /**
   * False: the report comes back without its `plan` (validate's text output never prints it, and
   * cloning a plan across threads cost ~15% of a 60-file batch). Default true (--json, consolidate).
   */
  withPlan?: boolean;
}

const es = new Intl.NumberFormat("es-CL");

function unread(file: string, code: string, message: string): WorkerFileReport {
  return { file, exitCode: 2, error: { code, message } };
}

/** How long a worker may take to load its code before the file is reported unread (a very loaded machine). */
const WORKER_START_MS = 120_000;

const INTERNAL = "No se pudo validar el archivo: error interno de coop-plans. Informe el problema adjuntando el archivo si puede.";

/**
 * Validates files one at a time in a worker thread, so one file can neither stall nor sink the
 * batch: a file that takes longer than the time budget (counted from when the worker has loaded
 * its code), or needs more than `FILE_HEAP_MB` of heap, ends its worker (a fresh one takes the
 * next file) and gets a Spanish report with exit code 2 (`too-slow`, `too-large`). The worker is
 * reused between files; `close()` ends it.
 */
export class FileWorkerPool<R extends WorkerFileReport = WorkerFileReport> {
  private worker: Worker | null = null;
  private ready: Promise<boolean> | null = null;
  /** The last job queued: jobs run one after another, so a caller may queue the next file before it prints this one. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly workerSpec: FileWorkerSpec,
    private readonly timeBudgetMs = fileTimeBudgetMs(),
  ) {}

  private spawn(): void {
    const { entry, tsxApi } = this.workerSpec;
    // An eval'd bootstrap: registers tsx when the worker's code is TypeScript, then loads it.
    const code = tsxApi
      ? `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`
      : `import(${JSON.stringify(entry)});`;
    const worker = new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: FILE_HEAP_MB } });
    this.worker = worker;
    this.ready = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), WORKER_START_MS);
      const onMessage = (msg: { ready?: boolean }) => {
        if (!msg?.ready) return;
        clearTimeout(timer);
        worker.off("message", onMessage);
        resolve(true);
      };
      worker.on("message", onMessage);
      worker.once("error", () => resolve(false));
      worker.once("exit", () => resolve(false));
    });
  }

  private end(worker: Worker): void {
    void worker.terminate();
    if (this.worker === worker) {
      this.worker = null;
      this.ready = null;
    }
  }

  /**
   * Validates one file in the worker; never throws. Calls made while a file is in progress are
   * queued (the worker takes one file at a time; each file's time budget starts when it is sent).
   */
  run(job: FileJob): Promise<R> {
    const result = this.tail.then(() => this.runNow(job));
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async runNow(job: FileJob): Promise<R> {
    if (!this.worker) this.spawn();
    const worker = this.worker!;
    if (!(await this.ready)) {
      this.end(worker);
      return unread(job.file, "internal", INTERNAL) as R;
    }
    return new Promise<R>((resolve) => {
      const finish = (report: WorkerFileReport, end: boolean) => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        if (end) this.end(worker);
        resolve(report as R);
      };
      const onMessage = (msg: { report?: WorkerFileReport }) => {
        if (msg?.report) finish(msg.report, false);
      };
      const onError = (error: Error) => {
        const outOfMemory = (error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY" || /out of memory/i.test(String(error));
        finish(
          outOfMemory
            ? unread(
                job.file,
                "too-large",
                `El archivo necesitó más memoria de la que se permite para leer un libro (${es.format(FILE_HEAP_MB)} MB) y se dejó de lado. Quite las hojas, imágenes y datos que no sean del plan, guárdelo como Libro de Excel (.xlsx) y vuelva a intentarlo.`,
              )
            : unread(job.file, "internal", INTERNAL),
          true,
        );
      };
      const onExit = () => finish(unread(job.file, "internal", INTERNAL), true);
      const timer = setTimeout(() => {
        const seconds = es.format(Math.round(this.timeBudgetMs / 1000));
        finish(unread(job.file, "too-slow", WORKBOOK_READ_MESSAGES["too-slow"].replace("tardó demasiado en leerse", `tardó más de ${seconds} s en leerse`)), true);
      }, this.timeBudgetMs);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage(job);
    });
  }

  /** Ends the worker, if any. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    if (worker) await worker.terminate();
  }
}

/** The validate options a worker job carries. */
export function jobOf(file: string, options: { asOf?: string; packs?: readonly unknown[]; withPlan?: boolean }): FileJob {
  return { file, ...(options.asOf ? { asOf: options.asOf } : {}), ...(options.packs ? { packs: options.packs } : {}), ...(options.withPlan === false ? { withPlan: false } : {}) };
}
