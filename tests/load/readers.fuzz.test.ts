import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCodebook } from "../../src/codebook";
import { SurveyError } from "../../src/errors";
import { loadSurvey } from "../../src/survey";
import { tallyAnswers, tallyFile } from "../../src/tally";

/**
 * The two CSV readers — the in-memory table (`loadSurvey`) and the stream (`tallyFile`) — held to
 * one result on hostile bytes: random quotes, delimiters, line endings (CRLF, LF, lone CR), blank
 * and ragged records, multi-byte characters cut by any chunk size. Either both refuse the file with
 * the same error (code, message, row, column, value, path), or both give the same report (rows, accounts, problems, repeated
 * respondent ids, problems counted beyond an issue limit) and tallies.
 * Bounded for CI: a few hundred small files, each read through both paths.
 */
const codebook = parseCodebook({
  missing: ["NA"],
  questions: [
    { id: "q", column: "q", type: "single", categories: [
      { code: "yes", label: "Yes", values: ["yes", "oui"] },
      { code: "no", label: "No", values: ["no", "non"] },
    ] },
    { id: "n", column: "n", type: "numeric" },
    { id: "m", column: "m", type: "multi", separator: ";", categories: [
      { code: "a", label: "A", values: ["a"] },
      { code: "b", label: "B", values: ["b"] },
    ] },
  ],
});

const PIECES = ["yes", "no", "oui", "NA", "a", "b", "1", "2,5", " ", "é", "€", "😀", ",", ";", "\t", '"', '""', "\r", "\n", "\r\n"];
const body = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(""));
const headers = ["q,n,m", "q;n;m", "q\tn\tm", '"q",n,"m"', "q,n,m,extra", "\uFEFFq,n,m"];
const file = fc.record({
  header: fc.constantFrom(...headers),
  lineEnd: fc.constantFrom("\n", "\r\n", "\r"),
  body,
  chunkSize: fc.integer({ min: 1, max: 13 }),
  // Repeated respondent ids (E_DUPLICATE_ID: "yes" and "no" repeat often) and a small issue limit, in some files.
  respondentId: fc.constantFrom(undefined, "q"),
  issueLimit: fc.constantFrom(undefined, 1, 3),
});

type Outcome = { error: { code: string; message: string; row?: number; column?: string; value?: string; path?: string } } | { report: unknown; tallies: Record<string, number[]> };

async function outcome(read: () => Promise<{ report: unknown; tallies: Record<string, number[]> }>): Promise<Outcome> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof SurveyError)) throw error;
    const { code, message, row, column, value, path } = error;
    return { error: { code, message, ...(row === undefined ? {} : { row }), ...(column === undefined ? {} : { column }), ...(value === undefined ? {} : { value }), ...(path === undefined ? {} : { path }) } };
  }
}

describe("the in-memory and streamed CSV readers", () => {
  it("agree on rows, counts and problems for random bytes, quotes, delimiters and line endings", async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.option(fc.nat(), { freq: 3 }), async ({ header, lineEnd, body: text, chunkSize, respondentId, issueLimit }, stray) => {
        const read = { codebook: respondentId === undefined ? codebook : { ...codebook, respondentId }, ...(issueLimit === undefined ? {} : { issueLimit }) };
        const text8 = new TextEncoder().encode(`${header}${lineEnd}${text}`);
        // A stray byte that is not UTF-8 (0xE9: "é" in Windows-1252), somewhere — in the header too — in some files.
        const at = stray === null ? 0 : stray % (text8.length + 1);
        const bytes = stray === null ? text8 : new Uint8Array([...text8.subarray(0, at), 0xe9, ...text8.subarray(at)]);
        const memory = await outcome(async () => {
          const survey = await loadSurvey(bytes, read);
          const tallies = [...survey.answers].map(([id, coded]) => [id, Array.from(tallyAnswers(coded).counts)]);
          return { report: survey.report, tallies: Object.fromEntries(tallies) };
        });
        const streamed = await outcome(async () => {
          const { report, tallies } = await tallyFile(bytes, read.codebook, { chunkSize, ...(issueLimit === undefined ? {} : { issueLimit }) });
          return { report, tallies: Object.fromEntries([...tallies].map(([id, t]) => [id, Array.from(t.counts)])) };
        });
        expect(streamed).toEqual(memory);
      }),
      { numRuns: 300 },
    );
  });
});

/** Chunks of `size` bytes, as a stream hands them over (so `loadSurvey` cannot read the source twice). */
async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.slice(start, start + size);
}

/** A survey as plain data: every coded array, the report, and how the file was read. */
function surveyData(survey: Awaited<ReturnType<typeof loadSurvey>>) {
  const answers = [...survey.answers].map(([id, coded]) => ({
    id,
    codes: Array.from(coded.codes),
    ...(coded.kind === "multi" ? { selected: coded.selected.map((chosen) => Array.from(chosen)) } : {}),
    ...(coded.kind === "numeric" ? { values: Array.from(coded.values) } : {}),
  }));
  const design = survey.designColumns && { ...survey.designColumns, weights: Array.from(survey.designColumns.weights ?? []) };
  return { answers, design, report: survey.report, rowNumbers: survey.rowNumbers, rowCount: survey.rowCount, readWith: survey.readWith };
}

describe("loadSurvey in chunks and a table read whole (readTable + surveyFromTable)", () => {
  const designed = parseCodebook({ ...codebook, respondentId: "n", design: { weights: "w", strata: "s" } });

  it("build the same survey, array by array, from any chunks of random bytes", async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.option(fc.nat(), { freq: 3 }), fc.boolean(), async ({ header, lineEnd, body: text, chunkSize }, stray, withDesign) => {
        const head = withDesign ? `${header.replace(/m(?=$|")/, "m,w,s")}` : header;
        const text8 = new TextEncoder().encode(`${head}${lineEnd}${text}`);
        const at = stray === null ? 0 : stray % (text8.length + 1);
        const bytes = stray === null ? text8 : new Uint8Array([...text8.subarray(0, at), 0xe9, ...text8.subarray(at)]);
        const cb = withDesign ? designed : codebook;
        const whole = await outcome(async () => {
          const { readTable } = await import("../../src/load");
          const { surveyFromTable } = await import("../../src/survey");
          return { report: surveyData(surveyFromTable(await readTable(bytes), cb)), tallies: {} };
        });
        const chunked = await outcome(async () => ({ report: surveyData(await loadSurvey(inChunks(bytes, chunkSize), { codebook: cb })), tallies: {} }));
        expect(chunked).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it("agree beyond the distinct values a question remembers (free numbers, bad values), with filters, repeated ids and a design", async () => {
    const many = parseCodebook({
      respondentId: "id",
      design: { weights: "w", strata: "s", cluster: "p" },
      questions: [
        { id: "q", column: "q", type: "single", categories: [{ code: "yes", label: "Yes", values: ["yes"] }, { code: "no", label: "No", values: ["no"] }] },
        { id: "n", column: "n", type: "numeric", filter: { question: "q", equals: "yes" } },
        { id: "t", column: "t", type: "binary", positive: ["1"], negative: ["0"] },
      ],
    });
    const lines = ["id,q,n,t,w,s,p"];
    for (let i = 0; i < 9000; i++) {
      const id = i % 997 === 5 ? "7" : String(i);
      const t = i % 3 === 0 ? `bad${i}` : String(i % 2);
      lines.push(`${id},${i % 4 === 0 ? "no" : "yes"},${i % 5 === 0 ? "" : `${i}.5`},${t},${1 + (i % 7) / 10},S${i % 3},"P ${i % 50}"${i === 4000 ? ",extra" : ""}`);
    }
    const bytes = new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
    const { readTable } = await import("../../src/load");
    const { surveyFromTable } = await import("../../src/survey");
    const whole = surveyData(surveyFromTable(await readTable(bytes), many, { issueLimit: Infinity }));
    const chunked = surveyData(await loadSurvey(inChunks(bytes, 777), { codebook: many, issueLimit: Infinity }));
    expect(chunked).toEqual(whole);
    // 3000 bad t cells, less the three on rows left out for repeating id "7" (rows of i = 1002, 3993, 6984).
    expect(whole.report.issues.filter((issue) => issue.code === "E_BAD_VALUE")).toHaveLength(2997);
    expect(whole.report.issues.filter((issue) => issue.code === "E_SKIP_LOGIC").length).toBeGreaterThan(1000);
    const streamed = await tallyFile(bytes, many, { chunkSize: 777, issueLimit: Infinity });
    expect(streamed.report.issues).toEqual(whole.report.issues);
    // With the default limit, loadSurvey lists the first 1000 bad t cells and counts the other 1997.
    const limited = (await loadSurvey(inChunks(bytes, 777), { codebook: many })).report;
    expect(limited.issues.filter((issue) => issue.code === "E_BAD_VALUE")).toEqual(whole.report.issues.filter((issue) => issue.code === "E_BAD_VALUE").slice(0, 1000));
    expect(limited.omittedIssues).toContainEqual({ question: "t", code: "E_BAD_VALUE", count: 1997 });
  });
});
