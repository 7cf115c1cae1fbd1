import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ExitCode } from "../../src/cli/command";
import { runCli } from "../../src/cli/run";
import { captureIO } from "./io";

const QUESTION = { id: "q", column: "q", type: "binary", positive: ["yes"], negative: ["no"] };
let dir: string;

/** Writes a three-respondent file with weight column `w` and a codebook with `design`; returns their paths. */
async function fixture(name: string, weights: string[], design: object): Promise<[string, string]> {
  const csv = join(dir, `${name}.csv`);
  const codebook = join(dir, `${name}.json`);
  await writeFile(csv, `id,w,q\n${weights.map((w, i) => `${i + 1},${w},${i % 2 === 0 ? "yes" : "no"}`).join("\n")}\n`);
  await writeFile(codebook, JSON.stringify({ design, questions: [QUESTION] }));
  return [csv, codebook];
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "svyprop-input-errors-"));
});

/** Data problems are bad input (exit 3, the column or codebook field named), in memory and streamed alike; they were E_ARGUMENT, exit 2. */
describe.each([[[]], [["--stream"]]])("estimate %j: data problems are input errors", (extra: string[]) => {
  async function estimate(csv: string, codebook: string) {
    const io = captureIO();
    const code = await runCli(["estimate", csv, "--codebook", codebook, ...extra], io);
    return { code, err: io.err(), out: io.out() };
  }

  it("every weight zero", async () => {
    const result = await estimate(...(await fixture("zero", ["0", "0", "0"], { weights: "w" })));
    expect(result.code).toBe(ExitCode.badInput);
    expect(result.err).toBe('svyprop estimate: E_BAD_WEIGHT: every weight is zero: nothing can be estimated (column "w")\n');
  });

  it("weights whose sum overflows (1e308, written out: weights are plain decimals)", async () => {
    const huge = `1${"0".repeat(308)}`;
    const result = await estimate(...(await fixture("huge", [huge, huge, "1"], { weights: "w" })));
    expect(result.code).toBe(ExitCode.badInput);
    expect(result.err).toContain('E_BAD_WEIGHT: the weights are too large');
    expect(result.err).toContain('(column "w")');
    expect(result.out).not.toContain("NaN");
  });

  it("a population size below the number of respondents", async () => {
    const result = await estimate(...(await fixture("population", ["1", "1", "1"], { populationSize: 2 })));
    expect(result.code).toBe(ExitCode.badInput);
    expect(result.err).toBe('svyprop estimate: E_FPC: the population size is smaller than the 3 respondents read (value "2", at design.populationSize)\n');
  });
});
