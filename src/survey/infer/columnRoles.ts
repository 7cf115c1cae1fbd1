import { parseNumberAnswer } from "../../codebook";
import type { ColumnProfile } from "./columnProfile";

/**
 * Columns that are not questions: respondent ids, timestamps, sampling weights and free text.
 * Each test returns the reason it gives the user, or undefined.
 */

const ID_NAME = /(^|[^a-z])(id|ids|identifiant|identifier|n°|no|num|numéro|numero|respondent|répondant|repondant|record|matricule)([^a-z]|$)/i;
/** camelCase or snake_case ids: ResponseId, respondentID, user_id. */
const ID_SUFFIX = /[a-z](Id|ID)$|_id$/;

/** A column named like an identifier whose every row holds a different value. */
export function idReason(column: ColumnProfile): string | undefined {
  if (!(ID_NAME.test(column.name) || ID_SUFFIX.test(column.name)) || column.answers.length !== column.cells.length || column.cells.length < 2) return undefined;
  return new Set(column.answers).size === column.answers.length ? `named like an identifier, a different value on each of the ${column.cells.length} rows` : undefined;
}

const DATE = String.raw`(\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})`;
const TIMESTAMP = new RegExp(String.raw`^${DATE}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$`);

/** Every answer a date or a date and time (2026-03-01 10:05:00, 01/03/2026). */
export function timestampReason(column: ColumnProfile): string | undefined {
  if (column.answers.length === 0 || !column.answers.every((answer) => TIMESTAMP.test(answer))) return undefined;
  return "every answer is a date or a time";
}

const WEIGHT_NAME = /(^|[^a-z])(weights?|wgt|wt|wght|poids|pond|pondération|ponderation|coef|coefficient)([^a-z]|$)/i;

/** A column named like a weight whose every row holds a positive number. */
export function weightReason(column: ColumnProfile): string | undefined {
  if (!WEIGHT_NAME.test(column.name) || column.answers.length !== column.cells.length || column.cells.length === 0) return undefined;
  const numbers = column.answers.map(parseNumberAnswer);
  if (!numbers.every((n) => Number.isFinite(n) && n > 0)) return undefined;
  const lowest = numbers.reduce((a, b) => Math.min(a, b));
  const highest = numbers.reduce((a, b) => Math.max(a, b));
  return `named like a weight, a positive number on every row (${lowest} to ${highest})`;
}

const FREE_TEXT_LENGTH = 60;
/** Column names of a platform's "other, please specify" and comment fields. */
const TEXT_ENTRY_NAME = /(_TEXT|\[other\]|\[comment\]|_other|_autre)$/i;

/**
 * Free text: answers over several lines or 60 characters, a text-entry column of the platform,
 * more distinct texts than a closed question has (`maxCategories`), or texts that hardly repeat.
 */
export function freeTextReason(column: ColumnProfile, maxCategories: number): string | undefined {
  const { answers, distinct } = column;
  if (answers.length === 0) return undefined;
  if (TEXT_ENTRY_NAME.test(column.name) && !answers.every((answer) => Number.isFinite(parseNumberAnswer(answer)))) {
    return `a text-entry field ("${column.name}")`;
  }
  const long = answers.find((answer) => /[\r\n]/.test(answer) || answer.length > FREE_TEXT_LENGTH);
  if (long !== undefined) {
    const longest = answers.reduce((most, answer) => Math.max(most, answer.length), 0);
    return /[\r\n]/.test(long) ? "an answer spans several lines" : `answers up to ${longest} characters long`;
  }
  if (answers.every((answer) => Number.isFinite(parseNumberAnswer(answer)))) return undefined;
  if (distinct.length > maxCategories) return `${distinct.length} distinct answers, more than --max-categories ${maxCategories}`;
  if (distinct.length >= 5 && distinct.length > answers.length / 2) {
    return `${distinct.length} distinct texts among ${answers.length} answers: they hardly repeat`;
  }
  return undefined;
}
