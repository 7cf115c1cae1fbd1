import type { Command } from "../command";
import { checkCommand } from "./check";

/** Every sub-command of `svyprop`, in the order `svyprop --help` lists them. */
export const commands: Command[] = [checkCommand];
