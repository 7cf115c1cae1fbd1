// The README's ten-line example, as a user writes it in a project that installed svyprop.
// Run: npx tsx examples/quick-start.ts
import { writeFile } from "node:fs/promises";
import { barChart, estimate, loadDataset, toMarkdown } from "svyprop";
import { renderSvg } from "svyprop/render";

const { survey } = await loadDataset("moubarak-2009"); // shipped in the package; design: { populationSize: 405 }
const rows = estimate(survey, "real_name", { method: "clopper-pearson" }); // among Facebook users
console.log(toMarkdown(rows)); // 138 of 140 = 99 %, with its exact 95 % interval
await writeFile("real-name.svg", await renderSvg(barChart(rows, { title: "Real name on profile" })));
