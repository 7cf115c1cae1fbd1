import { describe, expect, it } from "vitest";
import { crosstab, crosstabFromTallies, loadDataset, loadSurvey, type Crosstab, type CrosstabOptions, type TalliedCrosstab } from "../../src";
import { designWeights } from "../../src/stats/design";
import type { CategoricalAnswers, Survey } from "../../src/survey";
import { addDesignRows, createDesignTally, tallyAnswers } from "../../src/tally";
import { cases as pairCases, expectPairsAsR, sources as pairSources } from "../reference/column-comparisons/reference";
import { expectClose, loadOracle, num } from "../stats/oracle";
import { expectSameFields } from "../expectSameFields";
import { surveyErrorOf } from "../surveyErrorOf";
import { WEIGHTED_DESIGNS, positiveMargins, surveyOfTable, svychisqSurvey, expectSvychisq } from "./crosstabSurveys";

/**
 * crosstabFromTallies, the crosstab a stream can give, equals crosstab on the rows field by field
 * (numbers to 1e-11) and R where references exist. Its tallies are built here in memory as the
 * shared contract lays them out: the row question's tally split by the column question
 * (`tallyAnswers(rows, cols)`), and on a design, for each column category g, the 0/1 columns
 * [answered both ∧ in g, row category 1 ∧ in g, …] of every record, added by `addDesignRows`.
 */
function talliesOf(survey: Survey, row: string, col: string): TalliedCrosstab {
  const rows = survey.answers.get(row) as CategoricalAnswers;
  const cols = survey.answers.get(col) as CategoricalAnswers;
  const tally = tallyAnswers(rows, cols);
  const design = survey.designColumns;
  if (!design) return { tally, rowsRead: survey.rowCount };
  const width = 1 + rows.categories.length;
  const n = survey.rowCount;
  const columns = Array.from({ length: cols.categories.length * width }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const [r, g] = [rows.codes[i] as number, cols.codes[i] as number];
    if (r < 0 || g < 0) continue;
    columns[g * width]![i] = 1;
    columns[g * width + 1 + r]![i] = 1;
  }
  const weights = designWeights(design, n);
  const designTally = addDesignRows(createDesignTally(columns.length, design.cluster !== undefined), {
    columns,
    ...(weights === undefined ? {} : { weights }),
    ...(design.strata === undefined ? {} : { strata: design.strata }),
    ...(design.cluster === undefined ? {} : { cluster: design.cluster }),
    ...(design.fpc === undefined ? {} : { fpc: design.fpc }),
  });
  return { tally, designTally, rowsRead: n };
}

function expectAgreement(survey: Survey, row: string, col: string, options: CrosstabOptions = {}): Crosstab {
  const expected = crosstab(survey, row, col, options);
  const actual = crosstabFromTallies(talliesOf(survey, row, col), survey.codebook, options);
  expectSameFields(actual, expected, "crosstab");
  return actual;
}

describe("crosstabFromTallies on a simple random sample equals crosstab and the oracle", () => {
  const tables = loadOracle("tables.json").filter((c) => (c.method === "chi2_contingency" || c.method === "fisher_rxc") && positiveMargins(c.inputs.table as number[][]));
  it("covers the Pearson and Fisher cases", () => expect(tables.length).toBeGreaterThanOrEqual(10));
  for (const c of tables) {
    it(`${c.method} ${JSON.stringify(c.inputs.table)}`, () => {
      const fisher = c.method === "fisher_rxc";
      const options: CrosstabOptions = fisher ? { test: "fisher" } : { test: "pearson", correction: c.inputs.correction as boolean, compareColumns: {} };
      const { test } = expectAgreement(surveyOfTable(c.inputs.table as number[][]), "r", "c", options);
      expectClose(test.pValue, num(c.outputs.p_value), 1e-10, "p");
      if (!fisher) expectClose(test.statistic!, num(c.outputs.statistic), 1e-10, "statistic");
    });
  }

  it("drops the categories nobody chose, as crosstab", () => {
    const { test } = expectAgreement(surveyOfTable([[12, 0, 5], [7, 0, 9], [0, 0, 0]]), "r", "c", { compareColumns: { alpha: 0.3 } });
    expect([test.rowLevels, test.colLevels]).toEqual([["0", "1"], ["0", "2"]]);
  });

  it("keeps the finite-population correction, the interval options and the labels' language", async () => {
    const { survey } = await loadDataset("moubarak-2009");
    const withFpc = expectAgreement(survey, "facebook", "position", { locale: "fr-FR", level: 0.9, method: "clopper-pearson", compareColumns: { adjustment: "bonferroni" } });
    expect(withFpc.estimates[0]).toMatchObject({ groupLabel: "Interne", populationSize: expect.any(Number) });
    const without = expectAgreement(survey, "facebook", "position", { populationSize: null, test: "fisher" });
    expect(without.estimates[0]!.populationSize).toBeUndefined();
    expectAgreement(survey, "facebook", "position", { populationSize: 1000 });
  });

  it("refuses what the tallies cannot give, with the rows' errors where both refuse", async () => {
    const { survey } = await loadDataset("moubarak-2009");
    const tallied = talliesOf(survey, "facebook", "position");
    // svyciprop's own methods on a simple random sample need the rows (crosstab has them)
    expect(crosstab(survey, "facebook", "position", { method: "xlogit" }).estimates).toHaveLength(4);
    expect(surveyErrorOf(() => crosstabFromTallies(tallied, survey.codebook, { method: "xlogit" })).message).toContain("read whole");
    // a tally not split by the column question
    const whole = { ...tallied, tally: tallyAnswers(survey.answers.get("facebook")!) };
    expect(surveyErrorOf(() => crosstabFromTallies(whole, survey.codebook)).message).toContain("Tally.by");
    // a design-only test on a simple random sample, and too few chosen categories: the rows' messages
    for (const [tallies, source, options] of [
      [tallied, survey, { test: "F" }],
      [talliesOf(surveyOfTable([[3, 4], [0, 0]]), "r", "c"), surveyOfTable([[3, 4], [0, 0]]), {}],
    ] as const) {
      const memory = surveyErrorOf(() => crosstab(source, tallies.tally.question, tallies.tally.by!.question, options));
      expect(surveyErrorOf(() => crosstabFromTallies(tallies, source.codebook, options))).toMatchObject({ code: memory.code, message: memory.message });
    }
    const unknown = { ...tallied.tally, question: "nope" };
    expect(surveyErrorOf(() => crosstabFromTallies({ ...tallied, tally: unknown }, survey.codebook)).code).toBe("E_UNKNOWN_QUESTION");
  });
});

describe("crosstabFromTallies on a design equals crosstab and R svychisq (weighted.json)", () => {
  const cases = loadOracle("weighted.json").filter((c) => c.method === "svychisq/F" || c.method === "svychisq/Chisq");
  it("covers the Rao–Scott cases", () => expect(cases.length).toBeGreaterThanOrEqual(4));
  for (const c of cases) {
    it(c.id, () => {
      const [a, b] = c.inputs.variables as [string, string];
      const statistic = c.method.split("/")[1] as "F" | "Chisq";
      const { test } = expectAgreement(svychisqSurvey(c), a, b, { test: statistic, compareColumns: {} });
      expectSvychisq(test, c);
    });
  }

  it("agrees on weights from the fpc alone, single-PSU strata and the rows' errors", () => {
    const c = cases.find((k) => k.inputs.dataset === "c_strat_cluster")!;
    const [a, b] = c.inputs.variables as [string, string];
    expectAgreement(svychisqSurvey(c, { strata: "stratum", cluster: "psu" }), a, b, { compareColumns: {} });
    const stratified = cases.find((k) => k.inputs.dataset === "b_stratified_fpc")!;
    const [sa, sb] = stratified.inputs.variables as [string, string];
    expectAgreement(svychisqSurvey(stratified, { strata: "stratum", fpc: "fpc" }), sa, sb, { method: "beta", compareColumns: {} });
    // every PSU its own stratum: lonely PSUs, refused alike unless the design says otherwise
    const lonely = { ...WEIGHTED_DESIGNS.c_strat_cluster!, strata: "psu" };
    const survey = svychisqSurvey(c, lonely);
    const memory = surveyErrorOf(() => crosstab(survey, a, b));
    expect(memory.code).toBe("E_LONELY_PSU");
    const streamed = surveyErrorOf(() => crosstabFromTallies(talliesOf(survey, a, b), survey.codebook));
    expect([streamed.code, streamed.message]).toEqual([memory.code, memory.message]);
    for (const lonelyPsu of ["adjust", "average", "certainty"] as const) {
      expectAgreement(svychisqSurvey(c, { ...lonely, lonelyPsu }), a, b, { test: "Chisq", compareColumns: {} });
    }
  });
});

describe("crosstabFromTallies' column comparisons equal crosstab's and R's", () => {
  const streamable = ["c_strat_cluster", "c_unweighted", "apistrat", "apiclus1"];
  it("covers the reference's designs that stream", () => streamable.forEach((name) => expect(pairCases.filter((c) => c.data === name).length, name).toBeGreaterThanOrEqual(2)));
  describe.each(streamable)("%s", (name) => {
    const { file, design, questions } = pairSources[name]!;
    it.each(pairCases.filter((c) => c.data === name).map((c) => [`${c.rows} = ${c.category} across ${c.cols}`, c] as const))("%s", async (_, c) => {
      const survey = await loadSurvey(file, { codebook: { missing: [""], design, questions } });
      for (const adjustment of ["holm", "bonferroni"] as const) {
        expectPairsAsR(expectAgreement(survey, c.rows, c.cols, { compareColumns: { adjustment } }).columnComparisons!, c, adjustment);
      }
    });
  });
});
