import { describe, expect, it } from "vitest";
import { chartGroups, chartTitleIn, checkChartKind } from "../../src/charts";
import { parseCodebook, type Codebook } from "../../src/codebook";
import { SurveyError } from "../../src/errors";
import type { Estimate } from "../../src/types";

const yesRow = (question: string): Estimate => ({
  question, questionLabel: question, category: "yes", categoryLabel: "Yes", count: 1, base: 2, proportion: 0.5, lower: 0.1, upper: 0.9, level: 0.95, method: "wilson",
});

function codebookWith(facebook: Record<string, unknown>, filterValue = "yes"): Codebook {
  return parseCodebook({
    questions: [
      {
        id: "facebook", column: "fb", type: "binary", label: "Has a Facebook profile", positive: ["Oui"], negative: ["Non"],
        translations: { "fr-FR": { label: "A un profil Facebook", categories: { yes: "Oui", no: "Non" } } },
        ...facebook,
      },
      { id: "photo", column: "photo", type: "binary", label: "Shows a photo", positive: ["1"], negative: ["0"], filter: { question: "facebook", equals: filterValue } },
      {
        id: "request", column: "req", type: "single", label: "Friend request", chartTitle: "If a patient sent a friend request",
        categories: [{ code: "decline", label: "Would decline", values: ["1"] }],
        translations: { "fr-FR": { chartTitle: "Si un patient envoyait une demande d’ami" } },
      },
    ],
  });
}

const titles = (codebook: Codebook, locale: "en-US" | "fr-FR") =>
  chartGroups([yesRow("photo"), { ...yesRow("request"), category: "decline" }], codebook, locale).map((g) => g.title);

describe("chart titles read as a person writes them", () => {
  it("names the respondents of a filter with the codebook's respondents words, in each language", () => {
    const codebook = codebookWith({
      respondents: { yes: "Facebook users" },
      translations: { "fr-FR": { label: "A un profil Facebook", respondents: { yes: "utilisateurs de Facebook" } } },
    });
    expect(titles(codebook, "en-US")).toEqual(["Among Facebook users", "If a patient sent a friend request"]);
    expect(titles(codebook, "fr-FR")).toEqual(["Parmi les utilisateurs de Facebook", "Si un patient envoyait une demande d’ami"]);
  });

  it("puts the filter in words without them, also for a filter written with the raw answer", () => {
    for (const value of ["yes", "Oui"]) {
      const codebook = codebookWith({}, value);
      expect(titles(codebook, "en-US")[0]).toBe("Among respondents who answered Yes to “Has a Facebook profile”");
      expect(titles(codebook, "fr-FR")[0]).toBe("Parmi les répondants ayant répondu Oui à «\u202fA un profil Facebook\u202f»");
    }
  });

  it("never mixes English words into a French title", () => {
    const codebook = codebookWith({ respondents: { yes: "Facebook users" } });
    expect(titles(codebook, "fr-FR")[0]).toMatch(/^Parmi les répondants ayant répondu Oui/);
    expect(chartTitleIn(codebook.questions[1]!, "fr-FR")).toBe("Shows a photo");
  });

  it("checks the new codebook fields: respondents keys are category codes, words and titles are strings", () => {
    const error = (facebook: Record<string, unknown>) => {
      try {
        codebookWith(facebook);
      } catch (e) {
        return e as SurveyError;
      }
      throw new Error("accepted");
    };
    expect(error({ respondents: { oui: "Facebook users" } })).toMatchObject({ code: "E_CODEBOOK", path: "questions[0].respondents.oui" });
    expect(error({ respondents: { yes: "" } }).path).toBe("questions[0].respondents.yes");
    expect(error({ chartTitle: 3 }).path).toBe("questions[0].chartTitle");
    expect(error({ translations: { "fr-FR": { respondents: { maybe: "x" } } } }).path).toBe("questions[0].translations.fr-FR.respondents.maybe");
  });
});

describe("checkChartKind", () => {
  const refusal = (kind: string, type: "binary" | "single" | "multi" | "likert" | "numeric", grouped = false) => {
    try {
      checkChartKind(kind, { id: "q", type }, grouped);
    } catch (e) {
      expect(e).toBeInstanceOf(SurveyError);
      expect((e as SurveyError).code).toBe("E_ARGUMENT");
      return (e as SurveyError).message;
    }
    return undefined;
  };

  it("refuses a kind that would misstate the question, naming the kinds that fit", () => {
    expect(refusal("multi", "single")).toMatch(/multi says in its caption that several answers were allowed; it does not fit question "q" \(single\): use bar or forest or stacked/);
    expect(refusal("likert", "binary")).toMatch(/neutral level.*use bar or forest or stacked/);
    expect(refusal("stacked", "multi")).toMatch(/add up to 100 %.*use bar or forest or multi/);
    expect(refusal("grouped", "single")).toMatch(/grouped compares subgroups: add --by QUESTION/);
    expect(refusal("bar", "numeric")).toMatch(/no categories/);
    expect(refusal("pie", "single")).toMatch(/must be one of bar, grouped/);
  });

  it("accepts the kinds that fit", () => {
    for (const [kind, type, grouped] of [["bar", "single", false], ["multi", "multi", false], ["likert", "likert", false], ["grouped", "binary", true], ["stacked", "likert", false], ["forest", "multi", false]] as const) {
      expect(refusal(kind, type, grouped)).toBeUndefined();
    }
  });
});

describe("chartGroups", () => {
  it("puts questions filtered on the same answer in one chart, whether the filter names its code or its raw value", () => {
    const codebook = parseCodebook({
      questions: [
        { id: "facebook", column: "fb", type: "binary", positive: ["Oui"], negative: ["Non"] },
        { id: "photo", column: "photo", type: "binary", positive: ["1"], negative: ["0"], filter: { question: "facebook", equals: "yes" } },
        { id: "name", column: "name", type: "binary", positive: ["1"], negative: ["0"], filter: { question: "facebook", equals: "Oui" } },
      ],
    });
    const groups = chartGroups([yesRow("photo"), yesRow("name")], codebook);
    expect(groups.map((g) => [g.name, g.rows.length])).toEqual([["among-facebook-yes", 2]]);
  });
});
