import { SurveyError } from "../src/errors";

/** The SurveyError `run` throws; fails the test (with `expected`) when it returns, rethrows any other error. */
export function surveyErrorOf(run: () => unknown, expected = "expected a SurveyError"): SurveyError {
  try {
    run();
  } catch (error) {
    if (error instanceof SurveyError) return error;
    throw error;
  }
  throw new Error(expected);
}
