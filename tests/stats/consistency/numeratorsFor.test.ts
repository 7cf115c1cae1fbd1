import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { roundRatio, type RoundingRule } from "../../../src/stats/roundRatio";
import { type ConsistencyRounding, isConsistent, numeratorsFor } from "../../../src/stats/consistency";

describe("numeratorsFor", () => {
  it("lists every count that prints as the figure", () => {
    expect(numeratorsFor("61", 147)).toEqual([89, 90]); // Moubarak: 61 % of 147 users
    expect(numeratorsFor("17", 147)).toEqual([25]);
    expect(numeratorsFor("0", 178)).toEqual([0]);
    expect(numeratorsFor("100", 178)).toEqual([178]);
    expect(numeratorsFor("50", 1)).toEqual([]); // impossible over n = 1
    expect(numeratorsFor("101", 10)).toEqual([]);
    expect(numeratorsFor("12", 8, { rounding: "either" })).toEqual([1]);
  });

  it("agrees with a scan of every k from 0 to n, under each rule and 'either'", () => {
    const roundings: ConsistencyRounding[] = ["half-up", "half-even", "truncate", "either"];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1 }),
        fc.constantFrom(...roundings),
        (n, whole, decimals, rounding) => {
          const printed = decimals === 0 ? String(whole % 101) : `${whole % 101}.${whole % 10}`;
          const scanned = Array.from({ length: n + 1 }, (_, k) => k).filter((k) => isConsistent(k, n, printed, { rounding }));
          expect(numeratorsFor(printed, n, { rounding })).toEqual(scanned);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("contains k for the printed k/n under each rule (property)", () => {
    const rules: RoundingRule[] = ["half-up", "half-even", "truncate"];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.nat(100_000),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(...rules),
        (n, raw, decimals, rounding) => {
          const k = raw % (n + 1);
          const printed = roundRatio(k, n, { decimals, rounding });
          expect(numeratorsFor(printed, n, { rounding })).toContain(k);
        },
      ),
    );
  });

  it("rejects bad arguments with E_ARGUMENT", () => {
    expect(() => numeratorsFor("50", 0)).toThrow(/E_ARGUMENT: n/);
    expect(() => numeratorsFor("fifty", 10)).toThrow(/E_ARGUMENT: printed/);
  });
});
