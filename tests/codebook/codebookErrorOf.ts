import { parseCodebook } from "../../src/codebook";
import type { SurveyError } from "../../src/errors";
import { surveyErrorOf } from "../surveyErrorOf";

/** The SurveyError `parseCodebook` throws for `json`; fails the test when it accepts it. */
export function codebookErrorOf(json: unknown): SurveyError {
  return surveyErrorOf(() => parseCodebook(json), "expected E_CODEBOOK: parseCodebook accepted it");
}
