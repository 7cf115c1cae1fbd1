import { AnswerStatus, parseCodebook, questionCategories, type Codebook } from "../codebook";
import { SurveyError } from "../errors";
import type { QuestionAccount } from "../survey";
import { addCoding, emptyAccount } from "./stream/accounting";
import { codeRawCells } from "../survey/codeRawCells";
import type { Tally } from "./types";

/** One row of a GROUP BY over raw answers: how many respondents gave `value` to `question`. */
export interface AnswerCount {
  /** Codebook question id. */
  question: string;
  /** The raw cell, as in the CSV (null, as SQL gives an empty cell, is read as ""). */
  value: string | null;
  /** Respondents who gave it (a number, or the bigint a database returns). */
  count: number | bigint;
}

/** A raw value that matches no category, and how many respondents gave it. */
export interface UnmatchedValue {
  /** Codebook question id. */
  question: string;
  /** The raw value. */
  value: string;
  /** Respondents who gave it. */
  count: number;
  /** Why it matches no category, in words. */
  reason: string;
}

/** What `tallyFromCounts` makes of a GROUP BY: tallies, accounts, and the values it could not place. */
export interface CountsTally {
  /** Whole-sample tally per question id, in codebook order. */
  tallies: Map<string, Tally>;
  /** Per question, what the counts held: `rowsRead = used + missing + excluded` (`notAsked` stays 0, see below). */
  accounts: Record<string, QuestionAccount>;
  /** Values matching no category (left out of the tallies, as `E_BAD_VALUE` cells are). */
  unmatched: UnmatchedValue[];
}

/**
 * Tallies from counts an external engine computed — DuckDB, BigQuery, Spark: a
 * `SELECT question, value, count(*) … GROUP BY question, value` over the raw cells — so the
 * engine does the scan and svyprop the coding, statistics and charts. Each distinct value is
 * coded exactly as the CSV path codes it (missing codes, trimming, case rules, `;` lists).
 *
 * A filtered question's counts must come from the respondents its filter selects (a `WHERE`
 * on the filter question): then the tally equals the CSV path's, whose skipped respondents and
 * skip-logic violations never reach the counts either. Questions absent from `counts` get an
 * empty tally; a multi-select kept as one 0/1 column per option cannot be given as counts.
 *
 * @param counts - The engine's rows: question id, raw value and count.
 * @param codebook - The codebook.
 * @returns The tallies, each question's account, and the values that matched no category.
 * @throws {@link SurveyError} `E_CODEBOOK` for a bad codebook, `E_ARGUMENT` for a bad count or an unknown question.
 *
 * @example
 * ```ts
 * import { tallyFromCounts } from "svyprop";
 *
 * const { tallies, unmatched } = tallyFromCounts(
 *   [
 *     { question: "fb", value: "Oui", count: 147 },
 *     { question: "fb", value: "Non", count: 55n }, // a bigint, as DuckDB returns count(*)
 *     { question: "fb", value: "peut-être", count: 1 },
 *   ],
 *   { questions: [{ id: "fb", column: "fb", type: "binary", positive: ["Oui"], negative: ["Non"] }] },
 * );
 * tallies.get("fb")?.counts; // → [147, 55]
 * unmatched; // → [{ question: "fb", value: "peut-être", count: 1 }]
 * ```
 */
export function tallyFromCounts(counts: Iterable<AnswerCount>, codebook: Codebook): CountsTally {
  const checked = parseCodebook(codebook);
  const byId = new Map(checked.questions.map((question) => [question.id, question]));
  const coders = new Map<string, ReturnType<typeof codeRawCells>>();
  const tallies = new Map<string, Tally>();
  const accounts: Record<string, QuestionAccount> = Object.create(null);
  for (const question of checked.questions) {
    const categories = questionCategories(question);
    tallies.set(question.id, { question: question.id, categories, counts: new Float64Array(categories.length), bases: new Float64Array(1), ungrouped: 0 });
    accounts[question.id] = emptyAccount();
  }
  const unmatched: UnmatchedValue[] = [];
  for (const row of counts) {
    const question = byId.get(row.question);
    if (!question) throw new SurveyError("E_UNKNOWN_QUESTION", `the counts name question "${row.question}", which the codebook lacks`);
    if (question.type === "multi" && question.columns) {
      throw new SurveyError("E_ARGUMENT", `question "${question.id}" is one 0/1 column per option: tally it from the file instead`);
    }
    const times = Number(row.count);
    if (!Number.isInteger(times) || times < 0) throw new SurveyError("E_ARGUMENT", `count for "${row.question}" must be a whole number ≥ 0`, { value: String(row.count) });
    let code = coders.get(question.id);
    if (!code) coders.set(question.id, (code = codeRawCells(question, checked.missing ?? [])));
    const coding = code([row.value ?? ""]);
    const tally = tallies.get(question.id) as Tally;
    const account = accounts[question.id] as QuestionAccount;
    account.rowsRead += times;
    addCoding(tally.counts, account, coding, times, question.type === "multi");
    tally.bases[0] = account.used;
    if (coding.code === AnswerStatus.bad && times > 0) {
      unmatched.push({ question: question.id, value: row.value ?? "", count: times, reason: coding.problem?.reason ?? "matches no category" });
    }
  }
  return { tallies, accounts, unmatched };
}
