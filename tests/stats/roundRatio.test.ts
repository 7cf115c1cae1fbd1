import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { roundRatio } from "../../src/stats/roundRatio";

describe("roundRatio", () => {
  it("rounds the rational exactly where floats fail", () => {
    expect((0.475).toFixed(2)).toBe("0.47"); // the trap
    expect(roundRatio(19, 40)).toBe("48");
    expect(roundRatio(19, 40, { scale: 1, decimals: 2 })).toBe("0.48");
    expect(roundRatio(5, 477, { decimals: 2 })).toBe("1.05");
  });

  it("reproduces the Moubarak abstract's printed figures", () => {
    expect(roundRatio(147, 202)).toBe("73");
    expect(roundRatio(152, 178)).toBe("85");
    expect(roundRatio(26, 178)).toBe("15");
    expect(roundRatio(138, 147)).toBe("94"); // not the printed 99: the base was not 147
  });

  it("applies each rounding rule at an exact half", () => {
    expect(roundRatio(1, 8, { decimals: 1 })).toBe("12.5");
    expect(roundRatio(1, 8)).toBe("13");
    expect(roundRatio(1, 8, { rounding: "half-even" })).toBe("12");
    expect(roundRatio(3, 8, { rounding: "half-even" })).toBe("38");
    expect(roundRatio(7, 8, { rounding: "truncate" })).toBe("87");
    expect(roundRatio(0, 178, { decimals: 1 })).toBe("0.0");
    expect(roundRatio(178, 178)).toBe("100");
  });

  it("agrees with a decimal reference away from exact halves", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(5000), fc.integer({ min: 0, max: 3 }), (n, raw, d) => {
        const k = raw % (n + 1);
        const exact = (k * 100) / n;
        const printed = Number(roundRatio(k, n, { decimals: d }));
        expect(Math.abs(printed - exact)).toBeLessThanOrEqual(0.5 * 10 ** -d + 1e-9);
      }),
    );
  });

  it("rejects arguments that are not counts", () => {
    expect(() => roundRatio(1.5, 4)).toThrow(/E_ARGUMENT: k/);
    expect(() => roundRatio(1, 0)).toThrow(/E_ARGUMENT: n/);
    expect(() => roundRatio(1, 4, { decimals: -1 })).toThrow(/decimals/);
  });
});
