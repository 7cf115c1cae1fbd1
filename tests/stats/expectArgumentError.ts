import { expect } from "vitest";
import { SurveyError } from "../../src/errors";

/** Asserts that `run` throws a SurveyError with code E_ARGUMENT whose message names `argument`. */
export function expectArgumentError(run: () => unknown, argument: string): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(SurveyError);
  const error = thrown as SurveyError;
  expect(error.code).toBe("E_ARGUMENT");
  expect(error.message).toContain(`E_ARGUMENT: ${argument} `);
}
