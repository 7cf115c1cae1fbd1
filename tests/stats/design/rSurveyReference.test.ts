import { describe, expect, it } from "vitest";
import { designLogitFit, designMean, designProportionCI, domainMeans } from "../../../src/stats/design";
import { SurveyError } from "../../../src/errors";
import { domainLikelihoodCases, naRmCases } from "../../reference/r-survey/reference";
import { expectClose } from "../oracle";
import { designOf, readOracleCsv, strings, variable } from "./oracleData";

/**
 * Missing values (svymean na.rm = TRUE) and svyby(…, svyciprop, method = "likelihood") against
 * R survey 4.1-1 (tests/reference/r-survey/reference.json, made by generate.R there).
 */
const input = (dataset: string) => {
  const rows = readOracleCsv(`data/weighted_${dataset}.csv`);
  return { rows, design: designOf(dataset, rows) };
};

describe("svymean(na.rm = TRUE): missing values leave the domain", () => {
  const naCases = naRmCases;
  it("has one case per dataset", () => expect(naCases).toHaveLength(3));
  for (const c of naCases) {
    it(`${c.dataset}: y1 missing on every ${c.missing_every}th row`, () => {
      const { rows, design } = input(c.dataset);
      const ids = rows.map((r) => Number(r.id));
      const y = variable(rows, "y1").map((v, i) => (ids[i]! % c.missing_every === 0 ? Number.NaN : v));
      const e = designMean({ ...design, y, naRm: true });
      expectClose(e.estimate, c.estimate[0]!, 1e-12, "estimate");
      expectClose(e.se, c.se[0], 1e-10, "se");
      expect(e.df).toBe(c.degf[0]);
      let thrown: unknown;
      try {
        designMean({ ...design, y });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(SurveyError);
      expect((thrown as SurveyError).row).toBe(ids.findIndex((id) => id % c.missing_every === 0) + 2);
      expect((thrown as SurveyError).message).toMatch(/naRm/);
    });
  }
});

describe("svyby(~y1, ~group, svyciprop, method = \"likelihood\"): the model frame is the domain", () => {
  const byCases = domainLikelihoodCases;
  it("has two levels per dataset", () => expect(byCases).toHaveLength(6));
  for (const c of byCases) {
    it(`${c.dataset} at ${c.level[0]}`, () => {
      const { rows, design } = input(c.dataset);
      const y = variable(rows, "y1");
      const by = strings(rows, c.by);
      const estimates = domainMeans({ ...design, y, by, groups: c.groups });
      estimates.forEach((e, g) => {
        const domain = by.map((v) => v === c.groups[g]);
        const ci = designProportionCI(e, { method: "likelihood", level: c.level[0], fit: designLogitFit({ ...design, y, domain }) });
        expectClose(ci.estimate, c.estimate[g]!, 1e-8, `${c.groups[g]} estimate`);
        expectClose(ci.lower, c.lower[g]!, 1e-6, `${c.groups[g]} lower`);
        expectClose(ci.upper, c.upper[g]!, 1e-6, `${c.groups[g]} upper`);
      });
    });
  }
});
