import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { estimateSource } from "../../src/estimate/estimateSource";
import { resolveCodebook } from "../../src/survey";
import { oracleData, repoRoot } from "../paths";
import { SurveyError } from "../../src/errors";

const data = join(repoRoot, "data", "moubarak-2009");
const responses = join(data, "responses.csv");

describe("estimateSource", () => {
  it("reads a small file whole by default, and streams it when asked, to the same rows and report", async () => {
    const codebook = await resolveCodebook(join(data, "codebook.json"));
    const whole = await estimateSource(responses, codebook, { locale: "fr-FR" });
    const streamed = await estimateSource(responses, codebook, { locale: "fr-FR", stream: true });
    expect([whole.engine, streamed.engine]).toEqual(["memory", "stream"]);
    expect(streamed.estimates).toEqual(whole.estimates);
    expect(streamed.report).toEqual(whole.report);
    expect(whole.estimates.find((row) => row.question === "real_name" && row.category === "yes")).toMatchObject({ count: 138, base: 140, categoryLabel: "Oui" });
  });

  it("streams a design's sums to the rows of the file read whole", async () => {
    const codebook = await resolveCodebook(join(repoRoot, "tests/fixtures/strat-cluster.codebook.json"));
    const file = oracleData("weighted_c_strat_cluster.csv");
    const whole = await estimateSource(file, codebook, { stream: false, method: "beta" });
    const streamed = await estimateSource(file, codebook, { stream: true, method: "beta" });
    expect(streamed.estimates.length).toBeGreaterThan(0);
    expect(streamed.estimates.map((row) => [row.question, row.category, row.count, row.base])).toEqual(whole.estimates.map((row) => [row.question, row.category, row.count, row.base]));
    streamed.estimates.forEach((row, i) => {
      for (const key of ["proportion", "se", "lower", "upper"] as const) expect(Math.abs(row[key]! - whole.estimates[i]![key]!)).toBeLessThan(1e-12);
    });
  });

  it("splits by a group on either engine, to the same rows and report", async () => {
    const codebook = await resolveCodebook(join(data, "codebook.json"));
    const whole = await estimateSource(responses, codebook, { by: "position", locale: "fr-FR" });
    const streamed = await estimateSource(responses, codebook, { by: "position", locale: "fr-FR", stream: true });
    expect([whole.engine, streamed.engine]).toEqual(["memory", "stream"]);
    expect(whole.estimates.every((row) => row.group?.position !== undefined)).toBe(true);
    expect(streamed.estimates).toEqual(whole.estimates);
    expect(streamed.report).toEqual(whole.report);
  });

  it("reads the file whole when the estimates need every row, and says why when asked to stream", async () => {
    const codebook = await resolveCodebook(join(data, "codebook.json"));
    await expect(estimateSource(responses, codebook, { method: "beta", stream: true })).rejects.toThrow(
      'stream: true cannot be used here: method beta on a simple random sample goes through the design path, which needs every row in memory; pass "auto" or false',
    );
  });

  it("refuses a question it cannot estimate, or split by, before either engine reads the file", async () => {
    const codebook = await resolveCodebook(join(repoRoot, "tests/fixtures/codebook.json"));
    const missing = join(repoRoot, "tests/fixtures/no-such-file.csv");
    const ids = codebook.questions.map((q) => q.id).join(", ");
    const numeric = codebook.questions.find((q) => q.type === "numeric")?.id;
    expect(numeric).toBeDefined();
    for (const [options, code, message] of [
      [{ questions: ["nope"] }, "E_UNKNOWN_QUESTION", `no question "nope" in the codebook; questions are: ${ids}`],
      [{ questions: [numeric!] }, "E_ARGUMENT", `question "${numeric}" is numeric: it has no categories to estimate proportions of`],
      [{ by: numeric! }, "E_ARGUMENT", `by: question "${numeric}" must be binary, single-choice or Likert to split by`],
      [{ by: "nope" }, "E_UNKNOWN_QUESTION", `no question "nope" in the codebook; questions are: ${ids}`],
    ] as const) {
      for (const stream of [false, true]) {
        await expect(estimateSource(missing, codebook, { ...options, stream }), `${JSON.stringify(options)}, stream: ${stream}`).rejects.toMatchObject({ code, message: `${code}: ${message}` });
      }
    }
  });

  it("stops at the first bad row in strict mode on either engine, naming it", async () => {
    const codebook = await resolveCodebook(join(repoRoot, "tests/fixtures/codebook.json"));
    const file = join(repoRoot, "tests/fixtures/value-outside-codebook.csv");
    const errorOf = (stream: boolean) => estimateSource(file, codebook, { strict: true, stream }).then(() => undefined, (error: unknown) => error as SurveyError);
    const [whole, streamed] = [await errorOf(false), await errorOf(true)];
    expect(whole).toBeInstanceOf(SurveyError);
    expect(whole?.row).toBeGreaterThan(1);
    expect(streamed).toMatchObject({ code: whole?.code, message: whole?.message, row: whole?.row, column: whole?.column, value: whole?.value });
  });
});
