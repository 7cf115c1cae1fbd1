/**
 * Reproduces the figures of Moubarak et al. (J Med Ethics 2011;37:101–104) through the library
 * API — the same work as `npx svyprop reproduce moubarak-2009 --out out/`.
 *
 * Run: npx tsx examples/reproduce-moubarak.ts [outDir]
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { barChart, chartGroups, loadDataset, reproduce, reproductionMarkdown } from "svyprop";
import { renderSvg } from "svyprop/render";

const outDir = process.argv[2] ?? "out/example";
const { survey, published } = await loadDataset("moubarak-2009");

// Every categorical question, with 95 % Clopper–Pearson intervals corrected for the 405-person frame.
const { estimates, comparisons, allReproduced } = reproduce(survey, published, { method: "clopper-pearson" });
console.log(reproductionMarkdown(comparisons, { locale: "en-US" }));

await mkdir(outDir, { recursive: true });
for (const group of chartGroups(estimates, survey.codebook, "en-US")) {
  const spec = barChart(group.rows, { title: group.title, source: published.citation });
  await writeFile(join(outDir, `${group.name}.svg`), await renderSvg(spec));
}
console.log(allReproduced ? "All published figures reproduced." : "Some figures differ: see the table.");
process.exitCode = allReproduced ? 0 : 1;
