import { type CliIO, ExitCode } from "./command";
import { commands } from "./commands";
import { didYouMean } from "./didYouMean";
import { describeFailure } from "./failure";
import { packageVersion } from "./version";

/** Runs `svyprop <command> [args]` and returns the exit code; never calls process.exit, never throws. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(helpText());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === "--version" || name === "-v" || name === "version") {
    io.stdout(`svyprop ${packageVersion()}\n`);
    return ExitCode.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const names = commands.map((c) => c.name);
    const problem = name.startsWith("-")
      ? `unknown option "${name}" before the command: options come after it (svyprop <command> [options])`
      : `unknown command "${name}"${didYouMean(name, names)}`;
    io.stderr(`svyprop: ${problem}\n\n${helpText()}`);
    return ExitCode.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`${command.usage}\n`);
    return ExitCode.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const failure = describeFailure(error, name);
    io.stderr(`svyprop ${name}: ${failure.message}\n${failure.showUsage ? `\n${synopsis(command.usage)}\nRun "svyprop ${name} --help" for details.\n` : ""}`);
    return failure.exitCode;
  }
}

/** The usage's first paragraph (the "Usage: …" lines), shown after a usage error. */
function synopsis(usage: string): string {
  return usage.split("\n\n")[0] as string;
}

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: svyprop <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun "svyprop <command> --help" for a command's options, "svyprop --version" for the version.\n`;
}
