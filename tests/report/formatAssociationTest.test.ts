import { describe, expect, it } from "vitest";
import { formatAssociationTest } from "../../src/report";

describe("formatAssociationTest", () => {
  const levels = { rowLevels: ["a", "b"], colLevels: ["x", "y"] };
  it("writes each test's statistic, df and p", () => {
    expect(formatAssociationTest({ method: "rao-scott-F", statistic: 2.60412, ndf: 3.3812, ddf: 37.193, pValue: 0.060234, n: 100, ...levels })).toBe(
      "Rao–Scott F: F = 2.6 on 3.38 and 37.2 df, p = 0.0602 (n = 100)",
    );
    expect(formatAssociationTest({ method: "rao-scott-chisq", statistic: 5.5478, df: 2, pValue: 0.0969, n: 75, ...levels })).toBe(
      "Rao–Scott chi-square: X² = 5.55 on 2 df, p = 0.0969 (n = 75)",
    );
    expect(formatAssociationTest({ method: "fisher", pValue: 0.00027, n: 24, ...levels })).toBe("Fisher's exact test: p < 0.001 (n = 24)");
  });
});
