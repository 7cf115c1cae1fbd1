import { describe, expect, it } from "vitest";
import { sortWeights, weightedQuantile } from "../../src";

describe("weightedQuantile (R survey qrule 'math')", () => {
  it("inverts the weighted CDF: x_k when the cumulative share reaches p exactly, else the next value", () => {
    const sorted = sortWeights([3, 1, 2, 4], [1, 1, 1, 1]);
    expect(weightedQuantile(sorted, 0.5)).toBe(2); // C = 2 = 0.5·4 exactly
    expect(weightedQuantile(sorted, 0.6)).toBe(3);
    expect(weightedQuantile(sorted, 1)).toBe(4);
  });

  it("takes the second value below the first cumulative share, as R's qs() does", () => {
    // R: last(cumw <= p·W) is 1 when no cumulative weight is that small; then wlow ≠ 0 gives x[2].
    expect(weightedQuantile(sortWeights([10, 20, 30], [5, 1, 1]), 0.1)).toBe(20);
  });

  it("leaves out rows with zero weight or outside the mask", () => {
    const sorted = sortWeights([1, 100, 2, 3], [1, 0, 1, 1], [1, 1, 1, 0]);
    expect(Array.from(sorted.values)).toEqual([1, 2]);
    expect(weightedQuantile(sorted, 1)).toBe(2);
  });

  it("refuses an empty sample and a p outside [0, 1]", () => {
    expect(() => weightedQuantile(sortWeights([1], [0]), 0.5)).toThrow(/no value with a positive weight/);
    expect(() => weightedQuantile(sortWeights([1], [1]), 1.5)).toThrow(/probability/);
  });
});
