import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run";
import { parseCsv } from "../../src/load";
import { fixtureCodebook, fixtureCsv } from "../bench/surveyFixture";
import { repoRoot } from "../paths";
import { captureIO } from "./io";

/**
 * `report` and `chart` give the same bytes whether the file is streamed (`--stream`, as every
 * file over 32 MiB is) or read whole: estimates, labels, numbers, and the validation report.
 * A design's variances are sums over strata and PSUs added in another order by the stream, so
 * their last digits may differ: there the printed (rounded) reports are the same bytes, and the
 * files with full-precision numbers (JSON, CSV, chart specs) the same text with numbers within 1e-12.
 */
let dir: string;
const files = { plain: "", design: "", csv: "", designCsv: "" };
const moubarak = join(repoRoot, "data", "moubarak-2009");

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "svyprop-report-engines-"));
  const { design, ...plain } = fixtureCodebook();
  files.csv = join(dir, "survey.csv");
  files.plain = join(dir, "plain.json");
  files.design = join(dir, "design.json");
  // Missing codes, bad values, ragged rows, skip-logic violations (q04 asked only after q01 = Oui), a multi-select.
  const text = fixtureCsv({ rows: 2000, seed: 11, problems: true, quotedNewlines: true });
  await writeFile(files.csv, text);
  // The design's file without its ragged rows: the two reading paths still differ on a ragged row's design cells.
  const { header, rows } = parseCsv(text);
  const field = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  files.designCsv = join(dir, "design.csv");
  await writeFile(files.designCsv, [header, ...rows.filter((row) => row.length === header.length)].map((row) => row.map(field).join(",")).join("\n"));
  await writeFile(files.plain, JSON.stringify(plain));
  await writeFile(files.design, JSON.stringify({ ...plain, design }));
});

/** A command's stdout, stderr and output file, run with the arguments and `extra`. */
async function run(args: string[], out: string, extra: string[]): Promise<{ code: number; out: string; err: string; file: string }> {
  const io = captureIO();
  const code = await runCli([...args, "--out", out, ...extra], io);
  return { code, out: io.out(), err: io.err(), file: code === 0 ? await readFile(out, "utf8") : "" };
}

const NUMBER = /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/g;

/** `actual` is `expected` but for numbers that differ by at most 1e-12 of their size. */
function expectSameUpToLastDigits(actual: string, expected: string): void {
  expect(actual.replace(NUMBER, "#")).toBe(expected.replace(NUMBER, "#"));
  const [a, b] = [actual.match(NUMBER) ?? [], expected.match(NUMBER) ?? []];
  a.forEach((text, i) => {
    const [x, y] = [Number(text), Number(b[i])];
    if (Math.abs(x - y) > 1e-12 * Math.max(1, Math.abs(y))) expect(text, `number ${i}`).toBe(b[i]);
  });
}

/**
 * The same command read whole and streamed: each writes its own file, then the bytes are
 * compared (with `digits` "last", numbers to 1e-12).
 */
async function bothEngines(args: string[], name: string, digits: "all" | "last" = "all"): Promise<void> {
  const whole = await run(args, join(dir, `whole-${name}`), []);
  const streamed = await run(args, join(dir, `streamed-${name}`), ["--stream"]);
  expect(whole.code, whole.err).toBe(0);
  expect(streamed.code, streamed.err).toBe(0);
  expect(whole.file.length).toBeGreaterThan(100);
  if (digits === "all") expect(streamed.file).toBe(whole.file);
  else expectSameUpToLastDigits(streamed.file, whole.file);
  expect(streamed.err).toBe(whole.err.replaceAll(`whole-${name}`, `streamed-${name}`));
  expect(streamed.out).toBe(whole.out.replaceAll(`whole-${name}`, `streamed-${name}`));
}

const cases = [
  { name: "Moubarak (filters, French labels)", design: false, args: () => ["report", join(moubarak, "responses.csv"), "--codebook", join(moubarak, "codebook.json"), "--locale", "fr-FR"] },
  { name: "generated, bad values, ragged rows and skip logic, French numbers", design: false, args: () => ["report", files.csv, "--codebook", files.plain, "--locale", "fr-FR", "--decimals", "1"] },
  { name: "generated with a design (weights, strata, clusters)", design: true, args: () => ["report", files.designCsv, "--codebook", files.design, "--method", "beta", "--decimals", "1"] },
];

describe("report: streamed or read whole, the same bytes", () => {
  for (const { name, design, args } of cases) {
    for (const format of ["md", "csv", "json"]) {
      it(`${name}: .${format}`, async () => bothEngines(args(), `report.${format}`, design && format !== "md" ? "last" : "all"));
    }
  }

  it("HTML (charts and tables), in French: simple random sample and design", async () => {
    const questions = ["q01", "q02", "q03", "q04", "q06", "q30"].flatMap((id) => ["--question", id]);
    await bothEngines(["report", files.csv, "--codebook", files.plain, "--locale", "fr-FR", ...questions], "report.html");
    await bothEngines(["report", files.designCsv, "--codebook", files.design, "--locale", "fr-FR", ...questions], "design.html");
  });
});

describe("chart: streamed or read whole, the same spec", () => {
  it.each([
    ["a filtered binary question, in French", ["--question", "q04", "--locale", "fr-FR"]],
    ["a single-choice question, stacked", ["--question", "q03", "--type", "stacked"]],
    ["a multi-select question", ["--question", "q30"]],
  ])("%s", async (_, options) => {
    await bothEngines(["chart", files.csv, "--codebook", files.plain, ...options], "chart.vl.json");
    await bothEngines(["chart", files.designCsv, "--codebook", files.design, ...options], "design.vl.json", "last");
  });

  it("split by a group: the same grouped bars", async () => {
    await bothEngines(["chart", files.csv, "--codebook", files.plain, "--question", "q03", "--by", "sex"], "by.vl.json");
    await bothEngines(["chart", files.designCsv, "--codebook", files.design, "--question", "q01", "--by", "sex"], "design-by.vl.json", "last");
  });

  it("keeps the rows where the chart needs them, and says why when asked to stream", async () => {
    const io = captureIO();
    expect(await runCli(["chart", files.csv, "--codebook", files.design, "--question", "q05", "--type", "mean", "--out", join(dir, "mean.svg"), "--stream"], io)).toBe(2);
    expect(io.err()).toContain("--stream cannot be used here: the mean of a Likert item's levels needs every row in memory; drop --stream");
  });
});
