import { parseNumberAnswer, type Question } from "../../codebook";
import type { ColumnProfile } from "./columnProfile";
import { orderedScaleOf } from "./orderedScales";
import { knownCodeLabels, yesNoPair } from "./yesNoAnswers";

/** Fewer distinct whole numbers (1, 2, 3) are more likely codes of a single choice than a scale or a measure. */
const MIN_SCALE_POINTS = 4;

/** A proposed question (its id still to be made unique) and the reason given to the user. */
export interface ProposedQuestion {
  question: Question;
  reason: string;
}

const list = (values: string[]) => values.map((value) => `"${value}"`).join(", ");

/**
 * The question one column's answers suggest: a yes/no pair makes a `binary` question; answers
 * of a known agreement (or frequency, satisfaction) scale, or four or more whole numbers within
 * 1–5 or 1–7, a `likert` one with ordered levels; other numbers (decimal commas too) a `numeric`
 * one; a few texts, two values that are not yes/no (F/M, H/F, 1/2) or up to three whole-number
 * codes, a `single` one.
 */
export function questionFromAnswers(column: ColumnProfile): ProposedQuestion | undefined {
  const { name, label, distinct } = column;
  const base = { id: name, column: name, label, ...(column.caseVariants ? { caseInsensitive: true as const } : {}) };
  if (distinct.length === 0) return undefined;
  const [first, second] = distinct as [string, string | undefined];
  const pair = second !== undefined && distinct.length === 2 ? yesNoPair(first, second) : undefined;
  if (pair) {
    // Words (Oui/Non) label the answers; codes (1/0, Y/N) keep the default Yes/No.
    const words = pair.yes.length > 1 && pair.no.length > 1 && !/^[01]$/.test(pair.yes);
    return {
      question: {
        ...base, type: "binary", positive: [pair.yes], negative: [pair.no],
        ...(words ? { positiveLabel: pair.yes, negativeLabel: pair.no } : {}),
      },
      reason: `two answers, ${list([pair.yes, pair.no])}: a yes/no question`,
    };
  }
  const scale = distinct.length >= 3 ? orderedScaleOf(distinct) : undefined;
  if (scale) {
    return { question: { ...base, type: "likert", levels: scale }, reason: `answers of an ordered scale, levels ${list(scale)}` };
  }
  const numbers = distinct.map(parseNumberAnswer);
  if (distinct.length >= MIN_SCALE_POINTS && numbers.every((n) => Number.isInteger(n) && n >= 1 && n <= 7)) {
    const top = Math.max(...numbers) <= 5 ? 5 : 7;
    const levels = Array.from({ length: top }, (_, i) => String(i + 1));
    return { question: { ...base, type: "likert", levels }, reason: `whole numbers within 1–${top}: a ${top}-point scale` };
  }
  const fewCodes = distinct.length < MIN_SCALE_POINTS && numbers.every(Number.isInteger);
  if (numbers.every(Number.isFinite) && !fewCodes) {
    return { question: { ...base, type: "numeric" }, reason: `${distinct.length} distinct numbers` };
  }
  const labels = knownCodeLabels(distinct);
  return {
    question: {
      ...base, type: "single",
      categories: distinct.map((value) => ({ code: value, label: labels?.[value] ?? value, values: [value] })),
    },
    reason: distinct.length === 2
      ? `two answers, ${list(distinct)}, that are not yes and no: two categories`
      : `${distinct.length} distinct answers: one category each`,
  };
}
