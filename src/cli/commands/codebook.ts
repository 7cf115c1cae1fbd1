import type { Question } from "../../codebook";
import { SurveyError } from "../../errors";
import { EXPORT_FORMATS } from "../../load";
import { proposeCodebook, type ColumnNote } from "../../survey";
import { type Command, defineCommand, ExitCode } from "../command";
import { ENCODING_NAMES, encodingOption, sharedOptions } from "../sharedOptions";
import { missingArguments } from "../usageError";


const usage = `Usage: svyprop codebook FILE [--format ${EXPORT_FORMATS.join("|")}] [--delimiter D]
                        [--encoding ${Object.keys(ENCODING_NAMES).join("|")}] [--max-categories N]
                        [--dictionary REDCAP_DICTIONARY.csv] [--quiet] > codebook.json

Proposes a codebook for a survey file (Qualtrics, REDCap, LimeSurvey or a spreadsheet), for you
to edit, and says on stderr what it decided for each column and why:
  - option columns (Qualtrics Q2_1, REDCap field___1, LimeSurvey Q5[SQ001], spreadsheet columns
    "Networks - Facebook", "Networks - Twitter" holding 0/1, 1/blank or X/blank) become one
    multi question;
  - yes/no answers a binary question; other two-valued answers (F/M, H/F, 1/2) and a few texts
    or codes a single one; agreement scales and 1–5 or 1–7 numbers a likert one; other numbers
    a numeric one;
  - a question left blank exactly by those who gave one answer to an earlier question gets a
    filter (skip logic);
  - the respondent id becomes respondentId, a weight column design.weights; platform metadata,
    dates and times, free text and empty columns are left out.
--dictionary reads a REDCap data dictionary: field labels, choices, field types and branching
logic of the form [field] = 'value'.`;

export const codebookCommand: Command = defineCommand({
  name: "codebook",
  summary: "Propose a codebook.json from a survey file",
  usage,
  arguments: ["FILE"],
  options: {
    ...sharedOptions("quiet", "encoding"),
    format: { type: "string" },
    delimiter: { type: "string" },
    "max-categories": { type: "string" },
    dictionary: { type: "string" },
  },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    if (file === undefined) {
      throw missingArguments({ FILE: file });
    }
    const { codebook, notes } = await proposeCodebook(file, {
      ...(values.dictionary === undefined ? {} : { dictionary: values.dictionary }),
      ...(values.format === undefined ? {} : { format: oneOf(EXPORT_FORMATS, values.format, "--format") }),
      ...encodingOption(values.encoding),
      ...(values.delimiter === undefined ? {} : { delimiter: values.delimiter === "\\t" ? "\t" : values.delimiter }),
      ...(values["max-categories"] === undefined ? {} : { maxCategories: positiveInteger(values["max-categories"]) }),
    });
    io.stdout(`${JSON.stringify(codebook, null, 2)}\n`);
    if (!values.quiet) {
      io.stderr(describeNotes(notes));
      io.stderr(`svyprop codebook: ${codebook.questions.length} questions proposed: ${describeKinds(codebook.questions)}\n`);
    }
    return ExitCode.ok;
  },
});

function oneOf<T extends string>(allowed: readonly T[], value: string, option: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new SurveyError("E_ARGUMENT", `${option} must be one of ${allowed.join(", ")}`, { value });
  }
  return value as T;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new SurveyError("E_ARGUMENT", "--max-categories must be a positive whole number", { value });
  return n;
}

function describeKinds(questions: Question[]): string {
  const counts = new Map<string, number>();
  for (const { type } of questions) counts.set(type, (counts.get(type) ?? 0) + 1);
  return [...counts].map(([type, n]) => `${n} ${type}`).join(", ");
}

/** The decisions, one line per column (or group of option columns), for the user to check. */
function describeNotes(notes: ColumnNote[]): string {
  const lines = notes.map(({ columns, decision, reason }) => `  ${describeColumns(columns)}: ${decision} — ${reason}\n`);
  return `svyprop codebook: what each column became, and why (edit the codebook where it is wrong):\n${lines.join("")}`;
}

function describeColumns(columns: string[]): string {
  const quoted = columns.map((column) => (/^[\w.[\]-]+$/.test(column) ? column : `"${column}"`));
  return quoted.length > 4 ? `${quoted[0]} … ${quoted[quoted.length - 1]} (${quoted.length} columns)` : quoted.join(", ");
}
