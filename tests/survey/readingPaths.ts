import { expect } from "vitest";
import type { Codebook } from "../../src/codebook";
import { SurveyError } from "../../src/errors";
import { estimate, estimatesFromTallies } from "../../src/estimate";
import type { Encoding } from "../../src/load";
import { loadSurvey, type ValidationReport } from "../../src/survey";
import { streamableDesign, tallyAnswers, tallyFile, type Tally } from "../../src/tally";

/** What one reading path made of a file, as plain data: its error, or everything a user reads of it. */
export type PathOutcome =
  | { error: Pick<SurveyError, "code" | "message"> & Partial<Pick<SurveyError, "row" | "column" | "value" | "path">> }
  | {
      rowsRead: number;
      encoding: Encoding | undefined;
      delimiter: string | undefined;
      report: ValidationReport;
      tallies: Record<string, ReturnType<typeof plainTally>>;
      /** Per categorical question, its estimate rows (design-based when the design is tallied), or the error estimating it. */
      estimates: Record<string, unknown>;
      /** Split by the codebook's first binary, single-choice or Likert question (`groupingOf`): the tallies and estimate rows. */
      byTallies?: Record<string, ReturnType<typeof plainTally>>;
      byEstimates?: Record<string, unknown>;
    };

/** How both paths read the file. */
export interface ReadingOptions {
  issueLimit?: number;
  delimiter?: string;
  encoding?: Encoding;
}

/**
 * Reads a file through both reading paths — `loadSurvey` then `estimate` (and `tallyAnswers`), and
 * `tallyFile` on one thread and on two (`threads`: each two-thread read starts a worker thread,
 * ~0.1 s from the run's bundle, see vitest.config.ts), in chunks of `chunkSize` bytes, then `estimatesFromTallies`
 * from its tallies and design tallies — and asserts they agree field by field: the same error
 * (code, message, row, column, value, JSON path), or the same rows read, encoding, delimiter,
 * report (accounts, issues in order with row, column, value, reason and code, omitted issues,
 * warnings), tallies and estimates (to 1e-11: the design's sums are added in another order).
 * Estimates are compared where the stream can make them: no design, or one it tallies
 * (`streamableDesign`). Split by the codebook's first binary, single-choice or Likert question,
 * the tallies and estimates by group too (`tallyFile`'s `by`, read again only for a design: a
 * split stream keeps the design's sums per group only). Returns the in-memory outcome, for the
 * caller's own expectations.
 */
export async function expectPathsAgree(file: string, codebook: Codebook, options: ReadingOptions & { chunkSize?: number; threads?: number[] } = {}): Promise<PathOutcome> {
  const { chunkSize = 7, threads = [1, 2], ...reading } = options;
  const memory = await inMemory(file, codebook, reading);
  const by = groupingOf(codebook);
  const withDesign = streamableDesign(codebook.design);
  for (const workers of threads) {
    const streamed = await outcomeOf(async () => {
      const read = { ...reading, workers, chunkSize, designTallies: withDesign };
      const result = await tallyFile(file, codebook, { ...read, ...(by === undefined || withDesign ? {} : { by }) });
      const split = by === undefined ? undefined : withDesign ? await tallyFile(file, codebook, { ...read, by }) : result;
      const questions = estimatedQuestions(codebook, [...result.tallies.keys()]);
      const rows = (id: string) => estimatesFromTallies({ tallies: result.tallies, designTallies: result.designTallies, rowsRead: result.report.rowsRead }, codebook, [id]);
      const byRows = (id: string, tallied: NonNullable<typeof split>) =>
        estimatesFromTallies({ tallies: tallied.byTallies as Map<string, Tally>, designTallies: tallied.byDesignTallies, rowsRead: tallied.report.rowsRead }, codebook, [id]);
      return {
        rowsRead: result.report.rowsRead,
        encoding: result.encoding,
        delimiter: result.delimiter,
        report: result.report,
        tallies: Object.fromEntries([...result.tallies].map(([id, tally]) => [id, plainTally(tally)])),
        estimates: Object.fromEntries(questions.map((id) => [id, outcomeOfSync(() => rows(id))])),
        ...(split === undefined
          ? {}
          : {
              byTallies: Object.fromEntries([...(split.byTallies ?? [])].map(([id, tally]) => [id, plainTally(tally)])),
              byEstimates: Object.fromEntries(questions.map((id) => [id, outcomeOfSync(() => byRows(id, split))])),
            }),
      };
    });
    expect(streamed, `tallyFile on ${workers} thread(s), chunks of ${chunkSize} bytes`).toEqual(approximately(memory));
  }
  return memory;
}

async function inMemory(file: string, codebook: Codebook, options: ReadingOptions): Promise<PathOutcome> {
  return outcomeOf(async () => {
    const survey = await loadSurvey(file, { codebook, ...options });
    const estimable = survey.designColumns === undefined || streamableDesign(survey.design);
    const questions = estimable ? estimatedQuestions(codebook, [...survey.answers.keys()]) : [];
    const by = groupingOf(codebook);
    const categorical = [...survey.answers].filter(([, coded]) => coded.kind !== "numeric");
    return {
      rowsRead: survey.report.rowsRead,
      encoding: survey.readWith?.encoding,
      delimiter: survey.readWith?.delimiter,
      report: survey.report,
      tallies: Object.fromEntries([...survey.answers].map(([id, coded]) => [id, plainTally(tallyAnswers(coded))])),
      estimates: Object.fromEntries(questions.map((id) => [id, outcomeOfSync(() => estimate(survey, id))])),
      ...(by === undefined
        ? {}
        : {
            byTallies: Object.fromEntries(categorical.map(([id, coded]) => [id, plainTally(tallyAnswers(coded, survey.answers.get(by)))])),
            byEstimates: Object.fromEntries(questions.map((id) => [id, outcomeOfSync(() => estimate(survey, id, { by }))])),
          }),
    };
  });
}

/** The codebook's first binary, single-choice or Likert question: the one both paths split by. */
function groupingOf(codebook: Codebook): string | undefined {
  return codebook.questions.find((question) => question.type === "binary" || question.type === "single" || question.type === "likert")?.id;
}

/** The questions both paths estimate proportions of: the categorical ones (a numeric question has no categories). */
function estimatedQuestions(codebook: Codebook, ids: readonly string[]): string[] {
  return ids.filter((id) => codebook.questions.find((question) => question.id === id)?.type !== "numeric");
}

/** A tally as plain numbers, so a failing comparison shows which count differs. */
function plainTally(tally: Tally) {
  return { categories: tally.categories.map((category) => category.code), counts: Array.from(tally.counts), bases: Array.from(tally.bases), ungrouped: tally.ungrouped };
}

/** A SurveyError as the fields a user reads of it. */
function errorFields(error: SurveyError) {
  const { code, message, row, column, value, path } = error;
  return { code, message, ...(row === undefined ? {} : { row }), ...(column === undefined ? {} : { column }), ...(value === undefined ? {} : { value }), ...(path === undefined ? {} : { path }) };
}

async function outcomeOf<T>(run: () => Promise<T>): Promise<T | { error: ReturnType<typeof errorFields> }> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SurveyError) return { error: errorFields(error) };
    throw error;
  }
}

function outcomeOfSync<T>(run: () => T): T | { error: ReturnType<typeof errorFields> } {
  try {
    return run();
  } catch (error) {
    if (error instanceof SurveyError) return { error: errorFields(error) };
    throw error;
  }
}

/** `value` with every finite number matched to 1e-11 of its size (`expect.closeTo`). */
function approximately(value: unknown): unknown {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return value;
    return expect.closeTo(value, Math.floor(-Math.log10(2e-11 * Math.max(1, Math.abs(value)))));
  }
  if (Array.isArray(value)) return value.map(approximately);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, approximately(entry)]));
  return value;
}
