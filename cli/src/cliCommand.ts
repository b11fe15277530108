import type { Command } from "commander";
import type { CommandResult } from "./commandResult";

/** What a subcommand gets from the program: where to hand its result. */
export interface CliContext {
  emit(result: CommandResult): void;
}

/**
 * A subcommand of `coop-plans`: builds its commander `Command` (Spanish descriptions) whose action
 * calls the command's function and hands the result to `ctx.emit`. main.ts lists them.
 */
export type CliCommand = (ctx: CliContext) => Command;
