import { expect } from "vitest";
import { SurveyError } from "../../src/errors";

/** Asserts that `run` throws a SurveyError with code E_ARGUMENT whose message names `argument` (or one of `arguments`). */
export function expectArgumentError(run: () => unknown, ...argumentNames: [string, ...string[]]): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(SurveyError);
  const error = thrown as SurveyError;
  expect(error.code).toBe("E_ARGUMENT");
  expect(argumentNames.some((name) => error.message.startsWith(`E_ARGUMENT: ${name} `)), error.message).toBe(true);
}
