import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { Codebook } from "../../src/codebook";
import { estimate } from "../../src/estimate";
import { loadSurvey, proposeCodebook, type Survey } from "../../src/survey";

/**
 * The realistic exports of tests/fixtures/exports/ (see makeExports.ts there) go through the
 * proposal, are loaded with the codebook it proposes unchanged, and every estimate's count and
 * base equal counts made here from the file's cells, without svyprop.
 */
const path = (name: string) => new URL(`../fixtures/exports/${name}`, import.meta.url);

/** The file's answer rows as objects, read with papaparse alone (Windows-1252 bytes as Latin-1: the counted cells are ASCII). */
function rowsOf(name: string, { delimiter = ",", latin1 = false, headerRows = 1 } = {}): Array<Record<string, string>> {
  const text = readFileSync(path(name)).toString(latin1 ? "latin1" : "utf8");
  const [header, ...rows] = Papa.parse<string[]>(text.trimEnd(), { delimiter }).data as [string[], ...string[][]];
  return rows.slice(headerRows - 1).map((row) => Object.fromEntries(header.map((column, i) => [column, row[i] ?? ""])));
}

const count = (rows: Array<Record<string, string>>, test: (row: Record<string, string>) => boolean) => rows.filter(test).length;

/** category code → [count, base], as `estimate` reports them. */
function countsOf(survey: Survey, question: string): Record<string, [number, number]> {
  return Object.fromEntries(estimate(survey, question).map((row) => [row.category, [row.count, row.base]]));
}

async function proposedAndLoaded(name: string, options: { dictionary?: URL } = {}): Promise<{ codebook: Codebook; survey: Survey }> {
  const { codebook } = await proposeCodebook(path(name), options);
  const survey = await loadSurvey(path(name), { codebook });
  expect(survey.report.issues).toEqual([]);
  return { codebook, survey };
}

describe("svyprop codebook on a Qualtrics export (three header rows, Q2_k shown only to Facebook users)", () => {
  const rows = rowsOf("qualtrics.csv", { headerRows: 3 });

  it("proposes one multi question for Q2_1 … Q2_4 with the labels of the second header row, filtered on Q1", async () => {
    const { codebook } = await proposedAndLoaded("qualtrics.csv");
    expect(codebook.respondentId).toBe("ResponseId");
    expect(codebook.questions.map((q) => [q.id, q.type])).toEqual([["Q1", "binary"], ["Q2", "multi"], ["Q3", "likert"], ["Q4", "single"]]);
    expect(codebook.questions[1]).toEqual({
      id: "Q2", type: "multi", label: "Quels réseaux utilisez-vous ?",
      columns: { "1": "Q2_1", "2": "Q2_2", "3": "Q2_3", "4": "Q2_4" },
      categories: ["Facebook", "Twitter", "Instagram", "Autre"].map((label, k) => ({ code: String(k + 1), label, values: [] })),
      filter: { question: "Q1", equals: "yes" },
    });
    expect(codebook.questions[2]).toMatchObject({
      levels: ["Strongly disagree", "Somewhat disagree", "Neither agree nor disagree", "Somewhat agree", "Strongly agree"],
    });
    expect(codebook.questions[3]).toMatchObject({ categories: [{ code: "Femme" }, { code: "Homme" }] });
  });

  it("gives estimates equal to the counts of the file's cells", async () => {
    const { survey } = await proposedAndLoaded("qualtrics.csv");
    const shown = rows.filter((row) => row.Q1 === "Oui");
    expect(shown.length).toBeLessThan(rows.length);
    const shownAnswered = count(shown, (row) => [1, 2, 3, 4].some((k) => row[`Q2_${k}`] !== ""));
    expect(countsOf(survey, "Q2")).toEqual(
      Object.fromEntries([1, 2, 3, 4].map((k) => [String(k), [count(rows, (row) => row[`Q2_${k}`] === "1"), shownAnswered]])),
    );
    // Without the filter every option would be 100 % of those who ticked it; with it the base is the Facebook users.
    expect(shownAnswered).toBe(shown.length);
    expect(countsOf(survey, "Q1")).toEqual({ yes: [shown.length, rows.length], no: [rows.length - shown.length, rows.length] });
    const q3Base = count(rows, (row) => row.Q3 !== "");
    expect(countsOf(survey, "Q3")["Somewhat agree"]).toEqual([count(rows, (row) => row.Q3 === "Somewhat agree"), q3Base]);
    expect(countsOf(survey, "Q4").Homme).toEqual([count(rows, (row) => row.Q4 === "Homme"), rows.length]);
  });
});

describe("svyprop codebook on a REDCap raw export", () => {
  const rows = rowsOf("redcap.csv");
  const dictionary = path("redcap-dictionary.csv");

  it("groups the ___k checkboxes; with --dictionary takes labels, choices, scale and branching logic from it", async () => {
    const { codebook: plain, notes } = await proposeCodebook(path("redcap.csv"));
    expect(notes.find((note) => note.decision === 'multi "reseaux"')?.reason).toContain("give the data dictionary (--dictionary) for their filter");
    expect(plain.questions.map((q) => [q.id, q.type])).toEqual([["age", "numeric"], ["sexe", "single"], ["fb", "binary"], ["reseaux", "multi"], ["accord", "likert"]]);
    const { codebook } = await proposedAndLoaded("redcap.csv", { dictionary });
    expect(codebook.respondentId).toBe("record_id");
    const byId = Object.fromEntries(codebook.questions.map((q) => [q.id, q]));
    expect(byId.sexe).toMatchObject({ label: "Sexe", type: "single", categories: [{ code: "1", label: "Femme", values: ["1"] }, { code: "2", label: "Homme", values: ["2"] }] });
    expect(byId.fb).toMatchObject({ label: "Avez-vous un profil Facebook ?", type: "binary", positive: ["1"], negative: ["0"] });
    expect(byId.reseaux).toMatchObject({
      label: "Quels réseaux utilisez-vous ?",
      categories: [{ label: "Facebook" }, { label: "Twitter" }, { label: "Instagram" }, { label: "LinkedIn" }],
      filter: { question: "fb", equals: "yes" },
    });
    expect(byId.accord).toMatchObject({ type: "likert", levels: ["1", "2", "3", "4", "5"], levelLabels: ["Pas du tout d'accord", "Plutôt pas d'accord", "Ni d'accord ni pas d'accord", "Plutôt d'accord", "Tout à fait d'accord"] });
    expect(byId.commentaire).toBeUndefined();
  });

  it("counts the checkboxes among those the branching logic showed them to, though REDCap wrote 0 for the others", async () => {
    const { survey } = await proposedAndLoaded("redcap.csv", { dictionary });
    const shown = rows.filter((row) => row.fb === "1");
    expect(count(rows, (row) => row.fb !== "1")).toBeGreaterThan(0);
    expect(countsOf(survey, "reseaux")).toEqual(
      Object.fromEntries([1, 2, 3, 4].map((k) => [String(k), [count(shown, (row) => row[`reseaux___${k}`] === "1"), shown.length]])),
    );
    expect(survey.report.questions.reseaux?.notAsked).toBe(rows.length - shown.length);
    const answered = count(rows, (row) => row.fb !== "");
    expect(countsOf(survey, "fb")).toEqual({ yes: [shown.length, answered], no: [answered - shown.length, answered] });
    expect(countsOf(survey, "accord")["4"]).toEqual([count(rows, (row) => row.accord === "4"), count(rows, (row) => row.accord !== "")]);
  });
});

describe("svyprop codebook on a LimeSurvey export with answer codes", () => {
  const rows = rowsOf("limesurvey.csv");

  it("groups Q[SQ00k] into one multi question filtered on the question that opened it", async () => {
    const { codebook, survey } = await proposedAndLoaded("limesurvey.csv");
    expect(codebook.respondentId).toBe("id");
    expect(codebook.questions.map((q) => [q.id, q.type])).toEqual([["G01Q01", "binary"], ["G01Q02", "multi"], ["G01Q03", "single"], ["G01Q04_SQ001", "likert"]]);
    expect(codebook.questions[1]).toMatchObject({ filter: { question: "G01Q01", equals: "yes" }, columns: { SQ001: "G01Q02[SQ001]" } });
    const shown = rows.filter((row) => row.G01Q01 === "Y");
    expect(countsOf(survey, "G01Q02")).toEqual(
      Object.fromEntries(["SQ001", "SQ002", "SQ003"].map((sq) => [sq, [count(rows, (row) => row[`G01Q02[${sq}]`] === "Y"), shown.length]])),
    );
    expect(countsOf(survey, "G01Q03").F).toEqual([count(rows, (row) => row.G01Q03 === "F"), rows.length]);
  });
});

describe("svyprop codebook on a French Excel file (Windows-1252, ;)", () => {
  const rows = rowsOf("excel-fr.csv", { delimiter: ";", latin1: true });
  const weight = (row: Record<string, string>) => Number((row.Poids as string).replace(",", "."));
  /** A heading found by its start (the rest holds ’, byte 0x92, which Latin-1 does not read). */
  const column = (start: string) => Object.keys(rows[0] as object).find((key) => key.startsWith(start)) as string;

  it("proposes the codebook a researcher would write", async () => {
    const { codebook } = await proposedAndLoaded("excel-fr.csv");
    expect(codebook).toEqual({
      missing: ["", "Ne sait pas"],
      respondentId: "N° répondant",
      design: { weights: "Poids" },
      questions: [
        { id: "sexe", column: "Sexe", label: "Sexe", type: "single", categories: [{ code: "F", label: "Femme", values: ["F"] }, { code: "H", label: "Homme", values: ["H"] }] },
        { id: "age", column: "Âge", label: "Âge", type: "numeric" },
        { id: "profil_facebook", column: "Profil Facebook", label: "Profil Facebook", type: "binary", positive: ["Oui"], negative: ["Non"], positiveLabel: "Oui", negativeLabel: "Non" },
        {
          id: "photo_visible", column: "Photo visible", label: "Photo visible", type: "binary", positive: ["Oui"], negative: ["Non"],
          positiveLabel: "Oui", negativeLabel: "Non", filter: { question: "profil_facebook", equals: "yes" },
        },
        {
          id: "reseaux", type: "multi", label: "Réseaux",
          columns: { facebook: "Réseaux - Facebook", twitter: "Réseaux - Twitter", instagram: "Réseaux - Instagram", linkedin: "Réseaux - LinkedIn" },
          categories: ["Facebook", "Twitter", "Instagram", "LinkedIn"].map((label) => ({ code: label.toLowerCase(), label, values: [] })),
        },
        {
          id: "contact_patient", type: "multi", label: "Contact patient",
          columns: { messagerie: "Contact patient - Messagerie", telephone: "Contact patient - Téléphone", courriel: "Contact patient - Courriel" },
          categories: [
            { code: "messagerie", label: "Messagerie", values: [] },
            { code: "telephone", label: "Téléphone", values: [] },
            { code: "courriel", label: "Courriel", values: [] },
          ],
        },
        { id: "groupe", column: "Groupe", label: "Groupe", type: "single", categories: [{ code: "1", label: "1", values: ["1"] }, { code: "2", label: "2", values: ["2"] }] },
        {
          id: "les_reseaux_sociaux_ont", column: "« Les réseaux sociaux ont leur place à l’hôpital »", label: "« Les réseaux sociaux ont leur place à l’hôpital »",
          type: "likert", levels: ["Pas du tout d'accord", "Plutôt pas d'accord", "Plutôt d'accord", "Tout à fait d'accord"],
        },
      ],
    });
  });

  it("notes the no-answer code it found, where it found it", async () => {
    const { notes } = await proposeCodebook(path("excel-fr.csv"));
    expect(notes).toContainEqual({
      columns: ["« Les réseaux sociaux ont leur place à l’hôpital »"], decision: 'missing "Ne sait pas"',
      reason: "a no-answer code: left out of the base, counted as no answer",
    });
  });

  it("gives weighted estimates whose counts and weighted counts equal sums over the file's cells", async () => {
    const { survey } = await proposedAndLoaded("excel-fr.csv");
    const totalWeight = rows.reduce((sum, row) => sum + weight(row), 0);
    const twitter = estimate(survey, "reseaux").find((row) => row.category === "twitter");
    expect([twitter?.count, twitter?.base]).toEqual([count(rows, (row) => row["Réseaux - Twitter"] === "1"), rows.length]);
    expect(twitter?.weightedCount).toBeCloseTo(rows.filter((row) => row["Réseaux - Twitter"] === "1").reduce((s, row) => s + weight(row), 0), 9);
    expect(twitter?.weightedBase).toBeCloseTo(totalWeight, 9);
    const facebookUsers = rows.filter((row) => row["Profil Facebook"] === "Oui");
    expect(countsOf(survey, "photo_visible").yes).toEqual([count(facebookUsers, (row) => row["Photo visible"] === "Oui"), facebookUsers.length]);
    expect(countsOf(survey, "sexe").H).toEqual([count(rows, (row) => row.Sexe === "H"), rows.length]);
    const contacted = rows.filter((row) => ["Messagerie", "Téléphone", "Courriel"].some((option) => row[`Contact patient - ${option}`] === "X"));
    expect(countsOf(survey, "contact_patient").telephone).toEqual([count(rows, (row) => row["Contact patient - Téléphone"] === "X"), contacted.length]);
    const opinion = column("« Les r");
    const opinionBase = count(rows, (row) => row[opinion] !== "" && row[opinion] !== "Ne sait pas");
    expect(countsOf(survey, "les_reseaux_sociaux_ont")["Plutôt d'accord"]).toEqual([count(rows, (row) => row[opinion] === "Plutôt d'accord"), opinionBase]);
  });
});

describe("svyprop codebook on the shipped Moubarak data", () => {
  it("proposes the question types and filters of the hand-written codebook", async () => {
    const data = new URL("../../data/moubarak-2009/", import.meta.url);
    const written = JSON.parse(readFileSync(new URL("codebook.json", data), "utf8")) as Codebook;
    const { codebook } = await proposeCodebook(new URL("responses.csv", data));
    expect(codebook.respondentId).toBe("respondent");
    const shape = (questions: Codebook["questions"]) => questions.map((q) => ({ id: q.id, type: q.type, filter: q.filter }));
    expect(shape(codebook.questions)).toEqual(shape(written.questions));
  });
});
