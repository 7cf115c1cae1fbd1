import type { Command } from "../command";
import { chartCommand } from "./chart";
import { checkCommand } from "./check";
import { codebookCommand } from "./codebook";
import { crosstabCommand } from "./crosstab";
import { estimateCommand } from "./estimate";
import { reportCommand } from "./report";
import { reproduceCommand } from "./reproduce";
import { slidesCommand } from "./slides";
import { sqlCommand } from "./sql";

/** Every sub-command of `svyprop`, in the order `svyprop --help` lists them. */
export const commands: Command[] = [reproduceCommand, estimateCommand, crosstabCommand, chartCommand, reportCommand, slidesCommand, checkCommand, codebookCommand, sqlCommand];
