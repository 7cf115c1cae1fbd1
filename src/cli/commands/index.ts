import type { Command } from "../command";
import { estimateCommand } from "./estimate";
import { reproduceCommand } from "./reproduce";

/** Every sub-command of `svyprop`, in the order `svyprop --help` lists them. */
export const commands: Command[] = [reproduceCommand, estimateCommand];
