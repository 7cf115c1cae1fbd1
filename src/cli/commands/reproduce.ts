import { barChart, chartGroups } from "../../charts";
import { localizeLabels, reproduce } from "../../estimate";
import { reproductionMarkdown } from "../../report";
import { renderSvg } from "../../render";
import { loadDataset } from "../../survey";
import type { CIMethod } from "../../types";
import { type Command, defineCommand, ExitCode } from "../command";
import { intervalOptions } from "../intervalOptions";
import { openOutputFolder } from "../outputFile";
import { localeOption, sharedOptions } from "../sharedOptions";
import { missingArguments } from "../usageError";

const usage = `Usage: svyprop reproduce DATASET --out DIR [--locale en-US|fr-FR] [--method M] [--level L] [--quiet]

Reproduces the published figures of a dataset shipped with svyprop (e.g. moubarak-2009):
prints one line per published figure (count/base, our percentage and interval, the printed
percentage, whether they agree) and writes to DIR: estimates.json, table.md, and a Vega-Lite
spec (*.vl.json) and SVG (*.svg) per chart. Exits 0 only when every figure is reproduced.
--quiet prints the verdict line only.`;

export const reproduceCommand: Command = defineCommand({
  name: "reproduce",
  summary: "Reproduce a shipped paper's figures (tables, charts, verdicts)",
  usage,
  arguments: ["DATASET"],
  options: sharedOptions("out", "locale", "method", "level", "quiet"),
  async run({ values, positionals }, io) {
    const [name] = positionals;
    if (name === undefined || values.out === undefined) {
      throw missingArguments({ DATASET: name, "--out": values.out });
    }
    const locale = localeOption(values.locale);
    const { level = 0.95 } = intervalOptions(values);
    const dataset = await loadDataset(name);
    const result = reproduce(dataset.survey, dataset.published, { method: (values.method ?? "wilson") as CIMethod, level });
    const table = reproductionMarkdown(result.comparisons, { locale });
    const labelled = localizeLabels(result.estimates, dataset.survey.codebook, locale);
    const out = values.out;
    const folder = await openOutputFolder(out);
    await folder.write(
      "estimates.json",
      `${JSON.stringify({ dataset: name, citation: dataset.published.citation, estimates: labelled, report: dataset.survey.report }, null, 2)}\n`,
    );
    await folder.write("table.md", table);
    const source = dataset.survey.codebook.source?.citation;
    for (const group of chartGroups(labelled, dataset.survey.codebook, locale)) {
      const spec = barChart(group.rows, { title: group.title, locale, ...(source ? { source } : {}) });
      await folder.write(`${group.name}.vl.json`, `${JSON.stringify(spec, null, 2)}\n`);
      await folder.write(`${group.name}.svg`, await renderSvg(spec));
    }
    if (!values.quiet) io.stdout(table);
    const failed = result.comparisons.filter((c) => c.verdict === "differs").length;
    io.stdout(
      failed === 0
        ? `\nEvery published figure reproduced. Files written to ${out}\n`
        : `\n${failed} published figure(s) NOT reproduced. Files written to ${out}\n`,
    );
    return failed === 0 ? ExitCode.ok : ExitCode.failedCheck;
  },
});
