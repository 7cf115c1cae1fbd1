import { describe, expect, it } from "vitest";
import { checkPartition } from "../../../src/stats/consistency";

describe("checkPartition", () => {
  it("shows that Chretien's past-year breakdown was computed on 46, not the printed 47", () => {
    const check = checkPartition([6, 36, 3, 1], 47, ["13", "78", "7", "2"]);
    expect(check.sum).toBe(46);
    expect(check.sumsToBase).toBe(false);
    expect(check.printedFitBase).toBe(false);
    expect(check.printedFitSum).toBe(true);
    expect(check.categories.map((c) => c.fitsBase)).toEqual([true, false, false, true]);
    expect(check.categories.map((c) => c.fitsSum)).toEqual([true, true, true, true]);
  });

  it("passes Moubarak's friend-request item: 152 + 26 + 0 = 178", () => {
    const check = checkPartition([152, 26, 0], 178, ["85", "15", undefined]);
    expect(check).toMatchObject({ sum: 178, sumsToBase: true, printedFitBase: true, printedFitSum: true });
    expect(check.categories[2]).toEqual({ count: 0 });
  });

  it("checks the sum alone when no percentages are given", () => {
    expect(checkPartition([160, 42], 202)).toEqual({
      sum: 202,
      base: 202,
      sumsToBase: true,
      categories: [{ count: 160 }, { count: 42 }],
    });
  });

  it("judges a count larger than the base as not fitting, without throwing", () => {
    const check = checkPartition([5, 0], 4, ["100", "0"]);
    expect(check.categories.map((c) => c.fitsBase)).toEqual([false, true]);
    expect(check.printedFitSum).toBe(true);
  });

  it("rejects bad arguments with E_ARGUMENT", () => {
    expect(() => checkPartition([], 10)).toThrow(/E_ARGUMENT: counts/);
    expect(() => checkPartition([1, 2.5], 10)).toThrow(/E_ARGUMENT: counts\[1\]/);
    expect(() => checkPartition([1, 2], 0)).toThrow(/E_ARGUMENT: base/);
    expect(() => checkPartition([1, 2], 3, ["33"])).toThrow(/E_ARGUMENT: printed/);
  });
});
