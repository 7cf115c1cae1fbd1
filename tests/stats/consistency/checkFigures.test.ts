import { describe, expect, it } from "vitest";
import { checkFigures } from "../../../src/stats/consistency";

describe("checkFigures", () => {
  it("gives each kind of verdict", () => {
    const verdicts = checkFigures(
      [
        { label: "Facebook profile", count: 147, base: 202, printed: "73" },
        { label: "Real name", count: 138, printed: "99" },
        { label: "Real name over the 147 users", count: 138, base: 147, printed: "99" },
        { label: "Privacy changed", base: 147, printed: "61" },
        { label: "One decimal over 7", base: 7, printed: "50.0" },
        { label: "Half of one", count: 1, printed: "50" },
      ],
      { max: 147 },
    );
    expect(verdicts).toEqual([
      { label: "Facebook profile", count: 147, base: 202, printed: "73", verdict: "reproduced", computed: "73" },
      { label: "Real name", count: 138, printed: "99", verdict: "possible", denominatorRuns: [{ from: 139, to: 140 }], denominators: [139, 140] },
      {
        label: "Real name over the 147 users",
        count: 138,
        base: 147,
        printed: "99",
        verdict: "count-mismatch",
        computed: "94",
        denominatorRuns: [{ from: 139, to: 140 }],
        denominators: [139, 140],
      },
      { label: "Privacy changed", base: 147, printed: "61", verdict: "possible", numeratorRuns: [{ from: 89, to: 90 }], numerators: [89, 90] },
      { label: "One decimal over 7", base: 7, printed: "50.0", verdict: "impossible", numeratorRuns: [], numerators: [] },
      { label: "Half of one", count: 1, printed: "50", verdict: "possible", denominatorRuns: [{ from: 2, to: 2 }], denominators: [2] },
    ]);
  });

  it("reports a figure no n in range can give as impossible", () => {
    const [verdict] = checkFigures([{ label: "x", count: 138, printed: "99" }], { min: 1, max: 138 });
    expect(verdict).toMatchObject({ verdict: "impossible", denominators: [] });
  });

  it("honours the rounding rule", () => {
    const figure = { label: "1 of 8", count: 1, base: 8, printed: "12" };
    expect(checkFigures([figure])[0]?.verdict).toBe("count-mismatch");
    expect(checkFigures([figure], { rounding: "half-even" })[0]).toMatchObject({ verdict: "reproduced", computed: "12" });
    expect(checkFigures([figure], { rounding: "either" })[0]).toMatchObject({ verdict: "reproduced", computed: "13" });
  });

  it("keeps only the figure's own fields", () => {
    const input = { label: "a", count: 1, base: 2, printed: "50", note: "extra" };
    expect(checkFigures([input])[0]).not.toHaveProperty("note");
  });

  it("rejects malformed figures with E_ARGUMENT naming the index", () => {
    expect(() => checkFigures([{ label: "a", count: 3, base: 2, printed: "50" }])).toThrow(/E_ARGUMENT: figures\[0\]\.count must not exceed/);
    expect(() => checkFigures([{ label: "a", base: 0, printed: "50" }])).toThrow(/E_ARGUMENT: figures\[0\]\.base/);
    expect(() => checkFigures([{ printed: "50" } as never])).toThrow(/E_ARGUMENT: figures\[0\]\.label/);
    expect(() => checkFigures([{ label: "a", printed: "half" }])).toThrow(/E_ARGUMENT: figures\[0\]\.printed/);
    expect(() => checkFigures([], { max: 0 })).toThrow(/E_ARGUMENT: max/);
    expect(() => checkFigures("x" as never)).toThrow(/E_ARGUMENT: figures/);
  });
});
