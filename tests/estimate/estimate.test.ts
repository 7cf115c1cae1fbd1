import { describe, expect, it } from "vitest";
import { parseCodebook } from "../../src/codebook";
import { estimate, localizeLabels } from "../../src/estimate";
import { parseCsv } from "../../src/load";
import { proportionCI } from "../../src/stats";
import { surveyFromTable } from "../../src/survey";

const codebook = parseCodebook({
  design: { populationSize: 40 },
  questions: [
    { id: "position", column: "pos", type: "single", label: "Position", categories: [
      { code: "resident", label: "Resident", values: ["r"] },
      { code: "fellow", label: "Fellow", values: ["f"] },
    ] },
    { id: "facebook", column: "fb", type: "binary", label: "Has a Facebook profile", positive: ["yes"], negative: ["no"],
      translations: { "fr-FR": { label: "A un profil Facebook", categories: { yes: "Oui" } } } },
    { id: "photo", column: "photo", type: "binary", label: "Shows a photo", positive: ["yes"], negative: ["no"],
      filter: { question: "facebook", equals: "yes" } },
    { id: "age", column: "age", type: "numeric" },
  ],
});

// 20 respondents: 12 residents (8 on Facebook), 8 fellows (4 on Facebook); photos 9 of 11 answering users.
const rows = [
  ...Array.from({ length: 8 }, (_, i) => `r,yes,${i < 5 ? "yes" : i < 7 ? "no" : ""},30`),
  ...Array.from({ length: 4 }, () => "r,no,,31"),
  ...Array.from({ length: 4 }, (_, i) => `f,yes,${i === 0 ? "no" : "yes"},35`),
  ...Array.from({ length: 4 }, () => "f,no,,36"),
];
const survey = surveyFromTable(parseCsv(["pos,fb,photo,age", ...rows].join("\n")), codebook);

describe("estimate", () => {
  it("returns one row per category with count, base and the interval of proportionCI", () => {
    const result = estimate(survey, "facebook", { method: "clopper-pearson", populationSize: null });
    expect(result.map((r) => [r.category, r.categoryLabel, r.count, r.base])).toEqual([
      ["yes", "Yes", 12, 20],
      ["no", "No", 8, 20],
    ]);
    const expected = proportionCI(12, 20, { method: "clopper-pearson" });
    expect(result[0]).toMatchObject({
      question: "facebook",
      questionLabel: "Has a Facebook profile",
      proportion: 0.6,
      lower: expected.lower,
      upper: expected.upper,
      level: 0.95,
      method: "clopper-pearson",
    });
    expect(result[0]).not.toHaveProperty("populationSize");
  });

  it("uses the filter's base: respondents asked and answering", () => {
    const [yes] = estimate(survey, "photo");
    expect([yes?.count, yes?.base]).toEqual([8, 11]);
  });

  it("corrects for the finite population, with the domain's share of it for a subset", () => {
    const whole = estimate(survey, "facebook")[0]!;
    expect(whole.populationSize).toBe(40);
    expect(whole.lower).toBe(proportionCI(12, 20, { populationSize: 40 }).lower);
    const domain = estimate(survey, "photo")[0]!;
    expect(domain.populationSize).toBeCloseTo((40 * 11) / 20, 12);
    const uncorrected = estimate(survey, "photo", { populationSize: null })[0]!;
    expect(domain.upper - domain.lower).toBeLessThan(uncorrected.upper - uncorrected.lower);
  });

  it("splits by a grouping question", () => {
    const result = estimate(survey, "facebook", { by: "position", populationSize: null });
    expect(result.map((r) => [r.group, r.category, r.count, r.base])).toEqual([
      [{ position: "resident" }, "yes", 8, 12],
      [{ position: "resident" }, "no", 4, 12],
      [{ position: "fellow" }, "yes", 4, 8],
      [{ position: "fellow" }, "no", 4, 8],
    ]);
  });

  it("names unknown and unsuitable questions", () => {
    expect(() => estimate(survey, "twitter")).toThrowError(
      expect.objectContaining({ code: "E_UNKNOWN_QUESTION", message: expect.stringContaining("position, facebook, photo, age") }),
    );
    expect(() => estimate(survey, "age")).toThrowError(expect.objectContaining({ code: "E_ARGUMENT" }));
    expect(() => estimate(survey, "facebook", { by: "age" })).toThrowError(expect.objectContaining({ code: "E_ARGUMENT" }));
  });

  it("puts the codebook's translated labels on the rows, keeping the others", () => {
    const french = localizeLabels([...estimate(survey, "facebook"), ...estimate(survey, "photo")], codebook, "fr-FR");
    expect(french.map((r) => [r.questionLabel, r.categoryLabel])).toEqual([
      ["A un profil Facebook", "Oui"],
      ["A un profil Facebook", "No"],
      ["Shows a photo", "Yes"],
      ["Shows a photo", "No"],
    ]);
  });
});
