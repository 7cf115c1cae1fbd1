import { describe, expect, it } from "vitest";
import { denominatorsFor } from "../../../src/stats/consistency";

describe("denominatorsFor", () => {
  it("finds the bases behind Moubarak's '138 (99 %)'", () => {
    expect(denominatorsFor("99", 138, { min: 138, max: 147 })).toEqual([139, 140]);
    expect(denominatorsFor("99", 138, { max: 147 })).toEqual([139, 140]); // min defaults to k
  });

  it("never returns n below k, and is empty when no n fits", () => {
    expect(denominatorsFor("100", 5, { min: 1, max: 7 })).toEqual([5]);
    expect(denominatorsFor("99", 138, { min: 141, max: 147 })).toEqual([]);
    expect(denominatorsFor("99", 138, { min: 1, max: 100 })).toEqual([]);
    expect(denominatorsFor("0", 0, { max: 3 })).toEqual([1, 2, 3]);
  });

  it("rejects bad ranges and counts with E_ARGUMENT", () => {
    expect(() => denominatorsFor("99", -1, { max: 10 })).toThrow(/E_ARGUMENT: k/);
    expect(() => denominatorsFor("99", 1, { min: 0, max: 10 })).toThrow(/E_ARGUMENT: min/);
    expect(() => denominatorsFor("99", 1, { min: 11, max: 10 })).toThrow(/E_ARGUMENT: min must not exceed max/);
    expect(() => denominatorsFor("99", 1, { max: 2.5 })).toThrow(/E_ARGUMENT: max/);
    expect(() => denominatorsFor("99", 1, {} as never)).toThrow(/E_ARGUMENT: max/);
    expect(() => denominatorsFor("99", 1, { max: 1e9 })).toThrow(/E_ARGUMENT: max makes a range/);
  });
});
