import { runCli } from "../../cli/src/program";
import { COMMANDS } from "../../cli/src/main";

/** What `coop-plans …` wrote and its exit code, run in this process (no bin, no worker threads). */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `coop-plans <args>` through the real program (cli/src/program runCli with every command). */
export async function runInProcess(...args: string[]): Promise<CliRun> {
  const out = { stdout: "", stderr: "" };
  const code = await runCli(COMMANDS, ["node", "coop-plans", ...args], {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
  });
  return { code, ...out };
}
