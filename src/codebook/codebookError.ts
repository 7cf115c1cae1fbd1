import { SurveyError } from "../errors";

/** The `E_CODEBOOK` error for one bad field, named by its JSON path (`questions[3].filter.question`). */
export function codebookError(problem: string, path: string): SurveyError {
  return new SurveyError("E_CODEBOOK", `codebook field ${problem}`, { path });
}
