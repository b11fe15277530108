import path from "node:path";
import { MultiBar, Presets, type SingleBar } from "cli-progress";

/** Where a progress bar may be drawn: the CLI's stdout (a bar is drawn only when it is a terminal). */
export interface ProgressStream {
  write(chunk: string): unknown;
  /** True when the stream is a terminal (Node's `tty.WriteStream`). */
  isTTY?: boolean;
  /** Terminal width in characters (lines are cut to it). */
  columns?: number;
}

/**
 * The progress of a batch over files (`validate`, `sync`, `consolidate FILE…`): a bar on the
 * terminal, with each finished file's report printed above it. A no-op when no bar is shown.
 */
export interface BatchProgress {
  /** True when a bar is drawn (a terminal, no `--json`, more than one file). */
  readonly shown: boolean;
  /** Names the file now being processed beside the bar. */
  starting(file: string): void;
  /** Advances the bar by one file. */
  finished(): void;
  /** Prints `text` (a finished file's report) above the bar; straight to `fallback` when no bar is shown. */
  print(text: string, fallback: (text: string) => void): void;
  /** Wraps a per-file function so each call names its file and advances the bar when it settles. */
  track<A extends unknown[], R>(fn: (file: string, ...rest: A) => Promise<R>): (file: string, ...rest: A) => Promise<R>;
  /** Removes the bar (the reports printed above it stay); idempotent. */
  stop(): void;
}

/** What decides whether a bar is drawn. */
export interface BatchProgressOptions {
  /** `--json`: never a bar (stdout is for the JSON). */
  json?: boolean;
  /** Force the bar on or off (default: on a terminal with more than one file). */
  show?: boolean;
  /** The stream to draw on (default `process.stdout`). */
  stream?: ProgressStream;
}

/** The progress of a batch that shows no bar (text goes straight to its fallback). */
export const NO_PROGRESS: BatchProgress = {
  shown: false,
  starting: () => undefined,
  finished: () => undefined,
  print: (text, fallback) => fallback(text),
  track: (fn) => fn,
  stop: () => undefined,
};

/**
 * Starts the progress bar of a batch of `total` files: `«label» [██████░░░░] 3/60 · archivo.xlsx`,
 * drawn on `stream` (stdout by default) only when it is a terminal, the output is not `--json`,
 * and there is more than one file; otherwise a no-op `BatchProgress`. While the bar is shown,
 * text must go through `print` (it is written above the bar, which is then redrawn).
 */
export function batchProgress(label: string, total: number, options: BatchProgressOptions = {}): BatchProgress {
  const stream = options.stream ?? process.stdout;
  const show = options.show ?? (total > 1 && stream.isTTY === true);
  if (!show || options.json || total < 1) return NO_PROGRESS;
  const multi = new MultiBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: `${label} [{bar}] {value}/{total} {file}`,
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      gracefulExit: true,
      autopadding: true,
      // Keep the terminal's line wrapping: a report's long lines wrap whole; the bar itself is cut to the width.
      linewrap: true,
    },
    Presets.shades_classic,
  );
  const bar: SingleBar = multi.create(total, 0, { file: "" });
  let done = 0;
  let active = true;
  const progress: BatchProgress = {
    shown: true,
    starting(file) {
      if (!active) return;
      bar.update(done, { file: `· ${path.basename(file)}` });
      multi.update();
    },
    finished() {
      if (!active) return;
      done = Math.min(total, done + 1);
      bar.update(done, { file: "" });
      multi.update();
    },
    print(text, fallback) {
      if (!active) return fallback(text);
      multi.log(text);
      multi.update();
    },
    track(fn) {
      return async (file, ...rest) => {
        progress.starting(file);
        try {
          return await fn(file, ...rest);
        } finally {
          progress.finished();
        }
      };
    },
    stop() {
      if (!active) return;
      active = false;
      multi.stop();
    },
  };
  return progress;
}
