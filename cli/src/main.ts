/**
 * Entry point of the `coop-plans` command (run through tsx: `cli/bin/coop-plans.mjs`, or
 * `npm run coop-plans -- …`). The subcommands live in commands/; adding one is one line below.
 */
import type { CliCommand } from "./cliCommand";
import { templateCommand } from "./commands/template";
import { validateCommand } from "./commands/validate";
import { loginCommand } from "./commands/login";
import { syncCommand } from "./commands/sync";
import { historyCommand, statusCommand } from "./commands/status";
import { consolidateCommand } from "./commands/consolidate";
import { reportCommand } from "./commands/report";
import { rulesCommand } from "./commands/rules";
import { reviewCommand } from "./commands/review";
import { cooperativesCommand } from "./commands/cooperatives";
import { processIo, runCli } from "./program";
import { useFileWorkers, type FileWorkerSpec } from "./fileWorkers";

/** Every subcommand of `coop-plans`, in help order. */
export const COMMANDS: CliCommand[] = [
  validateCommand,
  templateCommand,
  loginCommand,
  syncCommand,
  statusCommand,
  historyCommand,
  reviewCommand,
  cooperativesCommand,
  consolidateCommand,
  reportCommand,
  rulesCommand,
];

/** Runs `coop-plans` with `argv` (as `process.argv`) on the process's stdout/stderr; resolves to the exit code. */
export function main(argv: string[] = process.argv): Promise<number> {
  return runCli(COMMANDS, argv, processIo);
}

/** Sets the exit code (never a stack trace: a last-resort Spanish message). */
export function runAsProcess(argv: string[] = process.argv, options: { fileWorker?: FileWorkerSpec } = {}): void {
  useFileWorkers(options.fileWorker);
  const fatal = () => {
    process.stderr.write("Error inesperado: coop-plans no pudo completar el comando.\n");
    process.exit(2);
  };
  process.on("uncaughtException", fatal);
  process.on("unhandledRejection", fatal);
  // The reader of a pipe closed it (`coop-plans validate … | head`): stop quietly, as Unix tools do.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" ? process.exit(0) : fatal()));
  main(argv).then((code) => (process.exitCode = code), fatal);
}

// Run when this file is the script (`tsx cli/src/main.ts …`); the bin shim calls runAsProcess itself.
if (/[\\/]cli[\\/]src[\\/]main\.ts$/.test(process.argv[1] ?? "")) runAsProcess();
