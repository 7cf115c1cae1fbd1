import { describe, expect, it } from "vitest";
import { inferCodebook, loadSurvey, proposeCodebook } from "../../src/survey";
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
    expect(byId.id).toBeUndefined(); // a different value on every row: the respondent id
    expect(codebook.respondentId).toBe("id");
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
      expect(account.used + account.missing + account.notAsked).toBe(8);
    }
  });

  it("makes one multi question of Qualtrics Q2_1 … Q2_4 columns holding 1 or blank, not four single ones", async () => {
    const csv = [
      "ResponseId,Q1,Q2_1,Q2_2,Q2_3,Q2_4",
      "Response ID,Profil ?,Réseaux - Selected Choice - Facebook,Réseaux - Selected Choice - X,Réseaux - Selected Choice - Y,Réseaux - Selected Choice - Autre",
      ["_recordId", "QID1", "QID2_1", "QID2_2", "QID2_3", "QID2_4"].map((id) => `"{""ImportId"":""${id}""}"`).join(","),
      "R_1,Oui,1,,1,", "R_2,Oui,1,1,,", "R_3,Oui,,,1,1", "R_4,Oui,1,,,",
    ].join("\n");
    const codebook = await inferCodebook(csv);
    expect(codebook.questions.map((q) => q.id)).toEqual(["Q1", "Q2"]);
    expect(codebook.questions[1]).toMatchObject({
      type: "multi", label: "Réseaux", columns: { "1": "Q2_1", "2": "Q2_2", "3": "Q2_3", "4": "Q2_4" },
      categories: [{ code: "1", label: "Facebook" }, { code: "2", label: "X" }, { code: "3", label: "Y" }, { code: "4", label: "Autre" }],
    });
  });

  it("groups spreadsheet option columns sharing a heading prefix: 0/1, 1/blank and X/blank", async () => {
    const csv = [
      "Réseaux - Facebook;Réseaux - Twitter;Réseaux - Instagram;Accès : Web;Accès : Mobile;Aide / Forum;Aide / FAQ",
      "1;0;1;X;;1;", "0;0;1;;X;;1", "1;1;0;X;X;1;1", "0;1;0;;;;",
    ].join("\n");
    const codebook = await inferCodebook(csv);
    expect(codebook.questions).toEqual([
      {
        id: "reseaux", type: "multi", label: "Réseaux",
        columns: { facebook: "Réseaux - Facebook", twitter: "Réseaux - Twitter", instagram: "Réseaux - Instagram" },
        categories: ["Facebook", "Twitter", "Instagram"].map((label) => ({ code: label.toLowerCase(), label, values: [] })),
      },
      {
        id: "acces", type: "multi", label: "Accès", columns: { web: "Accès : Web", mobile: "Accès : Mobile" },
        categories: [{ code: "web", label: "Web", values: [] }, { code: "mobile", label: "Mobile", values: [] }],
      },
      {
        id: "aide", type: "multi", label: "Aide", columns: { forum: "Aide / Forum", faq: "Aide / FAQ" },
        categories: [{ code: "forum", label: "Forum", values: [] }, { code: "faq", label: "FAQ", values: [] }],
      },
    ]);
    const survey = await loadSurvey(csv, { codebook });
    expect(talliesOf(survey)).toEqual({ reseaux: { facebook: 2, twitter: 2, instagram: 2 }, acces: { web: 2, mobile: 2 }, aide: { forum: 2, faq: 2 } });
    expect(survey.report.questions.acces).toMatchObject({ used: 3, missing: 1 }); // a row with every option blank did not answer
  });

  it("proposes two-valued answers that are not yes and no (F/M, H/F, 1/2) as single questions, yes/no pairs as binary", async () => {
    const csv = "sexe,genre,groupe,fumeur,vu\nF,H,1,oui,Y\nM,F,2,non,N\nF,F,2,oui,Y\n";
    const codebook = await inferCodebook(csv);
    const byId = Object.fromEntries(codebook.questions.map((q) => [q.id, q]));
    expect(byId.sexe).toMatchObject({ type: "single", categories: [{ code: "F", label: "Female", values: ["F"] }, { code: "M", label: "Male", values: ["M"] }] });
    expect(byId.genre).toMatchObject({ type: "single", categories: [{ code: "F", label: "Femme" }, { code: "H", label: "Homme" }] });
    expect(byId.groupe).toMatchObject({ type: "single", categories: [{ code: "1" }, { code: "2" }] });
    expect(byId.fumeur).toMatchObject({ type: "binary", positive: ["oui"], negative: ["non"] });
    expect(byId.vu).toEqual({ id: "vu", column: "vu", label: "vu", type: "binary", positive: ["Y"], negative: ["N"] });
  });

  it("proposes an id column as respondentId and a weight column as design.weights, not as numeric questions", async () => {
    const csv = "respondent_id;poids;age;fb\n101;1,25;34;Oui\n102;0,8;51;Non\n103;1;29;Oui\n104;0,95;44;Non\n";
    const codebook = await inferCodebook(csv);
    expect(codebook.respondentId).toBe("respondent_id");
    expect(codebook.design).toEqual({ weights: "poids" });
    expect(codebook.questions.map((q) => q.id)).toEqual(["age", "fb"]);
    const { notes } = await proposeCodebook(csv);
    expect(notes).toContainEqual({ columns: ["respondent_id"], decision: "respondentId", reason: "named like an identifier, a different value on each of the 4 rows" });
    expect(notes).toContainEqual({ columns: ["poids"], decision: "design.weights", reason: "named like a weight, a positive number on every row (0.8 to 1.25)" });
  });

  it("leaves out dates and times with a note, and proposes agreement scales as likert with ordered levels", async () => {
    const csv = [
      "submitted,avis,often",
      "2026-03-01 10:00:00,Plutôt d’accord,Never", "2026-03-02T11:30,Tout à fait d'accord,Often",
      "01/03/2026,Pas du tout d'accord,Sometimes", "02/03/2026 08:15,Plutôt d'accord,Never",
    ].join("\n");
    const { codebook, notes } = await proposeCodebook(csv);
    expect(notes).toContainEqual({ columns: ["submitted"], decision: "left out", reason: "every answer is a date or a time" });
    expect(codebook.questions).toEqual([
      // The data's spelling of each answer is kept, the curly apostrophe of the first included.
      { id: "avis", column: "avis", label: "avis", type: "likert", levels: ["Pas du tout d'accord", "Plutôt pas d'accord", "Plutôt d’accord", "Tout à fait d'accord"] },
      { id: "often", column: "often", label: "often", type: "likert", levels: ["Never", "Rarely", "Sometimes", "Often", "Always"] },
    ]);
  });

  it("proposes a filter for blanks that occur exactly for those who gave one answer to an earlier question", async () => {
    const rows = ["Oui,Oui,A", "Oui,Non,B", "Non,,A", "Oui,Oui,", "Non,,B", ",,A", "Non,,A", "Oui,Non,B"];
    const csv = ["fb,photo,group", ...rows].join("\n");
    const { codebook, notes } = await proposeCodebook(csv);
    expect(codebook.questions[1]).toMatchObject({ id: "photo", filter: { question: "fb", equals: "yes" } });
    expect(codebook.questions[2]?.filter).toBeUndefined(); // its one blank is item non-response, not skip logic
    expect(notes).toContainEqual({
      columns: ["photo"], decision: 'filter fb = "yes"',
      reason: 'blank for all 3 respondents who answered "Non" to "fb" and the 1 who did not answer it, and only for them',
    });
    const survey = await loadSurvey(csv, { codebook });
    expect(survey.report.questions.photo).toMatchObject({ used: 4, notAsked: 4, missing: 0 });
  });

  it("proposes no filter when some who gave that answer answered anyway", async () => {
    const csv = ["fb,photo", "Oui,Oui", "Non,", "Non,", "Non,Non", "Oui,", "Oui,Non"].join("\n");
    const codebook = await inferCodebook(csv);
    expect(codebook.questions[1]?.filter).toBeUndefined();
  });

  it("proposes a column listing the chosen options (Qualtrics choice text) as one multi question", async () => {
    const csv = [
      "reseaux;note;avis",
      '"Facebook,Twitter";12,5;Bien, mais trop long pour moi, vraiment, il faudrait le raccourcir de moitié',
      "Facebook;14;", '"Instagram,Facebook";9,5;', "Twitter;11;", '"Facebook,Instagram,Twitter";10;',
    ].join("\n");
    const codebook = await inferCodebook(csv);
    expect(codebook.questions).toEqual([
      {
        id: "reseaux", type: "multi", column: "reseaux", label: "reseaux", separator: ",",
        categories: ["Facebook", "Instagram", "Twitter"].map((option) => ({ code: option, label: option, values: [option] })),
      },
      { id: "note", column: "note", label: "note", type: "numeric" },
    ]);
    const survey = await loadSurvey(csv, { codebook });
    expect(talliesOf(survey).reseaux).toEqual({ Facebook: 4, Instagram: 2, Twitter: 3 });
  });

  it("proposes a filter despite a little item non-response among those asked, and none when the others often left it blank", async () => {
    const asked = (n: number, blanks: number) => Array.from({ length: n }, (_, i) => `Oui,${i < blanks ? "" : i % 2 ? "Oui" : "Non"}`);
    const skipped = Array.from({ length: 6 }, () => "Non,");
    const withFew = await proposeCodebook(["fb,photo", ...asked(20, 2), ...skipped].join("\n"));
    expect(withFew.codebook.questions[1]?.filter).toEqual({ question: "fb", equals: "yes" });
    expect(withFew.notes).toContainEqual({
      columns: ["photo"], decision: 'filter fb = "yes"',
      reason: 'blank for all 6 respondents who answered "Non" to "fb"; 2 of the 20 others left it blank too (no answer)',
    });
    const withMany = await inferCodebook(["fb,photo", ...asked(20, 5), ...skipped].join("\n"));
    expect(withMany.questions[1]?.filter).toBeUndefined();
  });
});
