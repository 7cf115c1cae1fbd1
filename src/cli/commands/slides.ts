import { writeFile } from "node:fs/promises";
import { validationSummary } from "../../report";
import { loadSurvey } from "../../survey";
import { type Command, defineCommand, ExitCode } from "../command";
import { documentDate } from "../documentDate";
import { INTERVAL_OPTIONS, intervalOptions } from "../intervalOptions";
import { surveyReport } from "../reportSections";

const usage = `Usage: svyprop slides FILE --codebook CODEBOOK --out DECK.pptx [--question ID …]
                      [--locale en-US|fr-FR] [--decimals D] [--method M] [--level L]

Writes a 16:9 PowerPoint deck: a title slide, then one slide per question group with its
chart, the caption (base, interval, method, source) under it, and the table of estimates in
the speaker notes. The file is dated now, or by SOURCE_DATE_EPOCH when set.`;

export const slidesCommand: Command = defineCommand({
  name: "slides",
  summary: "Write a slide deck (.pptx), one chart per slide, of a survey file",
  usage,
  options: {
    codebook: { type: "string" },
    out: { type: "string" },
    question: { type: "string", multiple: true },
    locale: { type: "string", default: "en-US" },
    decimals: { type: "string", default: "0" },
    ...INTERVAL_OPTIONS,
  },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    if (file === undefined || values.codebook === undefined || values.out === undefined) {
      io.stderr(`svyprop slides: FILE, --codebook and --out are required\n\n${usage}\n`);
      return ExitCode.usage;
    }
    if (!values.out.endsWith(".pptx")) {
      io.stderr(`svyprop slides: --out must end in .pptx (got "${values.out}")\n`);
      return ExitCode.usage;
    }
    if (values.locale !== "en-US" && values.locale !== "fr-FR") {
      io.stderr(`svyprop slides: --locale must be en-US or fr-FR (got "${values.locale}")\n`);
      return ExitCode.usage;
    }
    const format = { locale: values.locale, decimals: Number(values.decimals) } as const;
    const survey = await loadSurvey(file, { codebook: values.codebook });
    const { report } = surveyReport(survey, {
      file,
      ...(values.question === undefined ? {} : { questions: values.question }),
      ...format,
      interval: intervalOptions(values),
    });
    const { toPptx } = await import("../../office");
    await writeFile(values.out, await toPptx(report, { ...format, created: documentDate() }));
    io.stdout(`Slides written to ${values.out} (${report.sections.length + 1} slides)\n`);
    io.stderr(validationSummary(survey.report));
    return ExitCode.ok;
  },
});
