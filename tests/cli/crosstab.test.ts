import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { repoRoot } from "../paths";
import { captureIO } from "./io";

const data = join(repoRoot, "data", "moubarak-2009");
const args = ["crosstab", join(data, "responses.csv"), "--codebook", join(data, "codebook.json"), "--rows", "facebook", "--cols", "position"];

describe("svyprop crosstab", () => {
  // R 4.2.2 on the shipped rows (120/40 residents, 27/15 fellows):
  // chisq.test(matrix(c(120, 27, 40, 15), 2)) and fisher.test(…)$p.value.
  it("prints the table and Pearson's test, as R chisq.test", async () => {
    const io = captureIO();
    expect(await runCli(args, io)).toBe(0);
    expect(io.out()).toMatch(/\| Has a Facebook profile \| Yes \| Resident \| 120 \/ 160 \|/);
    // the group is named by its label, not its code
    expect(io.out()).not.toMatch(/\| resident \|/);
    expect(io.out()).toContain("Pearson's chi-square: X² = 1.42 on 1 df, p = 0.233 (n = 202)");
    const json = captureIO();
    expect(await runCli([...args, "--json"], json)).toBe(0);
    const { test, estimates } = JSON.parse(json.out());
    expect(Math.abs(test.statistic - 1.4245686088288128)).toBeLessThan(1e-12);
    expect(Math.abs(test.pValue - 0.23265289376007486)).toBeLessThan(1e-12);
    expect(estimates).toHaveLength(4);
  });

  it("runs Fisher's exact test on request", async () => {
    const io = captureIO();
    expect(await runCli([...args, "--test", "fisher", "--json"], io)).toBe(0);
    expect(Math.abs(JSON.parse(io.out()).test.pValue - 0.17648416456660998)).toBeLessThan(1e-12);
  });

  // R 4.2.2: fisher.test(table(d$privacy_changed, d$position)) on the shipped rows
  it("runs Fisher's exact test on a 3 × 2 table, and a seeded Monte Carlo p-value on request", async () => {
    const rxc = ["crosstab", join(data, "responses.csv"), "--codebook", join(data, "codebook.json"), "--rows", "privacy_changed", "--cols", "position", "--test", "fisher"];
    const exact = captureIO();
    expect(await runCli([...rxc, "--json"], exact)).toBe(0);
    expect(Math.abs(JSON.parse(exact.out()).test.pValue - 0.95482670670137459)).toBeLessThan(1e-9);
    const simulated = captureIO();
    expect(await runCli([...rxc, "--simulate-p-value", "--replicates", "999", "--seed", "7"], simulated)).toBe(0);
    const line = simulated.out().split("\n").find((l) => l.startsWith("Fisher's exact test"))!;
    expect(line).toMatch(/^Fisher's exact test: p = 0\.9\d* \(n = 147, Monte Carlo p from 999 tables, seed 7\)$/);
    const usage = captureIO();
    expect(await runCli([...args, "--simulate-p-value"], usage)).toBe(2);
    expect(usage.err()).toContain("add --test fisher");
    const seedAlone = captureIO();
    expect(await runCli([...rxc, "--seed", "3"], seedAlone)).toBe(2);
    expect(seedAlone.err()).toContain("--replicates and --seed go with --simulate-p-value");
  });

  it("prints the column comparisons with letters, and every pair's test in JSON", async () => {
    const compare = ["crosstab", join(repoRoot, "tests/oracle/data/weighted_c_strat_cluster.csv"), "--codebook", join(repoRoot, "tests/fixtures/strat-cluster.codebook.json"), "--rows", "cat", "--cols", "group", "--compare-columns", "--quiet"];
    const io = captureIO();
    expect(await runCli(compare, io)).toBe(0);
    // R svyttest + p.adjust (tests/reference/column-comparisons): Apple 18–34 > 35–54, Cherry 35–54 > 18–34
    expect(io.out()).toContain("| cat | 18–34 (A) | 35–54 (B) | 55 and over (C) |");
    expect(io.out()).toContain("| Apple | 40% B | 13% | 28% |");
    expect(io.out()).toContain("| Cherry | 9% | 36% A | 27% |");
    expect(io.out()).toContain("design-based t-tests, Holm-adjusted within each row, α = 0.05");
    const json = captureIO();
    expect(await runCli([...compare, "--json", "--adjust", "bonferroni"], json)).toBe(0);
    const { columnComparisons } = JSON.parse(json.out());
    expect(columnComparisons.adjustment).toBe("bonferroni");
    expect(columnComparisons.pairs).toHaveLength(4 * 3);
    const french = captureIO();
    expect(await runCli([...compare, "--locale", "fr-FR"], french)).toBe(0);
    expect(french.out()).toContain("| Apple | 40\u202f% B | 13\u202f% | 28\u202f% |"); // narrow no-break space before %
    expect(french.out()).toContain("ajustement de Holm dans chaque ligne, α = 0,05");
    const bad = captureIO();
    expect(await runCli([...compare, "--adjust", "sidak"], bad)).toBe(2);
    expect(bad.err()).toContain("--adjust must be one of holm, bonferroni (got sidak)");
  });

  it("says what is wrong with a bad test or a missing question", async () => {
    const bad = captureIO();
    expect(await runCli([...args, "--test", "wald"], bad)).toBe(2);
    expect(bad.err()).toContain("--test must be one of pearson, fisher, F, Chisq (got wald)");
    const design = captureIO();
    expect(await runCli([...args, "--test", "F"], design)).toBe(2);
    expect(design.err()).toContain("simple random sample: use pearson or fisher");
    const missing = captureIO();
    expect(await runCli(["crosstab", join(data, "responses.csv"), "--codebook", join(data, "codebook.json"), "--rows", "facebook"], missing)).toBe(2);
    expect(missing.err()).toContain("svyprop crosstab: --cols is required\n");
  });

  it("streams with --stream (or a file over 32 MB): the same table, test, comparisons and report", async () => {
    const design = ["crosstab", join(repoRoot, "tests/oracle/data/weighted_c_strat_cluster.csv"), "--codebook", join(repoRoot, "tests/fixtures/strat-cluster.codebook.json"), "--rows", "cat", "--cols", "group", "--compare-columns"];
    for (const run of [[...args, "--test", "fisher"], design, [...design, "--test", "Chisq", "--locale", "fr-FR"]]) {
      const [read, streamed] = [captureIO(), captureIO()];
      expect(await runCli(run, read)).toBe(0);
      expect(await runCli([...run, "--stream"], streamed)).toBe(0);
      // the design's sums are added in another order: the printed figures agree
      expect(streamed.out()).toBe(read.out());
      expect(streamed.err()).toBe(read.err());
    }
    const tty = { ...captureIO(), isTTY: true };
    const progress: string[] = [];
    tty.stderr = (text) => progress.push(text);
    expect(await runCli([...args, "--stream"], tty)).toBe(0);
    expect(progress.join("")).toMatch(/\] 0\.0 \/ 0\.0 MB \(100 %\)/);
  });

  it("refuses --stream where the rows are needed, saying why", async () => {
    const io = captureIO();
    expect(await runCli([...args, "--stream", "--method", "xlogit"], io)).toBe(2);
    expect(io.err()).toContain("--stream cannot be used here: method xlogit on a simple random sample goes through the design path, which needs every row in memory; drop --stream");
  });
});
