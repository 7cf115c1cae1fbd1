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
