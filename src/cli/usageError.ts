/**
 * A mistake in how a command was called (an unknown option, a missing value, an argument too
 * many): `runCli` prints it with the command's usage and exits 2.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The usage error for required arguments left out, naming only those missing: "--out is required". */
export function missingArguments(given: Record<string, string | undefined>): UsageError {
  const missing = Object.keys(given).filter((name) => given[name] === undefined);
  const names = missing.length <= 1 ? missing.join("") : `${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`;
  return new UsageError(`${names} ${missing.length === 1 ? "is" : "are"} required`);
}
