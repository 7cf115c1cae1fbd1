import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { oracleData } from "../paths";
import { calibrationCases, populationOf } from "../reference/r-survey/reference";
import { captureIO } from "./io";

/** `svyprop estimate` on designs: calibration named in the codebook, and --lonely-psu. */
const raked = calibrationCases.find((c) => c.dataset === "a_unequal" && c.calibration === "rake(group, cat)")!;
const binary = (id: string) => ({ id, column: id, type: "binary", positive: ["1"], negative: ["0"] });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "svyprop-cli-design-"));
});

async function codebookFile(name: string, json: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(json));
  return file;
}

describe("svyprop estimate with a calibrated design", () => {
  const rakeCodebook = (maxIterations?: number) => ({
    design: {
      weights: "w",
      calibration: {
        method: "rake",
        margins: [
          { column: "group", population: populationOf(raked.group_levels, raked.group_counts) },
          { column: "cat", population: populationOf(raked.cat_levels, raked.cat_counts) },
        ],
        ...(maxIterations === undefined ? {} : { maxIterations }),
      },
    },
    questions: [binary("y1")],
  });

  it("gives R's raked estimate and reports the raking in the JSON", async () => {
    const io = captureIO();
    const cb = await codebookFile("raked.json", rakeCodebook());
    expect(await runCli(["estimate", oracleData("weighted_a_unequal.csv"), "--codebook", cb, "--json"], io)).toBe(0);
    const { estimates, calibration } = JSON.parse(io.out());
    const yes = estimates.find((row: { category: string }) => row.category === "yes");
    expect(Math.abs(yes.proportion - raked.mean[0])).toBeLessThan(1e-9);
    expect(Math.abs(yes.lower - raked.logit_lower[0])).toBeLessThan(1e-6);
    expect(Math.abs(yes.upper - raked.logit_upper[0])).toBeLessThan(1e-6);
    expect(calibration).toMatchObject({ method: "rake", margins: ["group", "cat"], converged: true });
    expect(calibration.iterations).toBeGreaterThan(1);
  });

  it("says on stderr whether the raking converged, even with --quiet when it did not", async () => {
    const converged = captureIO();
    const cb = await codebookFile("raked.json", rakeCodebook());
    expect(await runCli(["estimate", oracleData("weighted_a_unequal.csv"), "--codebook", cb], converged)).toBe(0);
    expect(converged.err()).toMatch(/Raked on group, cat: converged after \d+ cycles/);
    const stopped = captureIO();
    const once = await codebookFile("raked-once.json", rakeCodebook(1));
    expect(await runCli(["estimate", oracleData("weighted_a_unequal.csv"), "--codebook", once, "--quiet"], stopped)).toBe(0);
    expect(stopped.err()).toMatch(/Raked on group, cat: NOT converged after 1 cycle; .*maxIterations/);
  });

  it("names the row, column and value of a respondent outside every population cell", async () => {
    const io = captureIO();
    const codebook = rakeCodebook();
    const population = codebook.design.calibration.margins[0]!.population as Record<string, number>;
    population.g1! += population.g2!; // same total, but no count for g2
    delete population.g2;
    const cb = await codebookFile("missing-cell.json", codebook);
    expect(await runCli(["estimate", oracleData("weighted_a_unequal.csv"), "--codebook", cb], io)).not.toBe(0);
    expect(io.err()).toMatch(/E_BAD_VALUE/);
    expect(io.err()).toMatch(/row 5/);
    expect(io.err()).toMatch(/group/);
    expect(io.err()).toMatch(/g2/);
  });
});

describe("svyprop estimate --lonely-psu", () => {
  // Stratum B has a single PSU.
  const rows = ["stratum,psu,w,y", "A,1,10,1", "A,1,10,0", "A,2,12,1", "A,2,12,1", "B,3,8,0", "B,3,8,1"];
  const codebook = { design: { weights: "w", strata: "stratum", cluster: "psu" }, questions: [binary("y")] };

  it("fails by default, as R, naming the stratum; adjust centres it on the grand mean", async () => {
    const csv = join(dir, "lonely.csv");
    await writeFile(csv, `${rows.join("\n")}\n`);
    const cb = await codebookFile("lonely.json", codebook);
    const failing = captureIO();
    expect(await runCli(["estimate", csv, "--codebook", cb], failing)).not.toBe(0);
    expect(failing.err()).toMatch(/E_LONELY_PSU/);
    expect(failing.err()).toMatch(/--lonely-psu|lonelyPsu/);
    const adjusted = captureIO();
    expect(await runCli(["estimate", csv, "--codebook", cb, "--lonely-psu", "adjust", "--json"], adjusted)).toBe(0);
    const { estimates } = JSON.parse(adjusted.out());
    expect(estimates[0].se).toBeGreaterThan(0);
    const certainty = captureIO();
    expect(await runCli(["estimate", csv, "--codebook", cb, "--lonely-psu", "certainty", "--json"], certainty)).toBe(0);
    expect(JSON.parse(certainty.out()).estimates[0].se).toBeLessThan(estimates[0].se);
  });

  it("refuses an unknown mode", async () => {
    const io = captureIO();
    const cb = await codebookFile("lonely.json", codebook);
    expect(await runCli(["estimate", oracleData("weighted_a_unequal.csv"), "--codebook", cb, "--lonely-psu", "ignore"], io)).not.toBe(0);
    expect(io.err()).toMatch(/--lonely-psu must be one of fail, certainty, remove, adjust, average \(got ignore\)/);
  });
});

describe("svyprop estimate --stream with a design", () => {
  const codebook = {
    design: { weights: "w", strata: "stratum", cluster: "psu" },
    questions: [binary("y1"), { id: "cat", column: "cat", type: "single", categories: ["A", "B", "C", "D"].map((c) => ({ code: c, label: c, values: [c] })) }],
  };

  it("gives the rows of the file read whole", async () => {
    const cb = await codebookFile("clustered.json", codebook);
    const args = ["estimate", oracleData("weighted_c_strat_cluster.csv"), "--codebook", cb, "--method", "beta", "--json"];
    const whole = captureIO();
    const streamed = captureIO();
    expect(await runCli(args, whole)).toBe(0);
    expect(await runCli([...args, "--stream"], streamed)).toBe(0);
    const rows = (io: ReturnType<typeof captureIO>) => (JSON.parse(io.out()) as { estimates: Array<Record<string, number>> }).estimates;
    const [a, b] = [rows(streamed), rows(whole)];
    expect(a).toHaveLength(6);
    a.forEach((row, i) => {
      for (const key of ["proportion", "se", "lower", "upper", "count", "base"]) expect(Math.abs(row[key]! - b[i]![key]!)).toBeLessThan(1e-12);
    });
  });

  it("refuses --stream where the rows are needed, saying why", async () => {
    const cb = await codebookFile("clustered.json", codebook);
    const io = captureIO();
    expect(await runCli(["estimate", oracleData("weighted_c_strat_cluster.csv"), "--codebook", cb, "--method", "likelihood", "--stream"], io)).toBe(2);
    expect(io.err()).toContain('--stream cannot be used here: the "likelihood" interval needs every row in memory');
  });
});
