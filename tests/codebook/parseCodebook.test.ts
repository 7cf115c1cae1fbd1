import { describe, expect, it } from "vitest";
import { parseCodebook } from "../../src/codebook";
import { codebookErrorOf } from "./codebookErrorOf";

const base = () => ({
  missing: ["", "NA"],
  questions: [
    { id: "facebook", column: "fb", type: "binary", positive: ["yes"], negative: ["no"] },
    {
      id: "real_name", column: "rn", type: "binary", positive: ["yes"], negative: ["no"],
      filter: { question: "facebook", equals: "yes" },
    },
  ],
});


describe("parseCodebook", () => {
  it("accepts the DESIGN.md shape", () => {
    expect(parseCodebook(base()).questions.map((q) => q.id)).toEqual(["facebook", "real_name"]);
  });

  it("names the JSON path of a duplicate id", () => {
    const json = base();
    json.questions[1]!.id = "facebook";
    const error = codebookErrorOf(json);
    expect(error.code).toBe("E_CODEBOOK");
    expect(error.path).toBe("questions[1].id");
    expect(error.message).toContain('duplicate question id "facebook"');
  });

  it("rejects a filter naming an unknown question", () => {
    const json = base();
    json.questions[1]!.filter = { question: "twitter", equals: "yes" };
    expect(codebookErrorOf(json).path).toBe("questions[1].filter.question");
  });

  it("rejects cyclic filters", () => {
    const json = base() as { questions: Array<Record<string, unknown>> };
    json.questions[0]!.filter = { question: "real_name", equals: "yes" };
    expect(codebookErrorOf(json).message).toMatch(/cyclic filters: facebook → real_name → facebook/);
  });

  it("rejects a value that would mean two categories", () => {
    const json = {
      questions: [
        { id: "q", column: "q", type: "single", caseInsensitive: true, categories: [
          { code: "a", label: "A", values: ["Oui"] },
          { code: "b", label: "B", values: ["oui"] },
        ] },
      ],
    };
    const error = codebookErrorOf(json);
    expect(error.path).toBe("questions[0].categories[1].values");
    expect(error.message).toContain('value "oui" also belongs to questions[0].categories[0].values');
  });

  it("rejects unknown kinds and missing fields with their paths", () => {
    expect(codebookErrorOf({ questions: [{ id: "q", column: "q", type: "ranking" }] }).path).toBe("questions[0].type");
    expect(codebookErrorOf({ questions: [{ id: "q", type: "binary", positive: ["1"], negative: ["0"] }] }).path).toBe(
      "questions[0].column",
    );
    expect(codebookErrorOf({ questions: [] }).path).toBe("questions");
    const translated = base() as { questions: Array<Record<string, unknown>> };
    translated.questions[0]!.translations = { "fr-FR": { categories: { yes: 1 } } };
    expect(codebookErrorOf(translated).path).toBe("questions[0].translations.fr-FR.categories.yes");
    expect(codebookErrorOf({ design: { populationSize: -4 }, questions: base().questions }).path).toBe("design.populationSize");
  });
});

describe("parseCodebook: design fields", () => {
  const withDesign = (design: unknown) => ({ design, questions: base().questions });
  const rakeOn = (extra: Record<string, unknown> = {}) => ({
    method: "rake",
    margins: [
      { column: "sex", population: { F: 200, M: 205 } },
      { column: "position", population: { resident: 230, fellow: 175 } },
    ],
    ...extra,
  });

  it("accepts lonelyPsu, an fpc number and a raking calibration", () => {
    const design = parseCodebook(withDesign({ weights: "w", fpc: 405, lonelyPsu: "adjust", calibration: rakeOn({ epsilon: 1e-9, maxIterations: 50 }) })).design;
    expect(design?.calibration?.margins.map((m) => m.column)).toEqual(["sex", "position"]);
  });

  it.each([
    [{ fpc: -3 }, "design.fpc"],
    [{ fpc: true }, "design.fpc"],
    [{ lonelyPsu: "ignore" }, "design.lonelyPsu"],
    [{ calibration: { ...rakeOn(), method: "calibrate" } }, "design.calibration.method"],
    [{ calibration: { method: "rake", margins: [] } }, "design.calibration.margins"],
    [{ calibration: { method: "postStratify", margins: rakeOn().margins } }, "design.calibration.margins"],
    [{ calibration: { method: "rake", margins: [{ column: "", population: { a: 1 } }] } }, "design.calibration.margins[0].column"],
    [{ calibration: { method: "rake", margins: [{ column: "sex", population: { F: 200, M: 0 } }] } }, "design.calibration.margins[0].population.M"],
    [{ calibration: { method: "rake", margins: [{ column: "sex", population: { F: 200, M: 205 } }, { column: "age", population: { young: 400 } }] } }, "design.calibration.margins[1].population"],
    [{ calibration: rakeOn({ epsilon: 0 }) }, "design.calibration.epsilon"],
    [{ calibration: rakeOn({ maxIterations: 2.5 }) }, "design.calibration.maxIterations"],
  ])("names the JSON path of a bad design field %j", (design, path) => {
    const error = codebookErrorOf(withDesign(design));
    expect(error.code).toBe("E_CODEBOOK");
    expect(error.path).toBe(path);
  });
});
