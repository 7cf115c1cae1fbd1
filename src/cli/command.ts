import { parseArgs, type ParseArgsConfig } from "node:util";

/** Where a command writes: injectable so tests can capture output without spawning a process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal (progress bars, colours). */
  isTTY: boolean;
}

/** Exit codes that scripts can trust. */
export const ExitCode = {
  ok: 0,
  /** The command ran, but its verdict is negative (e.g. a published figure was not reproduced). */
  failedCheck: 1,
  /** Bad usage: unknown command or option, missing argument. */
  usage: 2,
  /** Bad input: the data or codebook could not be used (the SurveyError code is printed). */
  badInput: 3,
} as const;

/** One `svyprop` sub-command: one file under `cli/commands/`. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;
/** What `parseArgs` returns for a command's options, with positionals allowed. */
export type ParsedArgs<O extends OptionsConfig> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true }>>;

/**
 * A command from its options (as `node:util` `parseArgs` takes them) and a body that gets them
 * parsed: an unknown option or a missing value is a usage error before the body runs.
 */
export function defineCommand<const O extends OptionsConfig>(spec: {
  name: string;
  summary: string;
  usage: string;
  options: O;
  run(parsed: ParsedArgs<O>, io: CliIO): Promise<number>;
}): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    run: (args, io) => spec.run(parseArgs({ args, options: spec.options, allowPositionals: true }), io),
  };
}
