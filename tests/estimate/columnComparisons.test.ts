import { describe, expect, it } from "vitest";
import { crosstab, loadSurvey } from "../../src";
import { adjustPValues } from "../../src/stats/adjustPValues";
import { cases, expectPairsAsR, sources } from "../reference/column-comparisons/reference";

/**
 * crosstab's column-proportion comparisons against R 4.2.2 / survey 4.1-1
 * (tests/reference/column-comparisons/generate.R): prop.test(correct = FALSE) on a simple random
 * sample, svyttest on the two columns' subset of a design, p.adjust's Holm and Bonferroni.
 */

it("has the reference cases", () => expect(cases).toHaveLength(4 + 4 + 2 + 2 + 3 + 2 + 2 + 3));

describe.each(Object.keys(sources))("column comparisons on %s match R", (name) => {
  const { file, design, questions } = sources[name]!;
  it.each(cases.filter((c) => c.data === name).map((c) => [`${c.rows} = ${c.category} across ${c.cols}`, c] as const))("%s", async (_, c) => {
    const survey = await loadSurvey(file, { codebook: { missing: [""], design, questions } });
    for (const adjustment of ["holm", "bonferroni"] as const) {
      expectPairsAsR(crosstab(survey, c.rows, c.cols, { compareColumns: { adjustment } }).columnComparisons!, c, adjustment);
    }
  });
});

describe("column letters", () => {
  it("give each cell the letters of the columns it is significantly greater than", async () => {
    const { file, design, questions } = sources.c_strat_cluster!;
    const survey = await loadSurvey(file, { codebook: { missing: [""], design, questions } });
    const result = crosstab(survey, "cat", "group", { compareColumns: {} }).columnComparisons!;
    expect(result.columns).toEqual([{ code: "18-34", letter: "A" }, { code: "35-54", letter: "B" }, { code: "55+", letter: "C" }]);
    for (const cell of result.cells) {
      const expected = result.pairs
        .filter((p) => p.category === cell.category && p.adjustedPValue < 0.05 && ((p.a === cell.column && p.difference > 0) || (p.b === cell.column && p.difference < 0)))
        .map((p) => result.columns.find((c) => c.code === (p.a === cell.column ? p.b : p.a))!.letter)
        .sort()
        .join("");
      expect(cell.letters).toBe(expected);
    }
    // R: cat A differs between 18-34 and 35-54 after Holm (p = 0.0214), 18-34 the larger
    expect(result.cells.find((c) => c.category === "A" && c.column === "18-34")!.letters).toBe("B");
    expect(result.cells.filter((c) => c.letters !== "").length).toBeGreaterThan(0);
  });

  it("adjusts as R p.adjust", () => {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.2), "holm") = 0.04 0.09 0.09 0.20
    adjustPValues([0.01, 0.04, 0.03, 0.2], "holm").forEach((p, i) => expect(p).toBeCloseTo([0.04, 0.09, 0.09, 0.2][i]!, 15));
    expect(adjustPValues([0.01, 0.4], "bonferroni")).toEqual([0.02, 0.8]);
  });
});
