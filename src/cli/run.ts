import { SurveyError } from "../errors";
import { type CliIO, ExitCode } from "./command";
import { commands } from "./commands";

/** Runs `svyprop <command> [args]` and returns the exit code; never calls process.exit. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(helpText());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`svyprop: unknown command "${name}"\n\n${helpText()}`);
    return ExitCode.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`${command.usage}\n`);
    return ExitCode.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof SurveyError) {
      io.stderr(`svyprop ${name}: ${error.message}\n`);
      return error.code === "E_ARGUMENT" ? ExitCode.usage : ExitCode.badInput;
    }
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`svyprop ${name}: ${error.message}\n${command.usage}\n`);
      return ExitCode.usage;
    }
    throw error;
  }
}

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: svyprop <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun "svyprop <command> --help" for a command's options.\n`;
}
