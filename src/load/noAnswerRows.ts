import { SurveyError } from "../errors";

/** The `E_NO_ROWS` of a file with a header and no answer rows (blank records are none), the same in every reading path. */
export function noAnswerRows(): SurveyError {
  return new SurveyError("E_NO_ROWS", "the file has a header but no answer rows");
}
