import type { Command } from "commander";
import type { CommandResult } from "./commandResult";
import type { BatchProgress } from "./progress";

/** What a subcommand gets from the program: where to hand its result. */
export interface CliContext {
  /** Writes a result's text to stdout (above the progress bar while one is shown) and keeps the worst exit code. */
  emit(result: CommandResult): void;
  /**
   * Starts the progress bar of a batch of `total` files on the program's stdout (see
   * `batchProgress`: only on a terminal, never with `json`); results emitted meanwhile are printed
   * above it. Stop it before emitting the final summary. (Optional so a test may pass `{ emit }` alone.)
   */
  progress?(label: string, total: number, options?: { json?: boolean }): BatchProgress;
}

/**
 * A subcommand of `coop-plans`: builds its commander `Command` (Spanish descriptions) whose action
 * calls the command's function and hands the result to `ctx.emit`. main.ts lists them.
 */
export type CliCommand = (ctx: CliContext) => Command;
