import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ExitCode } from "../../src/cli/command";
import { commands } from "../../src/cli/commands";
import { closestWord } from "../../src/cli/didYouMean";
import { describeFailure } from "../../src/cli/failure";
import { runCli } from "../../src/cli/run";
import { repoRoot } from "../paths";
import { captureIO } from "./io";

const data = join(repoRoot, "data", "moubarak-2009");
const csv = join(data, "responses.csv");
const codebook = join(data, "codebook.json");

/** Runs svyprop in-process and returns its exit code and what it printed. */
async function svyprop(...args: string[]) {
  const io = captureIO();
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

/** A Node stack frame ("    at run (file.ts:12:3)"): never shown to a user. */
const STACK_FRAME = /^\s+at .+:\d+/m;

describe("one command-line grammar", () => {
  it("prints the package.json version with --version", async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
    const result = await svyprop("--version");
    expect(result).toEqual({ code: 0, out: `svyprop ${version}\n`, err: "" });
  });

  it("suggests the closest command for a typo", async () => {
    const result = await svyprop("estimat", csv);
    expect(result.code).toBe(ExitCode.usage);
    expect(result.err).toContain('unknown command "estimat"; did you mean "estimate"?');
    expect(closestWord("frobnicate", commands.map((c) => c.name))).toBeUndefined();
  });

  it("suggests the closest option for a typo, and shows the command's usage", async () => {
    const result = await svyprop("estimate", csv, "--codebok", codebook);
    expect(result.code).toBe(ExitCode.usage);
    expect(result.err).toContain("unknown option --codebok; did you mean --codebook?");
    expect(result.err).toContain("Usage: svyprop estimate FILE --codebook CODEBOOK");
  });

  it("accepts --quiet in every command (never Node's raw unknown-option message)", async () => {
    for (const { name } of commands) {
      const result = await svyprop(name, "--quiet");
      expect(result.err, name).not.toContain("Unknown option");
      expect(result.err, name).not.toContain("unknown option");
      expect(result.code, name).toBe(ExitCode.usage); // the required arguments are missing
    }
  });

  it("accepts --json, --method and --level wherever they mean something", async () => {
    const takes = (option: string) =>
      Promise.all(commands.map(async ({ name }) => [name, !(await svyprop(name, `--${option}`, "x")).err.includes(`unknown option --${option}`)] as const));
    expect(Object.fromEntries(await takes("json"))).toMatchObject({ estimate: true, crosstab: true, check: true });
    for (const option of ["method", "level"]) {
      expect(Object.fromEntries(await takes(option))).toMatchObject({ estimate: true, crosstab: true, chart: true, report: true, reproduce: true });
    }
  });

  it("says which option lacks its value, and that a switch takes none", async () => {
    const missing = await svyprop("estimate", csv, "--codebook", codebook, "--question");
    expect(missing.code).toBe(ExitCode.usage);
    expect(missing.err).toContain("--question needs a value");
    const swallowed = await svyprop("estimate", csv, "--codebook", "--json");
    expect(swallowed.code).toBe(ExitCode.usage);
    expect(swallowed.err).toContain('--codebook needs a value (the next word is the option "--json"');
    const switchValue = await svyprop("estimate", csv, "--codebook", codebook, "--quiet=yes");
    expect(switchValue.code).toBe(ExitCode.usage);
    expect(switchValue.err).toContain('--quiet is a switch and takes no value (got "yes")');
  });

  it("refuses an argument too many, and says how to give an option several values", async () => {
    const result = await svyprop("estimate", csv, "--codebook", codebook, "--question", "facebook", "position");
    expect(result.code).toBe(ExitCode.usage);
    expect(result.err).toContain('unexpected argument "position"');
    expect(result.err).toContain("repeat it (--question A --question B)");
  });

  it("names exactly the required arguments left out", async () => {
    const chart = await svyprop("chart", csv, "--codebook", codebook);
    expect(chart.code).toBe(ExitCode.usage);
    expect(chart.err).toContain("svyprop chart: --question and --out are required\n\nUsage: svyprop chart FILE");
    const check = await svyprop("check");
    expect(check.err).toContain("svyprop check: FILE is required\n");
  });

  it("suggests the closest question id for a typo", async () => {
    const result = await svyprop("chart", csv, "--codebook", codebook, "--question", "facebok", "--out", "x.svg");
    expect(result.code).toBe(ExitCode.badInput);
    expect(result.err).toContain('E_UNKNOWN_QUESTION: no question "facebok" in the codebook; did you mean "facebook"?');
  });

  it("reports a missing input file as E_IO naming it, exit 3, without a stack trace", async () => {
    const result = await svyprop("estimate", "missing.csv", "--codebook", codebook);
    expect(result.code).toBe(ExitCode.badInput);
    expect(result.err).toBe('svyprop estimate: E_IO: cannot read the file: no such file or folder (file "missing.csv")\n');
  });

  it("names an unexpected error as a bug, exit 70, with its stack only on request", () => {
    const failure = describeFailure(new RangeError("boom"), "estimate");
    expect(failure.exitCode).toBe(ExitCode.internal);
    expect(failure.message).toContain("internal error: boom");
    expect(failure.message).toContain("SVYPROP_DEBUG=1");
    expect(failure.message).not.toMatch(STACK_FRAME);
  });

  it("refuses a level whose interval would be infinite (NaN limits before), exit 2", async () => {
    const result = await svyprop("estimate", csv, "--codebook", codebook, "--question", "facebook", "--level", "0.9999999999999999", "--json");
    expect(result.code).toBe(ExitCode.usage);
    expect(result.out).toBe("");
    expect(result.err).toContain("E_ARGUMENT: level is too close to 1");
    const close = await svyprop("estimate", csv, "--codebook", codebook, "--question", "facebook", "--level", "0.9999999999999998", "--json");
    expect(close.code).toBe(0);
    const limits = (JSON.parse(close.out) as { estimates: Array<{ lower: number; upper: number }> }).estimates.flatMap((row) => [row.lower, row.upper]);
    expect(limits.every(Number.isFinite)).toBe(true);
  });

  it("explains a level written as a percentage", async () => {
    const result = await svyprop("estimate", csv, "--codebook", codebook, "--level", "95");
    expect(result.code).toBe(ExitCode.usage);
    expect(result.err).toContain('--level is a proportion: write 0.95 for 95 % (got "95")');
  });

  it("refuses an unknown locale the same way in every command that takes one", async () => {
    for (const args of [["chart", csv, "--codebook", codebook, "--question", "facebook", "--out", "x.svg"], ["report", csv, "--codebook", codebook, "--out", "x.md"], ["reproduce", "moubarak-2009", "--out", "x"]]) {
      const result = await svyprop(...args, "--locale", "fr_FR");
      expect(result.code, args[0]).toBe(ExitCode.usage);
      expect(result.err, args[0]).toContain('--locale must be en-US or fr-FR (got "fr_FR"); did you mean "fr-FR"?');
    }
  });
});
