import { describe, expect, it } from "vitest";
import { inferCodebook, loadSurvey } from "../../src/survey";
import { talliesOf } from "./talliesOf";

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);

describe("inferCodebook", () => {
  it("proposes binary, single, numeric and likert questions and the missing codes found", async () => {
    const codebook = await inferCodebook(fixture("semicolon-windows1252-crlf.csv"));
    expect(codebook.missing).toEqual(["", "NA", "Ne sait pas"]);
    const byId = Object.fromEntries(codebook.questions.map((q) => [q.id, q]));
    // fb holds Oui, oui, Non, NON: two answers once case is ignored.
    expect(byId.fb).toMatchObject({ type: "binary", positive: ["Oui"], negative: ["Non"], caseInsensitive: true });
    expect(byId.photo?.caseInsensitive).toBeUndefined();
    expect(byId.photo).toMatchObject({ type: "binary", positive: ["Oui"], negative: ["Non"] });
    expect(byId.service).toMatchObject({
      type: "single",
      categories: [
        { code: "Chirurgie", values: ["Chirurgie"] },
        { code: "Médecine", values: ["Médecine"] },
        { code: "Pédiatrie", values: ["Pédiatrie"] },
      ],
    });
    expect(byId.note).toMatchObject({ type: "numeric" }); // decimal commas are numbers
    expect(byId.trust).toMatchObject({ type: "likert", levels: ["1", "2", "3", "4", "5"] });
    expect(byId.id).toMatchObject({ type: "numeric" });
    expect(byId.comment).toBeUndefined(); // free text: one of its two answers spans two lines
  });

  it("leaves out free text with more distinct answers than maxCategories", async () => {
    const csv = "comment,ok\n" + Array.from({ length: 6 }, (_, i) => `avis numéro ${i},${i % 2}`).join("\n");
    const codebook = await inferCodebook(csv, { maxCategories: 5 });
    expect(codebook.questions.map((q) => q.id)).toEqual(["ok"]);
    expect(codebook.questions[0]).toMatchObject({ type: "binary", positive: ["1"], negative: ["0"] });
  });

  it("proposes a 1–7 scale, numeric for numbers off any scale, and single for three codes", async () => {
    const csv = "a,b,c\n1,0.5,1\n4,12,2\n7,3,3\n6,4,1\n";
    const codebook = await inferCodebook(csv);
    expect(codebook.questions[0]).toMatchObject({ type: "likert", levels: ["1", "2", "3", "4", "5", "6", "7"] });
    expect(codebook.questions[1]).toMatchObject({ type: "numeric" });
    expect(codebook.questions[2]).toMatchObject({ type: "single", categories: [{ code: "1" }, { code: "2" }, { code: "3" }] });
  });

  it("groups REDCap checkbox columns into a multi question and leaves out REDCap's own columns", async () => {
    const codebook = await inferCodebook(fixture("redcap.csv"));
    expect(codebook.respondentId).toBe("record_id");
    expect(codebook.questions.map((q) => q.id)).toEqual(["fb", "photo", "req", "nets"]);
    expect(codebook.questions[3]).toMatchObject({
      type: "multi",
      columns: { "1": "nets___1", "2": "nets___2", "3": "nets___3" },
    });
    const survey = await loadSurvey(fixture("redcap.csv"), { codebook });
    expect(talliesOf(survey).nets).toEqual({ "1": 4, "2": 3, "3": 2 });
  });

  it("groups LimeSurvey sub-question columns, from answer codes or full answers", async () => {
    for (const file of ["limesurvey-codes.csv", "limesurvey-full-answers.csv"]) {
      const codebook = await inferCodebook(fixture(file));
      expect(codebook.respondentId).toBe("id");
      const nets = codebook.questions.find((q) => q.id === "nets");
      expect(nets).toMatchObject({ type: "multi", columns: { SQ001: "nets[SQ001]", SQ002: "nets[SQ002]" } });
      const survey = await loadSurvey(fixture(file), { codebook });
      expect(talliesOf(survey).nets).toEqual({ SQ001: 4, SQ002: 3 });
    }
  });

  it("labels Qualtrics questions with their texts and leaves out the response metadata", async () => {
    const codebook = await inferCodebook(fixture("qualtrics.csv"));
    expect(codebook.respondentId).toBe("ResponseId");
    expect(codebook.questions.map((q) => q.id)).toEqual(["fb", "photo", "req", "service", "note", "trust"]);
    expect(codebook.questions[1]).toMatchObject({ label: "Votre photo y figure-t-elle ?", type: "binary" });
  });

  it("produces a codebook that loads its own file with every row accounted for", async () => {
    const file = fixture("quoted-crlf-blank-lines.csv");
    const survey = await loadSurvey(file, { codebook: await inferCodebook(file) });
    expect(survey.report.issues).toEqual([]);
    for (const account of Object.values(survey.report.questions)) {
      expect(account.used + account.missing).toBe(8);
    }
  });
});
