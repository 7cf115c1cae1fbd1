import { SurveyError } from "../errors";
import { ExitCode } from "./command";
import { systemReason } from "../load/node/systemReason";
import { UsageError } from "./usageError";

/** What `runCli` prints for an error a command threw, and the exit code it returns. */
export interface Failure {
  message: string;
  exitCode: number;
  /** Print the command's usage after the message. */
  showUsage: boolean;
}

/**
 * Every error a command can throw, as a one-paragraph message and a README exit code, never a
 * stack trace: a `UsageError` exits 2 with the usage; a `SurveyError` prints its code, row,
 * column and value and exits 2 (`E_ARGUMENT`) or 3; a file-system error (ENOENT, EACCES…) is an
 * `E_IO` naming the path, exit 3; anything else is a bug in svyprop, exit 70, its stack shown
 * only with SVYPROP_DEBUG=1.
 */
export function describeFailure(error: unknown, command: string): Failure {
  if (error instanceof UsageError) return { message: error.message, exitCode: ExitCode.usage, showUsage: true };
  const coded = error instanceof SurveyError ? error : fileSystemError(error);
  if (coded !== undefined) {
    const usage = coded.code === "E_ARGUMENT";
    const hint = usage ? `\nRun "svyprop ${command} --help" for its options.` : "";
    return { message: `${coded.message}${hint}`, exitCode: usage ? ExitCode.usage : ExitCode.badInput, showUsage: false };
  }
  const detail = process.env.SVYPROP_DEBUG ? `\n${(error as Error)?.stack ?? String(error)}` : "\n(Run again with SVYPROP_DEBUG=1 to see where it happened.)";
  return {
    message: `internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in svyprop: please report it with the command you ran.${detail}`,
    exitCode: ExitCode.internal,
    showUsage: false,
  };
}

/** A Node file-system error (it has a string `code` such as ENOENT and a `path`) as an `E_IO`. */
function fileSystemError(error: unknown): SurveyError | undefined {
  const { code, path, syscall } = (error ?? {}) as { code?: unknown; path?: unknown; syscall?: unknown };
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code) || typeof path !== "string") return undefined;
  const verb = typeof syscall === "string" && /write|mkdir|rename|unlink|rmdir|copy/.test(syscall) ? "write" : "read";
  return new SurveyError("E_IO", `cannot ${verb} the file: ${systemReason(error)}`, { file: path });
}
