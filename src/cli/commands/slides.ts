import { validationSummary } from "../../report";
import { resolveCodebook } from "../../survey";
import { type Command, defineCommand, ExitCode } from "../command";
import { documentDate } from "../documentDate";
import { INTERVAL_OPTIONS } from "../intervalOptions";
import { outputFormat, writeOutputFile } from "../outputFile";
import { estimateReported, surveyReport } from "../reportSections";
import { localeOption, sharedOptions } from "../sharedOptions";

const usage = `Usage: svyprop slides FILE --codebook CODEBOOK --out DECK.pptx [--question ID …]
                      [--locale en-US|fr-FR] [--decimals D] [--method M] [--level L] [--quiet]
                      [--encoding utf-8|windows-1252|latin1]

Writes a 16:9 PowerPoint deck: a title slide, then one slide per question group with its
chart, the caption (base, interval, method, source) under it, and the table of estimates in
the speaker notes. The file is dated now, or by SOURCE_DATE_EPOCH when set.`;

export const slidesCommand: Command = defineCommand({
  name: "slides",
  summary: "Write a slide deck (.pptx), one chart per slide, of a survey file",
  usage,
  arguments: ["FILE"],
  options: {
    codebook: { type: "string" },
    question: { type: "string", multiple: true },
    decimals: { type: "string", default: "0" },
    stream: { type: "boolean" },
    ...sharedOptions("out", "locale", "quiet", "encoding"),
    ...INTERVAL_OPTIONS,
  },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    if (file === undefined || values.codebook === undefined || values.out === undefined) {
      io.stderr(`svyprop slides: FILE, --codebook and --out are required\n\n${usage}\n`);
      return ExitCode.usage;
    }
    outputFormat("slides", values.out, ["pptx"]);
    const format = { locale: localeOption(values.locale), decimals: Number(values.decimals) };
    const codebook = await resolveCodebook(values.codebook);
    const { estimates, report: validation } = await estimateReported(file, codebook, values, io);
    const report = surveyReport(estimates, codebook, validation, { file, ...format });
    const { toPptx } = await import("../../office");
    await writeOutputFile(values.out, await toPptx(report, { ...format, created: documentDate() }));
    if (!values.quiet) {
      io.stdout(`Slides written to ${values.out} (${report.sections.length + 1} slides)\n`);
      io.stderr(validationSummary(validation));
    }
    return ExitCode.ok;
  },
});
