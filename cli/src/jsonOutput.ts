import type { CommandResult, ExitCode } from "./commandResult";

/**
 * The one `--json` shape of the CLI: stdout is exactly one JSON array (2-space indented, then a
 * newline), an entry per file (`validate`, `sync`) or per cooperative (`status`, `rules impact`),
 * and nothing else (no progress bar, no summary). Entries use the shared vocabulary: `file` and
 * `exitCode` for a file; `counts` as `{ error, warning, info }` (shared/findings `FindingCounts`);
 * `totals` with the names of shared/domain/totals.ts (`total`, `sercotecAmount`, `ownAmount`,
 * `executedAmount`, `investmentLines`, …), money integer CLP.
 */
export function jsonResult(entries: readonly unknown[], exitCode: ExitCode = 0): CommandResult {
  return { exitCode, output: `${JSON.stringify(entries, null, 2)}\n` };
}
