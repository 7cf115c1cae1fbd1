import { describe, expect, it } from "vitest";
import { barChart } from "../../src/charts";
import { parseCodebook } from "../../src/codebook";
import { estimate } from "../../src/estimate";
import { parseCsv } from "../../src/load";
import { formatEstimate, toCsv, toHtml, toMarkdown } from "../../src/report";
import { surveyFromTable } from "../../src/survey";

// Six respondents with unequal weights: the weighted share of "Oui" is (2 + 1 + 3) / (2 + 1 + 3 + 1 + 1 + 4).
const csv = ["avis,w", "Oui,2", "Oui,1", "Oui,3", "Non,1", "Non,1", "Non,4"].join("\n");
const codebook = parseCodebook({
  design: { weights: "w" },
  questions: [
    {
      id: "avis", column: "avis", type: "binary", label: "Agrees", positive: ["Oui"], negative: ["Non"],
      translations: { "fr-FR": { label: "Est d’accord", categories: { yes: "Oui", no: "Non" } } },
    },
  ],
});
const survey = surveyFromTable(parseCsv(csv), codebook);
const rows = estimate(survey, "avis");

describe("weighted outputs say they are weighted", () => {
  it("estimates the weighted share (checked by hand) over the unweighted base", () => {
    expect(rows[0]).toMatchObject({ category: "yes", count: 3, base: 6 });
    expect(rows[0]!.proportion).toBeCloseTo(6 / 12, 12);
  });

  it("titles the table columns weighted % and unweighted n / base, in both languages", () => {
    const [header] = toMarkdown(rows).split("\n");
    expect(header).toBe("| Question | Answer | unweighted n / base | weighted % | 95% CI |");
    expect(toMarkdown(rows, { locale: "fr-FR" }).split("\n")[0]).toBe("| Question | Réponse | n / base non pondérés | % pondéré | IC 95\u202f% |");
    const unweighted = rows.map(({ weightedBase: _, weightedCount: __, ...rest }) => rest);
    expect(toMarkdown(unweighted).split("\n")[0]).toBe("| Question | Answer | n / base | % | 95% CI |");
  });

  it("says so in the HTML report, the sentence form, the CSV and the chart caption", () => {
    const html = toHtml({ title: "T", sections: [{ rows }] });
    expect(html).toContain("Percentages and their intervals are weighted");
    expect(html).toContain("<th scope=\"col\" class=\"number\">weighted %</th>");
    expect(formatEstimate(rows[0]!)).toMatch(/^50% \(95% CI \d+–\d+, weighted\)$/);
    expect(formatEstimate(rows[0]!, { locale: "fr-FR" })).toMatch(/, pondéré\)$/);
    const [header, yes] = toCsv(rows).split("\r\n");
    expect(header).toMatch(/,weighting$/);
    expect(yes).toMatch(/,weighted$/);
    const caption = (barChart(rows) as unknown as { vconcat: [{ title: { text: string[] } }] }).vconcat[0].title.text.join(" ");
    expect(caption).toContain("Weighted percentages; n is the unweighted number of respondents.");
  });
});

describe("French", () => {
  it("labels estimate rows from the codebook's translations with the library's locale option", () => {
    const french = estimate(survey, "avis", { locale: "fr-FR" });
    expect(french.map((r) => [r.questionLabel, r.categoryLabel])).toEqual([["Est d’accord", "Oui"], ["Est d’accord", "Non"]]);
    expect(rows[0]!.questionLabel).toBe("Agrees");
  });

  it("writes a CSV a French Excel opens right: BOM, semicolons, decimal commas", () => {
    const text = toCsv(estimate(survey, "avis", { locale: "fr-FR" }), { locale: "fr-FR" });
    expect(text.startsWith("\uFEFFquestion;questionLabel;category;categoryLabel;count;base;weightedCount;weightedBase;proportion;")).toBe(true);
    const yes = text.split("\r\n")[1]!.split(";");
    expect(yes.slice(0, 8)).toEqual(["avis", "Est d’accord", "yes", "Oui", "3", "6", "6", "12"]);
    expect(yes[8]).toBe("0,5");
    expect(yes.every((cell) => !/^\d+\.\d+$/.test(cell))).toBe(true);
    expect(toCsv(rows).startsWith("\uFEFF")).toBe(false);
    expect(toCsv(rows, { bom: true }).startsWith("\uFEFFquestion,")).toBe(true);
  });
});
