import { parseArgs, type ParseArgsConfig } from "node:util";
import { didYouMean } from "./didYouMean";
import { UsageError } from "./usageError";

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
  /** A bug in svyprop (an error it has no code for): sysexits' EX_SOFTWARE. */
  internal: 70,
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
 * A command from its options (as `node:util` `parseArgs` takes them), the names of its
 * positional arguments, and a body that gets them parsed. An unknown option (with the closest
 * known one suggested), an option without its value, a value given to a switch, or an argument
 * too many is a `UsageError` before the body runs.
 */
export function defineCommand<const O extends OptionsConfig>(spec: {
  name: string;
  summary: string;
  usage: string;
  /** The positional arguments the command takes, e.g. ["FILE"]; more are refused. */
  arguments: readonly string[];
  options: O;
  run(parsed: ParsedArgs<O>, io: CliIO): Promise<number>;
}): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    run: (args, io) => spec.run(parseCommandArgs(spec.name, args, spec.options, spec.arguments), io),
  };
}

function parseCommandArgs<O extends OptionsConfig>(command: string, args: string[], options: O, positionals: readonly string[]): ParsedArgs<O> {
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  const known = Object.keys(options);
  let previousOption: string | undefined;
  let positionalCount = 0;
  for (const token of tokens) {
    if (token.kind === "option") {
      const option = options[token.name];
      if (option === undefined) {
        throw new UsageError(`unknown option ${token.rawName}${didYouMean(token.name, known, (name) => `--${name}`)}`);
      }
      if (option.type === "string" && (token.value === undefined || (!token.inlineValue && token.value.startsWith("-")))) {
        throw new UsageError(`${token.rawName} needs a value${token.value === undefined ? "" : ` (the next word is the option "${token.value}"; write ${token.rawName}=${token.value} if you mean it)`}`);
      }
      if (option.type === "boolean" && token.inlineValue) throw new UsageError(`${token.rawName} is a switch and takes no value (got "${token.value}")`);
      previousOption = option.multiple ? token.rawName : undefined;
    } else if (token.kind === "positional") {
      positionalCount += 1;
      if (positionalCount > positionals.length) {
        const repeat = previousOption === undefined ? "" : `; to give ${previousOption} several values, repeat it (${previousOption} A ${previousOption} B)`;
        const takes = positionals.length === 0 ? "takes no arguments" : `takes ${positionals.join(" ")} once`;
        throw new UsageError(`unexpected argument "${token.value}": svyprop ${command} ${takes}${repeat}`);
      }
      previousOption = undefined;
    }
  }
  try {
    return parseArgs({ args, options, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
