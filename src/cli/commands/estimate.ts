import { parseArgs } from "node:util";
import { estimate as estimateQuestion } from "../../estimate";
import { toMarkdown, validationSummary } from "../../report";
import { loadSurvey } from "../../survey";
import type { CIMethod } from "../../types";
import { type Command, ExitCode } from "../command";

const usage = `Usage: svyprop estimate FILE --codebook CODEBOOK [--question ID …] [--method M] [--level L]
                        [--by QUESTION] [--strict] [--json]

Prints one Estimate row per category of each question (all categorical questions by default):
count, base, percentage and its confidence interval. --json prints { "estimates": [...], "report": {...} }.
Methods: wilson (default), wilson-cc, clopper-pearson, jeffreys, agresti-coull, logit, wald.`;

export const estimateCommand: Command = {
  name: "estimate",
  summary: "Proportions with confidence intervals for a survey file",
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        codebook: { type: "string" },
        question: { type: "string", multiple: true },
        method: { type: "string" },
        level: { type: "string" },
        by: { type: "string" },
        strict: { type: "boolean" },
        json: { type: "boolean" },
      },
    });
    const [file] = positionals;
    if (file === undefined || values.codebook === undefined) {
      io.stderr(`svyprop estimate: FILE and --codebook are required\n\n${usage}\n`);
      return ExitCode.usage;
    }
    const survey = await loadSurvey(file, { codebook: values.codebook, strict: values.strict === true });
    const questions =
      values.question ?? survey.codebook.questions.filter((q) => q.type !== "numeric").map((q) => q.id);
    const rows = questions.flatMap((id) =>
      estimateQuestion(survey, id, {
        ...(values.method === undefined ? {} : { method: values.method as CIMethod }),
        ...(values.level === undefined ? {} : { level: Number(values.level) }),
        ...(values.by === undefined ? {} : { by: values.by }),
      }),
    );
    if (values.json) {
      io.stdout(`${JSON.stringify({ estimates: rows, report: survey.report }, null, 2)}\n`);
    } else {
      io.stdout(toMarkdown(rows));
      io.stderr(validationSummary(survey.report));
    }
    return ExitCode.ok;
  },
};
