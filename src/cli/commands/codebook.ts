import type { Question } from "../../codebook";
import { SurveyError } from "../../errors";
import { EXPORT_FORMATS, type Encoding } from "../../load";
import { inferCodebook } from "../../survey";
import { type Command, defineCommand, ExitCode } from "../command";
import { sharedOptions } from "../sharedOptions";
import { missingArguments } from "../usageError";

/** Encodings `--encoding` takes: latin1 (ISO-8859-1) is read as its superset Windows-1252. */
const ENCODING_NAMES: Record<string, Encoding> = { "utf-8": "utf-8", "windows-1252": "windows-1252", latin1: "windows-1252" };

const usage = `Usage: svyprop codebook FILE [--format ${EXPORT_FORMATS.join("|")}] [--delimiter D]
                        [--encoding ${Object.keys(ENCODING_NAMES).join("|")}] [--max-categories N] [--quiet] > codebook.json

Proposes a codebook for a survey file, for you to edit: question kinds (binary, likert, single,
numeric, and multi for REDCap/LimeSurvey option columns), categories and missing codes.
Platform metadata (dates, progress), free-text and empty columns are left out.`;

export const codebookCommand: Command = defineCommand({
  name: "codebook",
  summary: "Propose a codebook.json from a survey file",
  usage,
  arguments: ["FILE"],
  options: {
    ...sharedOptions("quiet"),
    format: { type: "string" },
    delimiter: { type: "string" },
    encoding: { type: "string" },
    "max-categories": { type: "string" },
  },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    if (file === undefined) {
      throw missingArguments({ FILE: file });
    }
    const codebook = await inferCodebook(file, {
      ...(values.format === undefined ? {} : { format: oneOf(EXPORT_FORMATS, values.format, "--format") }),
      ...(values.encoding === undefined
        ? {}
        : { encoding: ENCODING_NAMES[oneOf(Object.keys(ENCODING_NAMES), values.encoding, "--encoding")] as Encoding }),
      ...(values.delimiter === undefined ? {} : { delimiter: values.delimiter === "\\t" ? "\t" : values.delimiter }),
      ...(values["max-categories"] === undefined ? {} : { maxCategories: positiveInteger(values["max-categories"]) }),
    });
    io.stdout(`${JSON.stringify(codebook, null, 2)}\n`);
    if (!values.quiet) io.stderr(`svyprop codebook: ${codebook.questions.length} questions proposed: ${describeKinds(codebook.questions)}\n`);
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
