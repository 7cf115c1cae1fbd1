import type { Command } from "../command";

/** Every sub-command of `svyprop`, in the order `svyprop --help` lists them. */
export const commands: Command[] = [];
