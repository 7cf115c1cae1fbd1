// The last step of the README's "Your own survey in five minutes", in code: the staff survey
// read with the codebook written for it, one question in French, and its chart.
// Run from this folder: npx tsx analyse.ts
import { writeFile } from "node:fs/promises";
import { barChart, estimate, loadSurvey, localizeLabels, toMarkdown } from "svyprop";
import { renderSvg } from "svyprop/render";

const survey = await loadSurvey("staff-survey.csv", { codebook: "codebook.json" });
const rows = estimate(survey, "patient_request"); // asked of Facebook users only (the codebook's filter)
console.log(toMarkdown(rows));
const french = localizeLabels(rows, survey.codebook, "fr-FR");
await writeFile("patient-request.svg", await renderSvg(barChart(french, { locale: "fr-FR", title: "Si un patient envoyait une demande d'ami" })));
