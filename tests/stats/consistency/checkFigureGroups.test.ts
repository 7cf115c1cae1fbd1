import { describe, expect, it } from "vitest";
import { checkFigureGroups } from "../../../src/stats/consistency";

const chretien = [
  { label: "None", count: 6, base: 47, printed: "13", group: "past year" },
  { label: "Fewer than 5", count: 36, base: 47, printed: "78", group: "past year" },
  { label: "Ungrouped", count: 28, base: 73, printed: "38" },
  { label: "5 to 15", count: 3, base: 47, printed: "7", group: "past year" },
  { label: "Unknown", count: 1, base: 47, printed: "2", group: "past year" },
];

describe("checkFigureGroups", () => {
  it("sums each group's counts against its base, ignoring ungrouped figures", () => {
    const [group, ...others] = checkFigureGroups(chretien);
    expect(others).toEqual([]);
    expect(group?.group).toBe("past year");
    expect(group?.labels).toEqual(["None", "Fewer than 5", "5 to 15", "Unknown"]);
    expect(group?.partition).toMatchObject({ sum: 46, base: 47, sumsToBase: false, printedFitBase: false, printedFitSum: true });
  });

  it("returns nothing when no figure is grouped", () => {
    expect(checkFigureGroups([{ label: "a", printed: "50" }])).toEqual([]);
  });

  it("rejects grouped figures without a count or with another base", () => {
    expect(() => checkFigureGroups([{ label: "a", base: 4, printed: "50", group: "g" }])).toThrow(/E_ARGUMENT: figures\[0\] is in group "g"/);
    expect(() =>
      checkFigureGroups([
        { label: "a", count: 1, base: 4, printed: "25", group: "g" },
        { label: "b", count: 3, base: 5, printed: "60", group: "g" },
      ]),
    ).toThrow(/E_ARGUMENT: figures\[1\]\.base differs from the base 4/);
  });
});
