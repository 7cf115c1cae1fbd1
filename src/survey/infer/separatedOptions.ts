import { parseNumberAnswer } from "../../codebook";
import type { ColumnProfile } from "./columnProfile";
import type { ProposedQuestion } from "./questionFromAnswers";

const SEPARATORS = [",", ";", "|"];
/** Longer parts are phrases of a sentence, not option labels. */
const MAX_OPTION_LENGTH = 40;

/**
 * A multi-select exported as one column of chosen options joined by "," (Qualtrics' choice
 * text), ";" or "|": "Facebook,Twitter". Proposed when some answers hold several options, every
 * part is a short text that is not a number (so "12,5" stays a decimal), and the options
 * repeat: fewer distinct options than `maxCategories` and than distinct answers.
 */
export function separatedOptions(column: ColumnProfile, maxCategories: number): ProposedQuestion | undefined {
  for (const separator of SEPARATORS) {
    if (!column.answers.some((answer) => answer.includes(separator))) continue;
    const parts = column.answers.flatMap((answer) => answer.split(separator).map((part) => part.trim()).filter((part) => part !== ""));
    const isOption = (part: string) => part.length <= MAX_OPTION_LENGTH && !Number.isFinite(parseNumberAnswer(part)) && !/[\r\n]/.test(part);
    if (!parts.every(isOption)) continue;
    const options = [...new Set(parts)].sort((a, b) => a.localeCompare(b));
    if (options.length > maxCategories || options.length >= column.distinct.length) continue;
    return {
      question: {
        id: column.name, type: "multi", column: column.name, label: column.label, separator,
        categories: options.map((option) => ({ code: option, label: option, values: [option] })),
      },
      reason: `answers list several of ${options.length} options separated by "${separator}"`,
    };
  }
  return undefined;
}
