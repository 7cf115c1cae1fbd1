import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { parseCodebook, type Codebook } from "../../src/codebook";
import { estimate } from "../../src/estimate";
import { parseCsv } from "../../src/load";
import { surveyFromTable } from "../../src/survey";
import { tallyFile } from "../../src/tally";
import { captureIO } from "../cli/io";

// A French export: Oui/Non answers, and a follow-up asked of the "Oui" only.
const csv = ["fb,photo,sexe", "Oui,oui,F", "Non,,M", "Oui,non,F", "Oui,oui,M", "Non,,F"].join("\n");

function codebookWith(filter: unknown, extra: Record<string, unknown>[] = []): Codebook {
  return parseCodebook({
    questions: [
      { id: "facebook", column: "fb", type: "binary", label: "Has a Facebook profile", positive: ["Oui"], negative: ["Non"] },
      { id: "photo", column: "photo", type: "binary", positive: ["oui"], negative: ["non"], filter },
      ...extra,
    ],
  });
}

describe("a filter names an answer by its code or by a raw value", () => {
  it("selects the same respondents with equals: \"Oui\" (raw) as with equals: \"yes\" (code)", () => {
    const byRaw = surveyFromTable(parseCsv(csv), codebookWith({ question: "facebook", equals: "Oui" }));
    const byCode = surveyFromTable(parseCsv(csv), codebookWith({ question: "facebook", equals: "yes" }));
    expect(byRaw.report.questions.photo).toEqual({ rowsRead: 5, used: 3, missing: 0, notAsked: 2, excluded: 0 });
    expect(byRaw.report.questions.photo).toEqual(byCode.report.questions.photo);
    expect(byRaw.report.warnings).toEqual([]);
    // counted independently: 2 of the 3 "Oui" show a photo
    expect(estimate(byRaw, "photo").map((r) => [r.category, r.count, r.base])).toEqual([["yes", 2, 3], ["no", 1, 3]]);
  });

  it("selects the same respondents when the file is streamed", async () => {
    const { report } = await tallyFile(new TextEncoder().encode(csv), codebookWith({ question: "facebook", equals: "Oui" }));
    expect(report.questions.photo).toEqual({ rowsRead: 5, used: 3, missing: 0, notAsked: 2, excluded: 0 });
  });

  it("takes raw values in `in`, and single-choice raw values", () => {
    const cb = codebookWith({ all: [{ question: "facebook", in: ["Oui"] }, { question: "sex", equals: "F" }] }, [
      { id: "sex", column: "sexe", type: "single", categories: [{ code: "female", label: "Female", values: ["F"] }, { code: "male", label: "Male", values: ["M"] }] },
    ]);
    const survey = surveyFromTable(parseCsv(csv), cb);
    // row 5 (Oui, M) answered photo but is no woman: a skip-logic violation
    expect(survey.report.questions.photo).toMatchObject({ used: 2, notAsked: 2, excluded: 1 });
  });
});

describe("a question the codebook leaves without an estimate is a warning (an error when strict)", () => {
  it("names a filter value that is no answer of its question, with the codes to use", () => {
    const survey = surveyFromTable(parseCsv(csv), codebookWith({ question: "facebook", equals: "Yes please" }));
    expect(survey.report.questions.photo?.used).toBe(0);
    expect(survey.report.warnings).toEqual([
      {
        code: "W_FILTER_VALUE_UNKNOWN",
        question: "photo",
        reason: 'its filter names "Yes please", which is no answer of "facebook"',
        fix: "use one of \"facebook\"'s codes (yes, no) or a raw value its categories list",
        path: "questions[1].filter.equals",
      },
    ]);
    expect(() => surveyFromTable(parseCsv(csv), codebookWith({ question: "facebook", equals: "Yes please" }), { strict: true })).toThrow(
      /E_CODEBOOK: question "photo": its filter names "Yes please".*use one of "facebook"'s codes \(yes, no\).*at questions\[1\]\.filter\.equals/,
    );
  });

  it("warns when a valid filter leaves nobody, and when every answer is missing or outside the categories", () => {
    const nobody = ["fb,photo,sexe", "Non,,F", "Non,,M"].join("\n");
    const survey = surveyFromTable(parseCsv(nobody), codebookWith({ question: "facebook", equals: "yes" }));
    expect(survey.report.warnings?.map((w) => [w.code, w.question, w.path])).toEqual([["W_FILTER_EXCLUDES_ALL", "photo", "questions[1].filter"]]);
    const outside = ["fb,photo,sexe", "Ja,,F", "Nein,,M"].join("\n");
    const bad = surveyFromTable(parseCsv(outside), codebookWith({ question: "facebook", notMissing: true }));
    expect(bad.report.warnings?.map((w) => [w.code, w.question])).toEqual([
      ["W_NO_ANSWERS", "facebook"],
      ["W_FILTER_EXCLUDES_ALL", "photo"],
    ]);
    expect(bad.report.warnings?.[0]?.reason).toBe('no usable answer: 2 of 2 rows left out, e.g. value "Ja" (row 2)');
    expect(bad.report.warnings?.[0]?.fix).toMatch(/add the file's values to the question's categories/);
  });

  it("warns alike on a streamed file", async () => {
    const cb = codebookWith({ question: "facebook", equals: "Yes please" });
    const { report } = await tallyFile(new TextEncoder().encode(csv), cb);
    expect(report.warnings?.map((w) => w.code)).toEqual(["W_FILTER_VALUE_UNKNOWN"]);
  });

  it("is printed by estimate (stderr, JSON, also --quiet) and exits 3 with --strict", async () => {
    const dir = await mkdtemp(join(tmpdir(), "svyprop-warn-"));
    const file = join(dir, "r.csv");
    const cbPath = join(dir, "cb.json");
    await writeFile(file, csv);
    await writeFile(cbPath, JSON.stringify(codebookWith({ question: "facebook", equals: "Yes please" })));
    for (const extra of [[], ["--quiet"], ["--json"]]) {
      const io = captureIO();
      expect(await runCli(["estimate", file, "--codebook", cbPath, ...extra], io)).toBe(0);
      expect(io.err()).toContain('Warning W_FILTER_VALUE_UNKNOWN: question "photo"');
      if (extra[0] === "--json") expect(JSON.parse(io.out()).report.warnings).toHaveLength(1);
    }
    const strict = captureIO();
    expect(await runCli(["estimate", file, "--codebook", cbPath, "--strict"], strict)).toBe(3);
    expect(strict.err()).toMatch(/E_CODEBOOK: question "photo".*Fix|use one of/);
    for (const command of [
      ["crosstab", file, "--codebook", cbPath, "--rows", "photo", "--cols", "facebook", "--strict"],
      ["report", file, "--codebook", cbPath, "--out", join(dir, "r.md"), "--strict"],
      ["chart", file, "--codebook", cbPath, "--question", "facebook", "--out", join(dir, "c.vl.json"), "--strict"],
    ]) {
      expect(await runCli(command, captureIO())).toBe(3);
    }
    const report = captureIO();
    expect(await runCli(["report", file, "--codebook", cbPath, "--out", join(dir, "r.md")], report)).toBe(0);
    expect(report.err()).toContain("W_FILTER_VALUE_UNKNOWN");
  });
});
