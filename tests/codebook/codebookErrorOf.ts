import { parseCodebook } from "../../src/codebook";
import { SurveyError } from "../../src/errors";

/** The SurveyError `parseCodebook` throws for `json`; fails the test when it accepts it. */
export function codebookErrorOf(json: unknown): SurveyError {
  try {
    parseCodebook(json);
  } catch (error) {
    if (error instanceof SurveyError) return error;
    throw error;
  }
  throw new Error("expected E_CODEBOOK: parseCodebook accepted it");
}
