import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { roundRatio, type RoundingRule } from "../../../src/stats/roundRatio";
import { isConsistent } from "../../../src/stats/consistency";

describe("isConsistent", () => {
  it("is exact at halves where floating point fails", () => {
    expect(isConsistent(19, 40, "48")).toBe(true); // 47.5 % exactly
    expect(isConsistent(19, 40, "47")).toBe(false);
    expect(isConsistent(19, 40, "47.5")).toBe(true);
    expect(isConsistent(5, 477, "1.05")).toBe(true); // 1.048218…
    expect(isConsistent(5, 477, "1.04")).toBe(false);
  });

  it("takes the decimals from the printed text unless they are given", () => {
    expect(isConsistent(658, 1000, "65.8")).toBe(true);
    expect(isConsistent(657, 1000, "65.8")).toBe(false);
    expect(isConsistent(658, 1000, "65,8 %")).toBe(true);
    expect(isConsistent(147, 202, "73", { decimals: 1 })).toBe(false); // 72.8, not 73.0
    expect(isConsistent(146, 200, "73", { decimals: 1 })).toBe(true); // 73.0 printed as "73"
    expect(() => isConsistent(658, 1000, "65.8", { decimals: 0 })).toThrow(/E_ARGUMENT: decimals/);
  });

  it("applies each rounding rule, and 'either' accepts any of them", () => {
    // 1/8 = 12.5 %: half-up 13, half-even 12, truncate 12
    expect(isConsistent(1, 8, "13", { rounding: "half-up" })).toBe(true);
    expect(isConsistent(1, 8, "12", { rounding: "half-up" })).toBe(false);
    expect(isConsistent(1, 8, "12", { rounding: "half-even" })).toBe(true);
    expect(isConsistent(7, 8, "87", { rounding: "truncate" })).toBe(true);
    expect(isConsistent(7, 8, "88", { rounding: "truncate" })).toBe(false);
    expect(isConsistent(7, 8, "87", { rounding: "either" })).toBe(true);
    expect(isConsistent(7, 8, "88", { rounding: "either" })).toBe(true);
    expect(isConsistent(7, 8, "86", { rounding: "either" })).toBe(false);
  });

  it("checks proportions printed on a scale of 1", () => {
    expect(isConsistent(147, 202, "0.73", { scale: 1 })).toBe(true);
    expect(isConsistent(147, 202, "0.728", { scale: 1 })).toBe(true);
  });

  it("judges every printed k/n consistent, under each rule (property)", () => {
    const rules: RoundingRule[] = ["half-up", "half-even", "truncate"];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.nat(5000),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...rules),
        (n, raw, decimals, rounding) => {
          const k = raw % (n + 1);
          const printed = roundRatio(k, n, { decimals, rounding });
          expect(isConsistent(k, n, printed, { rounding })).toBe(true);
          expect(isConsistent(k, n, printed, { rounding: "either" })).toBe(true);
        },
      ),
    );
  });

  it("rejects bad arguments with E_ARGUMENT naming them", () => {
    expect(() => isConsistent(1.5, 4, "38")).toThrow(/E_ARGUMENT: k/);
    expect(() => isConsistent(-1, 4, "0")).toThrow(/E_ARGUMENT: k/);
    expect(() => isConsistent(5, 4, "100")).toThrow(/E_ARGUMENT: k must not exceed n/);
    expect(() => isConsistent(1, 0, "100")).toThrow(/E_ARGUMENT: n/);
    expect(() => isConsistent(1, Number.NaN, "100")).toThrow(/E_ARGUMENT: n/);
    expect(() => isConsistent(1, 4, "about 25")).toThrow(/E_ARGUMENT: printed/);
    expect(() => isConsistent(1, 4, "25", { rounding: "up" as never })).toThrow(/E_ARGUMENT: rounding/);
    expect(() => isConsistent(1, 4, "25", { scale: 0 })).toThrow(/E_ARGUMENT: scale/);
    expect(() => isConsistent(1, 4, "25", { decimals: 16 })).toThrow(/E_ARGUMENT: decimals/);
  });
});
