import { AnswerStatus } from "../codebook";
import type { QuestionAccount } from "./types";

/** Adds coded answers to a question's account: each answered, missing, not asked, or excluded. */
export function countStatuses(account: QuestionAccount, codes: Int16Array): void {
  account.rowsRead += codes.length;
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row] as number;
    if (code >= 0) account.used += 1;
    else if (code === AnswerStatus.missing) account.missing += 1;
    else if (code === AnswerStatus.filtered) account.notAsked += 1;
    else account.excluded += 1;
  }
}
