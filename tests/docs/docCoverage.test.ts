import { describe, expect, it } from "vitest";
import { publicFunctions } from "./publicFunctions";

// What TypeDoc's validation cannot check: every function a user can import says what it does,
// names each parameter, says what it returns, and shows a runnable example (run by docExamples.test.ts).
const functions = publicFunctions();

function gaps(fn: (typeof functions)[number]): string[] {
  const missing: string[] = [];
  if (fn.description.trim() === "") missing.push("a description");
  for (const parameter of fn.parameters) {
    if (!fn.documentedParameters.includes(parameter)) missing.push(`@param ${parameter}`);
  }
  for (const documented of fn.documentedParameters) {
    if (!fn.parameters.includes(documented)) missing.push(`no parameter "${documented}" (stale @param)`);
  }
  if (!fn.hasReturns) missing.push("@returns");
  if (fn.examples === 0) missing.push("@example");
  return missing;
}

describe("public functions' doc comments", () => {
  it("finds the public functions of the three entries", () => {
    const names = functions.map((fn) => fn.name);
    expect(names).toEqual(expect.arrayContaining(["proportionCI", "estimate", "loadSurvey", "renderSvg", "toXlsx"]));
  });

  it("document every parameter, the return value and an example", () => {
    const incomplete = functions
      .map((fn) => ({ fn, missing: gaps(fn) }))
      .filter(({ missing }) => missing.length > 0)
      .map(({ fn, missing }) => `${fn.entry} ${fn.name} (${fn.at}): ${missing.join(", ")}`);
    expect(incomplete).toEqual([]);
  });
});
