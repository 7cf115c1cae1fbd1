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
