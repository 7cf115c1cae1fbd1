import { describe, expect, it } from "vitest";
import { parseCodebook, streamableDesign, type DesignSpec } from "../../../src";
import { designMean, designWeights } from "../../../src/stats/design";
import { surveyErrorOf } from "../../surveyErrorOf";

/** Two strata of PSUs (N1 = 4 each), two to three households sampled within each (of N2). */
const strata = ["a", "a", "a", "a", "b", "b", "b", "b"];
const cluster = ["p1", "p1", "p2", "p2", "p3", "p3", "p3", "p4"];
const household = ["1", "2", "1", "2", "1", "2", "3", "1"];
const y = [1, 0, 1, 1, 0, 0, 1, 1];
const names = { strata: "region", cluster: "village", stages: [{ cluster: "household", fpc: "N2" }] };
const design = (N2: number[]) => ({ strata, cluster, fpc: 4, stages: [{ cluster: household, fpc: N2 }], names });

describe("multistage design errors name the unit, its row and column", () => {
  it("a unit with one household sampled of several is lonely at stage 2 (E_LONELY_PSU), unless lonelyPsu says otherwise", () => {
    const error = surveyErrorOf(() => designMean({ ...design([5, 5, 5, 5, 6, 6, 6, 3]), y }));
    expect(error.code).toBe("E_LONELY_PSU");
    expect(error.message).toMatch(/unit "p4" has only one unit sampled within it at stage 2/);
    expect([error.row, error.column]).toEqual([9, "household"]);
    // certainty: p4 adds nothing at stage 2, as a village whose one household is all there is (N2 = 1)
    const certain = designMean({ ...design([5, 5, 5, 5, 6, 6, 6, 3]), y, lonelyPsu: "certainty" });
    const census = designMean({ ...design([5, 5, 5, 5, 6, 6, 6, 1]), y, weights: designWeights(design([5, 5, 5, 5, 6, 6, 6, 3]), 8)! });
    expect(certain.variance).toBeCloseTo(census.variance, 15);
  });

  it("a stage-2 fpc that varies within its unit, or is below its sampled units, is E_FPC", () => {
    const varies = surveyErrorOf(() => designMean({ ...design([5, 6, 5, 5, 6, 6, 6, 1]), y }));
    expect([varies.code, varies.row, varies.column]).toEqual(["E_FPC", 3, "N2"]);
    const small = surveyErrorOf(() => designMean({ ...design([5, 5, 5, 5, 2, 2, 2, 1]), y }));
    expect([small.code, small.row, small.column]).toEqual(["E_FPC", 6, "N2"]);
    expect(small.message).toMatch(/smaller than its 3 units sampled at stage 2/);
  });

  it("weights from the fpc multiply each stage's N/n", () => {
    expect(Array.from(designWeights(design([5, 5, 4, 4, 6, 6, 6, 1]), 8)!)).toEqual([5, 5, 4, 4, 4, 4, 4, 2]);
  });
});

describe("the codebook's stages", () => {
  const codebook = (design: object) => () => parseCodebook({ design, questions: [{ id: "q", column: "q", type: "binary", positive: ["1"], negative: ["0"] }] });
  it.each([
    ["fpc with fewer stages than cluster", { cluster: ["a", "b"], fpc: ["N1"] }, "design.fpc"],
    ["fpc as one column beside stages", { cluster: ["a", "b"], fpc: "N1" }, "design.fpc"],
    ["stages of fpc without cluster stages", { cluster: "a", fpc: ["N1", "N2"] }, "design.fpc"],
    ["an empty cluster array", { cluster: [] }, "design.cluster"],
    ["an empty stage name", { cluster: ["a", ""] }, "design.cluster[1]"],
  ])("refuse %s (E_CODEBOOK at its path)", (_, design, path) => {
    const error = surveyErrorOf(codebook(design));
    expect([error.code, error.path]).toEqual(["E_CODEBOOK", path]);
  });

  it("accept one entry a stage, and do not stream a multistage design", () => {
    const design: DesignSpec = { strata: "s", cluster: ["a", "b"], fpc: ["N1", 12] };
    expect(codebook(design)).not.toThrow();
    expect(streamableDesign(design)).toBe(false);
    expect(streamableDesign({ weights: "w", cluster: ["a"] })).toBe(true);
  });
});
