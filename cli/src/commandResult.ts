/**
 * Exit code of a command (parsing contract): 0 fine, 1 a file has errors, 2 a file could not be
 * read / the command could not run, 3 a sync refused as a conflict.
 */
export type ExitCode = 0 | 1 | 2 | 3;

/** What a command returns instead of printing: tests call commands as functions and read this. */
export interface CommandResult {
  exitCode: ExitCode;
  /** Text for stdout (Spanish), ending with a newline. */
  output: string;
}

/** The highest of exit codes (a batch exits with its worst file). */
export function worstExitCode(codes: ExitCode[]): ExitCode {
  return codes.reduce<ExitCode>((a, b) => (b > a ? b : a), 0);
}
