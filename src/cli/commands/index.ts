import type { Command } from "../command";
import { codebookCommand } from "./codebook";

/** Every sub-command of `svyprop`, in the order `svyprop --help` lists them. */
export const commands: Command[] = [codebookCommand];
