import { describe, expect, it } from "vitest";
import { parseCodebook } from "../../src/codebook";
import { tallyFromSql, tallyQuery } from "../../src/sql";

/** What a result cannot be trusted with is refused, naming the column: nothing is estimated from it silently. */
const codebook = parseCodebook({
  design: { weights: "w" },
  questions: [
    { id: "y", column: "y", type: "binary", positive: ["1"], negative: ["0"] },
    { id: "age", column: "age", type: "numeric" },
  ],
});
const row = (extra: Record<string, unknown>) => ({ question: "y", v1: "1", n: 3, sw: 6, sw2: 12, nw: 3, minw: 2, ...extra });

describe("tallyFromSql", () => {
  it("refuses rows without a weight, a negative weight, an empty count and an unknown question", () => {
    expect(() => tallyFromSql([row({ nw: 2 })], codebook)).toThrow(expect.objectContaining({ code: "E_BAD_WEIGHT", column: "w", message: expect.stringMatching(/1 row\(s\) have no weight/) }));
    expect(() => tallyFromSql([row({ minw: -0.5 })], codebook)).toThrow(expect.objectContaining({ code: "E_BAD_WEIGHT", value: "-0.5" }));
    expect(() => tallyFromSql([row({ n: "" })], codebook)).toThrow(expect.objectContaining({ code: "E_BAD_VALUE", column: "n" }));
    expect(() => tallyFromSql([row({ question: "z" })], codebook)).toThrow(expect.objectContaining({ code: "E_UNKNOWN_QUESTION" }));
  });

  it("reads column names in any case, as engines that upper-case them return them", () => {
    const upper = (v1: string, n: bigint) => ({ QUESTION: "y", V1: v1, N: n, SW: 6, SW2: 12, NW: n, MINW: 2 });
    const { tallies, report } = tallyFromSql([upper("1", 3n), upper("0", 1n)], codebook);
    expect(Array.from(tallies.get("y")!.counts)).toEqual([3, 1]);
    expect(report.rowsRead).toBe(4);
  });

  it("refuses numeric questions and replicate designs, which need the rows", () => {
    expect(() => tallyQuery(codebook, { questions: ["age"] })).toThrow(expect.objectContaining({ code: "E_ARGUMENT", message: expect.stringMatching(/numeric/) }));
    const replicated = parseCodebook({ ...codebook, design: { weights: "w", replicates: { columns: ["r1", "r2"], type: "JK1" } } });
    expect(() => tallyQuery(replicated)).toThrow(expect.objectContaining({ code: "E_ARGUMENT", path: "design.replicates" }));
  });
});
