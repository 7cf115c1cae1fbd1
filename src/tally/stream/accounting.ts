import { AnswerStatus } from "../../codebook";
import type { QuestionAccount } from "../../survey";
import type { CellCoding } from "../../survey/codeRawCells";
import { mergeTallies } from "../mergeTallies";
import type { Tally } from "../types";

/** An account with nothing counted yet. */
export function emptyAccount(): QuestionAccount {
  return { rowsRead: 0, used: 0, missing: 0, notAsked: 0, excluded: 0 };
}

/**
 * Adds `times` respondents with one coding to category counts and an account, as `tallyAnswers`
 * counts a whole-sample tally: an answered respondent adds to the base and to their category
 * (or to each option they chose); the others are missing, not asked (their filter excludes
 * them) or excluded.
 */
export function addCoding(counts: Float64Array, account: QuestionAccount, coding: CellCoding, times: number, multi: boolean): void {
  if (times === 0) return;
  if (coding.code >= 0) {
    account.used += times;
    if (multi) for (const option of coding.selected) counts[option] = (counts[option] as number) + times;
    else if (counts.length > 0) counts[coding.code] = (counts[coding.code] as number) + times;
  } else if (coding.code === AnswerStatus.missing) account.missing += times;
  else if (coding.code === AnswerStatus.filtered) account.notAsked += times;
  else account.excluded += times;
}

/**
 * Adds `times` respondents with one coding to a tally split by group, as `tallyAnswers` counts
 * it: an answered respondent of group `slot` adds to its base and to their category (or to each
 * option they chose); an answered one whose `slot` is past the groups (no group) is ungrouped;
 * the others are not counted.
 */
export function addGroupCoding(tally: Tally, slot: number, coding: CellCoding, times: number, multi: boolean): void {
  if (times === 0 || coding.code < 0) return;
  if (slot >= tally.bases.length) {
    tally.ungrouped += times;
    return;
  }
  const k = tally.categories.length;
  tally.bases[slot]! += times;
  if (multi) for (const option of coding.selected) tally.counts[slot * k + option]! += times;
  else tally.counts[slot * k + coding.code]! += times;
}

/** Adds a tally (of a batch, or of a part of a file) to the running tally of its question in `running`. */
export function addTally(running: Map<string, Tally>, tally: Tally): void {
  const sum = running.get(tally.question);
  running.set(tally.question, sum ? mergeTallies(sum, tally) : tally);
}
