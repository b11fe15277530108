import { type Argument, Command, CommanderError, type Option } from "commander";
import type { CliCommand, CliContext } from "./cliCommand";
import type { CommandResult, ExitCode } from "./commandResult";
import { batchProgress, type BatchProgress, type ProgressStream } from "./progress";

/** Where the CLI writes: stdout and stderr. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The stream behind `stdout`, where a batch's progress bar is drawn when it is a terminal; none: no bar. */
  terminal?: ProgressStream;
}

/** Process stdout/stderr. */
export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  terminal: process.stdout,
};

const HELP_TITLES: Record<string, string> = {
  "Usage:": "Uso:",
  "Options:": "Opciones:",
  "Commands:": "Comandos:",
  "Arguments:": "Argumentos:",
  "Global Options:": "Opciones globales:",
};

/** Where to read the help of `command` (`coop-plans validate --help`), for a usage error. */
function helpHint(commandPath: string): string {
  return `Escriba «${commandPath} --help» para ver la ayuda.`;
}

/** A usage error's command path, set by `configure` on the commander error it throws. */
const COMMAND_PATH = Symbol("commandPath");
type PathedError = CommanderError & { [COMMAND_PATH]?: string };

/** A value as help shows it: text bare (`consolidado.xlsx`), anything else as JSON. */
function shownValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Commander's option description with its extra facts in Spanish: `(por defecto: informe.xlsx)`,
 * `(opciones: a, b)`, `(variable de entorno: X)`; same rules as commander for when each shows.
 */
function optionDescription(option: Option): string {
  const extra: string[] = [];
  if (option.argChoices) extra.push(`opciones: ${option.argChoices.map(shownValue).join(", ")}`);
  const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === "boolean");
  if (option.defaultValue !== undefined && showDefault) extra.push(`por defecto: ${option.defaultValueDescription ?? shownValue(option.defaultValue)}`);
  if (option.envVar !== undefined) extra.push(`variable de entorno: ${option.envVar}`);
  return extra.length > 0 ? `${option.description} (${extra.join("; ")})`.trim() : option.description;
}

/** The same for a positional argument. */
function argumentDescription(argument: Argument): string {
  const extra: string[] = [];
  if (argument.argChoices) extra.push(`opciones: ${argument.argChoices.map(shownValue).join(", ")}`);
  if (argument.defaultValue !== undefined) extra.push(`por defecto: ${argument.defaultValueDescription ?? shownValue(argument.defaultValue)}`);
  return extra.length > 0 ? `${argument.description} (${extra.join("; ")})`.trim() : argument.description;
}

/** Commander's English usage errors → Spanish (the quoted name is kept). */
function usageMessage(error: CommanderError): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "commander.unknownOption":
      return `Opción desconocida: ${quoted}.`;
    case "commander.unknownCommand":
      return `Comando desconocido: ${quoted}.`;
    case "commander.missingArgument":
      return `Falta el argumento obligatorio «${quoted}».`;
    case "commander.optionMissingArgument":
      return `Falta el valor de la opción ${quoted}.`;
    case "commander.excessArguments":
      return `Demasiados argumentos para «${quoted}».`;
    case "commander.invalidArgument":
      // «error: command-argument value 'x' is invalid for argument 'y'. <our Spanish message>»
      return error.message.replace(/^error: .*? is invalid(?: for argument '[^']*')?\.\s*/, "");
    default:
      return "Uso incorrecto del comando.";
  }
}

function configure(cmd: Command, io: CliIo, parentPath = ""): void {
  const commandPath = parentPath ? `${parentPath} ${cmd.name()}` : cmd.name();
  cmd
    .exitOverride((error) => {
      // The innermost command that failed names itself; its parents rethrow as is.
      const pathed = error as PathedError;
      pathed[COMMAND_PATH] ??= commandPath;
      throw pathed;
    })
    .configureOutput({ writeOut: io.stdout, writeErr: io.stdout, outputError: () => undefined })
    .helpOption("-h, --help", "muestra esta ayuda")
    .configureHelp({
      styleTitle: (title) => HELP_TITLES[title] ?? title,
      subcommandTerm: (sub) => `${sub.name()} ${sub.usage()}`.trim(),
      optionDescription,
      argumentDescription,
    });
  // commander's own usage and help command are English («[options]», «help [command] display help
  // for command»): the Spanish ones on every level, not only the root.
  const usage = cmd.usage();
  if (/\[options\]|\[command\]/.test(usage)) cmd.usage(usage.replace("[options]", "[opciones]").replace("[command]", "<comando>"));
  if (cmd.commands.length > 0 && parentPath) cmd.helpCommand("help [comando]", "muestra la ayuda de un comando");
  for (const sub of cmd.commands) configure(sub, io, commandPath);
}

/**
 * Builds the `coop-plans` program from its subcommands (Spanish help), wired to `io`, and the
 * way to read the exit code its actions leave. Adding a command is adding it to `commands`.
 */
export function buildProgram(commands: CliCommand[], io: CliIo): { program: Command; exitCode: () => ExitCode } {
  let exitCode: ExitCode = 0;
  let bar: BatchProgress | null = null;
  const ctx: CliContext = {
    emit(result: CommandResult) {
      if (bar) bar.print(result.output, io.stdout);
      else io.stdout(result.output);
      if (result.exitCode > exitCode) exitCode = result.exitCode;
    },
    progress(label, total, options = {}) {
      bar?.stop();
      const started = io.terminal ? batchProgress(label, total, { json: options.json, stream: io.terminal }) : batchProgress(label, total, { show: false });
      bar = started.shown ? started : null;
      return {
        ...started,
        stop: () => {
          started.stop();
          if (bar === started) bar = null;
        },
      };
    },
  };
  const program = new Command("coop-plans")
    .description(
      "Valida y genera el libro estándar del plan de acción y de inversiones del programa de cooperativas de Sercotec.",
    )
    .usage("[opciones] <comando>")
    .version("0.1.0", "-V, --version", "muestra la versión")
    .helpCommand("help [comando]", "muestra la ayuda de un comando");
  for (const command of commands) program.addCommand(command(ctx));
  configure(program, io);
  return { program, exitCode: () => exitCode };
}

/**
 * Runs the CLI on `argv` (as `process.argv`: node, script, args...) and returns the exit code.
 * Never throws and never prints a stack trace: usage errors are Spanish (exit 2), any unexpected
 * failure prints a Spanish message on stderr (exit 2).
 */
export async function runCli(commands: CliCommand[], argv: string[], io: CliIo = processIo): Promise<ExitCode> {
  const { program, exitCode } = buildProgram(commands, io);
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync(argv);
    return exitCode();
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0) return 0;
      if (error.code === "commander.help") return 2;
      io.stderr(`${usageMessage(error)} ${helpHint((error as PathedError)[COMMAND_PATH] ?? program.name())}\n`);
      return 2;
    }
    io.stderr(`Error inesperado: coop-plans no pudo completar el comando. ${helpHint(program.name())}\n`);
    return 2;
  }
}
