import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { estimate, estimatesFromDesignTally, loadSurvey, tallyFile, type Codebook, type DesignSpec, type Question } from "../../src";
import { parseCsv } from "../../src/load";
import { designMean, replicateEstimates, replicateScales, type DesignEstimate } from "../../src/stats/design";
import { repoRoot } from "../paths";
import { expectClose, expectSvycipropRow } from "../reference/expectSvycipropRow";
import type { Numbers, ProportionReference } from "../reference/rSurveyReference";

/**
 * reference.json beside generate.R (R 4.2.2, survey 4.1-1): the design effect of a proportion where
 * R's `deff = TRUE` is Inf (no weights: the sample is its own population), NA (weights summing to
 * less than a group's rows) or negative (the same on a replicate design), beside finite ones.
 */
const folder = join(repoRoot, "tests", "reference", "r-survey-deff");
interface DeffReference extends ProportionReference {
  deff_replace: Numbers;
}
interface Case {
  design: string;
  data: string;
  question: string;
  category: string;
  by: string;
  groups: string[];
  whole: DeffReference;
  groupwise: DeffReference[];
  svyby_deff: Numbers;
}
const reference = JSON.parse(readFileSync(join(folder, "reference.json"), "utf8")) as { cases: Case[] };

const csvOf: Record<string, string> = {
  apiclus1: join(repoRoot, "tests", "reference", "r-survey-numeric", "apiclus1.csv"),
  apiclus2_rescaled: join(folder, "apiclus2_rescaled.csv"),
};
const replicates = { columns: { pattern: "^rw[0-9]+$" }, type: "JK1" } as const;
const designs: Record<string, DesignSpec> = {
  apiclus1_unweighted: { cluster: "dnum" },
  apiclus1_fpc: { cluster: "dnum", fpc: "fpc" },
  apiclus2_rescaled: { weights: "w", cluster: "dnum" },
  apiclus2_rescaled_jk1: { weights: "w", replicates },
};
const single = (id: string, values: string[]): Question => ({ id, type: "single", column: id, categories: values.map((v) => ({ code: v, label: v, values: [v] })) });
const questions = [single("awards", ["Yes", "No"]), single("stype", ["E", "H", "M"])];
const codebookOf = (c: Case): Codebook => ({ missing: [""], design: designs[c.design]!, questions });
const load = (c: Case) => loadSurvey(csvOf[c.data]!, { codebook: codebookOf(c) });

/** R's deff where it is a design effect (finite, not negative); null where svyprop leaves it out. */
const asRowDeff = (r: DeffReference): DeffReference => ({ ...r, deff: r.deff.map((d) => (d !== null && Number.isFinite(d) && d >= 0 ? d : null)) });

describe.each(reference.cases.map((c) => [`${c.design}: ${c.question} = ${c.category}`, c] as const))("%s", (_, c) => {
  it("R's svyby deff is the subset's svymean deff, the groupwise reference", () => {
    expect(c.svyby_deff).toEqual(c.groupwise.map((g) => g.deff[0]));
  });

  it("the Estimate row: proportion, SE, logit limits as R; deff as R's where it is finite and not negative, left out otherwise", async () => {
    const survey = await load(c);
    const whole = estimate(survey, c.question).find((row) => row.category === c.category);
    expectSvycipropRow(whole, asRowDeff(c.whole), 0, "logit", "whole");
    expect("deff" in whole!).toBe(asRowDeff(c.whole).deff[0] !== null);
    const byGroup = estimate(survey, c.question, { by: c.by });
    c.groups.forEach((group, g) => {
      const row = byGroup.find((r) => r.category === c.category && r.group?.[c.by] === group);
      expectSvycipropRow(row, asRowDeff(c.groupwise[g]!), 0, "logit", `${c.by} = ${group}`);
      expect("deff" in row!, `${c.by} = ${group}`).toBe(asRowDeff(c.groupwise[g]!).deff[0] !== null);
    });
  });

  // Replicate weights and an fpc without weights do not stream (tallyFile refuses them): no such test for those
  const streams = designs[c.design]!.replicates === undefined && designs[c.design]!.fpc === undefined;
  if (streams) it("the streamed design tally (the SQL path's too) leaves deff out where estimate() does", async () => {
    const { tallies, designTallies } = await tallyFile(csvOf[c.data]!, codebookOf(c), { designTallies: true });
    const streamed = estimatesFromDesignTally(tallies.get(c.question)!, designTallies!.get(c.question)!, c.question);
    const row = streamed.find((r) => r.category === c.category)!;
    expect("deff" in row).toBe(asRowDeff(c.whole).deff[0] !== null);
    expectClose(row.deff, asRowDeff(c.whole).deff[0], 1e-8, "streamed deff");
  });

  it("the design estimate: deff Infinity where R's is Inf, NaN where R's is NA or negative; deff = \"replace\" as R's", async () => {
    const table = parseCsv(readFileSync(csvOf[c.data]!, "utf8"));
    const column = (name: string) => table.rows.map((row) => row[table.header.indexOf(name)]!);
    const numbers = (name: string) => Float64Array.from(column(name), Number);
    const y = Float64Array.from(column(c.question), (v) => (v === c.category ? 1 : 0));
    const estimateOf = (domain: Uint8Array): DesignEstimate => {
      const spec = designs[c.design]!;
      if (spec.replicates) {
        const replicateColumns = table.header.filter((name) => /^rw[0-9]+$/.test(name)).map(numbers);
        const settings = { ...replicateScales({ type: "JK1", count: replicateColumns.length }), mse: false };
        return replicateEstimates({ weights: numbers("w"), replicates: replicateColumns, ...settings }, [y], domain, "mean")[0]!;
      }
      return designMean({
        y,
        domain,
        cluster: column("dnum"),
        ...(spec.weights ? { weights: numbers("w") } : {}),
        ...(spec.fpc ? { fpc: numbers("fpc") } : {}),
      });
    };
    const check = (e: DesignEstimate, r: DeffReference, where: string) => {
      const deff = r.deff[0]!;
      if (deff === Number.POSITIVE_INFINITY) expect(e.deff, `${where} deff`).toBe(Number.POSITIVE_INFINITY);
      else if (deff === null || deff < 0) expect(e.deff, `${where} deff, R ${deff}`).toBeNaN();
      else expectClose(e.deff, deff, 1e-8, `${where} deff`);
      expectClose(e.deffReplace, r.deff_replace[0], 1e-8, `${where} deff replace`);
    };
    check(estimateOf(Uint8Array.from(y, () => 1)), c.whole, "whole");
    c.groups.forEach((group, g) => check(estimateOf(Uint8Array.from(column(c.by), (v) => (v === group ? 1 : 0))), c.groupwise[g]!, `${c.by} = ${group}`));
  });
});

it("the reference holds each kind of design effect: Inf, NA, negative and finite", () => {
  const all = reference.cases.flatMap((c) => [c.whole, ...c.groupwise].map((r) => r.deff[0] ?? null));
  expect(all).toContain(Number.POSITIVE_INFINITY);
  expect(all).toContain(null);
  expect(all.some((d) => d !== null && d < 0)).toBe(true);
  expect(all.some((d) => d !== null && d > 0 && Number.isFinite(d))).toBe(true);
});
