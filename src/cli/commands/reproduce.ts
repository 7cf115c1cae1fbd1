import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { barChart, chartGroups, type ChartLocale } from "../../charts";
import { localizeLabels, reproduce } from "../../estimate";
import { reproductionMarkdown } from "../../report";
import { renderSvg } from "../../render";
import { loadDataset } from "../../survey";
import type { CIMethod } from "../../types";
import { type Command, defineCommand, ExitCode } from "../command";

const usage = `Usage: svyprop reproduce DATASET --out DIR [--locale en-US|fr-FR] [--method M] [--level L]

Reproduces the published figures of a dataset shipped with svyprop (e.g. moubarak-2009):
prints one line per published figure (count/base, our percentage and interval, the printed
percentage, whether they agree) and writes to DIR: estimates.json, table.md, and a Vega-Lite
spec (*.vl.json) and SVG (*.svg) per chart. Exits 0 only when every figure is reproduced.`;

export const reproduceCommand: Command = defineCommand({
  name: "reproduce",
  summary: "Reproduce a shipped paper's figures (tables, charts, verdicts)",
  usage,
  options: {
    out: { type: "string" },
    locale: { type: "string", default: "en-US" },
    method: { type: "string", default: "wilson" },
    level: { type: "string", default: "0.95" },
  },
  async run({ values, positionals }, io) {
    const [name] = positionals;
    if (name === undefined || values.out === undefined) {
      io.stderr(`svyprop reproduce: DATASET and --out are required\n\n${usage}\n`);
      return ExitCode.usage;
    }
    if (values.locale !== "en-US" && values.locale !== "fr-FR") {
      io.stderr(`svyprop reproduce: --locale must be en-US or fr-FR (got "${values.locale}")\n`);
      return ExitCode.usage;
    }
    const locale: ChartLocale = values.locale;
    const dataset = await loadDataset(name);
    const result = reproduce(dataset.survey, dataset.published, {
      method: values.method as CIMethod,
      level: Number(values.level),
    });
    const table = reproductionMarkdown(result.comparisons, { locale });
    const labelled = localizeLabels(result.estimates, dataset.survey.codebook, locale);
    const out = values.out;
    await mkdir(out, { recursive: true });
    await writeFile(
      join(out, "estimates.json"),
      `${JSON.stringify({ dataset: name, citation: dataset.published.citation, estimates: labelled, report: dataset.survey.report }, null, 2)}\n`,
    );
    await writeFile(join(out, "table.md"), table);
    const source = dataset.survey.codebook.source?.citation;
    for (const group of chartGroups(labelled, dataset.survey.codebook, locale)) {
      const spec = barChart(group.rows, { title: group.title, locale, ...(source ? { source } : {}) });
      await writeFile(join(out, `${group.name}.vl.json`), `${JSON.stringify(spec, null, 2)}\n`);
      await writeFile(join(out, `${group.name}.svg`), await renderSvg(spec));
    }
    io.stdout(table);
    const failed = result.comparisons.filter((c) => c.verdict === "differs").length;
    io.stdout(
      failed === 0
        ? `\nEvery published figure reproduced. Files written to ${out}\n`
        : `\n${failed} published figure(s) NOT reproduced. Files written to ${out}\n`,
    );
    return failed === 0 ? ExitCode.ok : ExitCode.failedCheck;
  },
});
