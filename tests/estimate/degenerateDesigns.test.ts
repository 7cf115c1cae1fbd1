import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { estimate, loadSurvey, SURVEY_CI_METHODS, type Codebook } from "../../src";
import { repoRoot } from "../paths";

const moubarak = (design: Codebook["design"]): Codebook => ({
  ...(JSON.parse(readFileSync(join(repoRoot, "data", "moubarak-2009", "codebook.json"), "utf8")) as Codebook),
  design,
});
const responses = join(repoRoot, "data", "moubarak-2009", "responses.csv");

describe("a proportion without sampling error gets the point interval [p, p] in every method", () => {
  it("the share of a post-stratum is fixed by the calibration (its SE is rounding noise)", async () => {
    const survey = await loadSurvey(responses, {
      codebook: moubarak({ calibration: { method: "postStratify", margins: [{ column: "position", population: { resident: 250, fellow: 155 } }] } }),
    });
    for (const method of SURVEY_CI_METHODS) {
      const rows = estimate(survey, "position", { method });
      expect(rows.map((r) => r.category)).toEqual(["resident", "fellow"]);
      for (const row of rows) {
        expect(row.proportion).toBeCloseTo(row.category === "resident" ? 250 / 405 : 155 / 405, 12);
        expect([row.lower, row.upper], method).toEqual([row.proportion, row.proportion]);
      }
    }
  });

  it("a census (every unit of the population sampled) has [p, p] too", async () => {
    const survey = await loadSurvey(responses, { codebook: moubarak({ populationSize: 202 }) });
    for (const method of SURVEY_CI_METHODS.filter((m) => m !== "logit")) {
      const [yes] = estimate(survey, "facebook", { method });
      expect(yes!.proportion).toBeCloseTo(147 / 202, 12);
      expect([yes!.lower, yes!.upper], method).toEqual([yes!.proportion, yes!.proportion]);
    }
  });
});
