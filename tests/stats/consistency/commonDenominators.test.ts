import { describe, expect, it } from "vitest";
import { commonDenominators } from "../../../src/stats/consistency";

// Moubarak et al., J Med Ethics 2011;37:101: "Among responders, 138 (99%) displayed their real name …"
const profileItems = [
  { printed: "99", count: 138 }, // real name
  { printed: "97", count: 136 }, // birthdate
  { printed: "91", count: 128 }, // photograph
  { printed: "59", count: 83 }, // university
  { printed: "55", count: 76 }, // position
];

describe("commonDenominators", () => {
  it("finds no base for all five Moubarak profile items, and 140 for four of five", () => {
    const result = commonDenominators(profileItems, { max: 147 });
    expect(result.all).toEqual([]);
    expect(result.allButOne).toEqual([{ n: 140, misfit: 4 }]); // 76/140 prints 54, not 55
  });

  it("finds 140 when the position item is left out", () => {
    expect(commonDenominators(profileItems.slice(0, 4), { max: 147 }).all).toEqual([140]);
  });

  it("finds the single base for Moubarak's six opinion items (hypothesis n = 184)", () => {
    const opinions = [
      { printed: "48", count: 88 },
      { printed: "76", count: 139 },
      { printed: "35", count: 65 },
      { printed: "6", count: 11 },
      { printed: "5", count: 9 },
      { printed: "1", count: 1 },
    ];
    expect(commonDenominators(opinions, { min: 139, max: 202 }).all).toEqual([184]);
  });

  it("uses figures without a count as 'some whole count prints so'", () => {
    // 61 % and 17 % of the Facebook users, counts not printed: both possible over 147
    const result = commonDenominators([{ printed: "61" }, { printed: "17" }], { min: 147, max: 147 });
    expect(result.all).toEqual([147]);
    // over 1 and 3 no whole count prints as 50 % (0, 100; 33, 67)
    expect(commonDenominators([{ printed: "50" }], { min: 1, max: 4 }).all).toEqual([2, 4]);
  });

  it("lists n below the largest count among those that fit all but that figure", () => {
    const result = commonDenominators([{ printed: "99", count: 138 }, { printed: "55", count: 76 }], { max: 147 });
    expect(result.all).toEqual([139]);
    expect(result.allButOne).toEqual([
      { n: 137, misfit: 0 },
      { n: 138, misfit: 0 },
      { n: 140, misfit: 1 },
    ]);
  });

  it("reports no all-but-one list for a single figure", () => {
    expect(commonDenominators([{ printed: "99", count: 138 }], { max: 147 })).toEqual({ all: [139, 140], allButOne: [] });
  });

  it("rejects bad arguments with E_ARGUMENT", () => {
    expect(() => commonDenominators([], { max: 10 })).toThrow(/E_ARGUMENT: figures/);
    expect(() => commonDenominators([{ printed: "5", count: -2 }], { max: 10 })).toThrow(/E_ARGUMENT: figures\[0\]\.count/);
    expect(() => commonDenominators([{ printed: "five" }], { max: 10 })).toThrow(/E_ARGUMENT: figures\[0\]\.printed/);
    expect(() => commonDenominators([{ printed: "5" }], { max: 0 })).toThrow(/E_ARGUMENT: max/);
  });
});
