import { readFileSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { repoRoot } from "../paths";
import { captureIO } from "./io";

/** R survey's apistrat sample and its R values (tests/reference/r-survey-numeric). */
const folder = join(repoRoot, "tests", "reference", "r-survey-numeric");
const csv = join(folder, "apistrat.csv");
const reference = (JSON.parse(readFileSync(join(folder, "reference.json"), "utf8")) as {
  cases: Array<{ design: string; variable: string; by?: string; mean: number[]; mean_lower: number[]; mean_upper: number[]; quantiles: number[]; quantile: number[] }>;
}).cases;
const codebook = join(mkdtempSync(join(tmpdir(), "svyprop-numeric-")), "codebook.json");
writeFileSync(
  codebook,
  JSON.stringify({
    missing: [""],
    design: { weights: "pw", strata: "stype", fpc: "fpc" },
    questions: [
      { id: "api00", type: "numeric", column: "api00", label: "API score", translations: { "fr-FR": { label: "Score API" } } },
      { id: "awards", type: "binary", column: "awards", positive: ["Yes"], negative: ["No"], translations: { "fr-FR": { categories: { yes: "Oui", no: "Non" } } } },
    ],
  }),
);
const r = reference.find((c) => c.design === "apistrat" && c.variable === "api00" && c.by === undefined)!;
const quartile = (p: number) => r.quantile[r.quantiles.indexOf(p)]!;

describe("svyprop estimate on a numeric question", () => {
  it("prints the weighted mean with its interval and the quartiles instead of refusing the question", async () => {
    const io = captureIO();
    expect(await runCli(["estimate", csv, "--codebook", codebook, "--question", "api00", "--quiet"], io)).toBe(0);
    const one = (x: number) => x.toFixed(1);
    expect(io.out()).toContain("| Question | unweighted n | weighted mean | 95% CI | Q1 | Median | Q3 |");
    expect(io.out()).toContain(
      `| API score | 200 | ${one(r.mean[0]!)} | ${one(r.mean_lower[0]!)}–${one(r.mean_upper[0]!)} | ${one(quartile(0.25))} | ${one(quartile(0.5))} | ${one(quartile(0.75))} |`,
    );
  });

  it("splits by a categorical question in French, and gives the rows in JSON", async () => {
    const io = captureIO();
    expect(await runCli(["estimate", csv, "--codebook", codebook, "--question", "api00", "--by", "awards", "--locale", "fr-FR", "--quiet"], io)).toBe(0);
    expect(io.out()).toContain("| Question | n non pondéré | moyenne pondérée | IC 95\u202f% | Q1 | Médiane | Q3 |");
    expect(io.out()).toMatch(/\| Score API \(Oui\) \| \d+ \| \d+,\d \|/);
    const json = captureIO();
    expect(await runCli(["estimate", csv, "--codebook", codebook, "--question", "api00", "--json"], json)).toBe(0);
    const parsed = JSON.parse(json.out()) as { means: Array<{ mean: number }>; quantiles: Array<{ quantile: number; estimate: number }> };
    expect(parsed.means[0]!.mean).toBeCloseTo(r.mean[0]!, 8);
    expect(parsed.quantiles.map((q) => q.estimate)).toEqual([0.25, 0.5, 0.75].map(quartile));
  });

  it("says why a numeric question cannot be streamed", async () => {
    const io = captureIO();
    expect(await runCli(["estimate", csv, "--codebook", codebook, "--question", "api00", "--stream"], io)).toBe(2);
    expect(io.err()).toContain("the mean and quartiles of a numeric question need every row in memory");
  });
});
