import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ExitCode } from "../../src/cli/command";
import { commands } from "../../src/cli/commands";
import { runCli } from "../../src/cli/run";
import { captureIO } from "./io";

/**
 * The README's exit-code table, held for every command: 0 success, 1 a failed check, 2 bad usage
 * (`E_ARGUMENT`, an unknown option), 3 bad input (data, codebook, a file that cannot be read or
 * written), each with the message that says why. A command added without its cases fails here.
 */
let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "svyprop-exit-codes-"));
  const question = { id: "q", column: "q", type: "binary", positive: ["yes"], negative: ["no"] };
  await writeFile(file("ok.csv"), "q,w\nyes,1\nno,1\nyes,1\n");
  await writeFile(file("open-quote.csv"), 'q,w\n"yes,1\nno,1\n');
  await writeFile(file("codebook.json"), JSON.stringify({ questions: [question] }));
  await writeFile(file("wrong-column.json"), JSON.stringify({ questions: [{ ...question, column: "missing" }] }));
  await writeFile(file("figures-ok.csv"), "label,count,base,printed\nTwo thirds,2,3,67\n");
  await writeFile(file("figures-impossible.csv"), "label,count,base,printed\nTwo thirds,2,3,70\n");
  await writeFile(file("figures-unreadable.csv"), "label,count\nno printed column,2\n");
  await writeFile(file("a-file"), "not a folder\n");
  await writeFile(file("not-json.json"), '{"questions": [');
});

type Case = [expected: number, args: () => string[], message: string];

const survey = () => [file("ok.csv"), "--codebook", file("codebook.json")];
const wrongColumn = () => [file("ok.csv"), "--codebook", file("wrong-column.json")];

const cases: Record<string, Case[]> = {
  reproduce: [
    [ExitCode.usage, () => ["reproduce", "--bogus"], "unknown option --bogus"],
    [ExitCode.usage, () => ["reproduce", "no-such-dataset", "--out", file("out")], 'E_ARGUMENT: no shipped dataset named "no-such-dataset"'],
    [ExitCode.badInput, () => ["reproduce", "moubarak-2009", "--out", file("a-file")], "E_IO"],
  ],
  estimate: [
    [ExitCode.ok, () => ["estimate", ...survey()], "3 rows read"],
    [ExitCode.usage, () => ["estimate", ...survey(), "--level", "2"], "--level is a proportion"],
    [ExitCode.badInput, () => ["estimate", file("open-quote.csv"), "--codebook", file("codebook.json")], "E_CSV_PARSE"],
    [ExitCode.badInput, () => ["estimate", file("open-quote.csv"), "--codebook", file("codebook.json"), "--stream"], "E_CSV_PARSE"],
    [ExitCode.badInput, () => ["estimate", file("no-such.csv"), "--codebook", file("codebook.json")], "E_IO"],
  ],
  crosstab: [
    [ExitCode.usage, () => ["crosstab", ...survey(), "--bogus"], "unknown option --bogus"],
    [ExitCode.badInput, () => ["crosstab", ...wrongColumn(), "--rows", "q", "--cols", "q"], "E_CODEBOOK"],
    [ExitCode.badInput, () => ["crosstab", file("open-quote.csv"), "--codebook", file("codebook.json"), "--rows", "q", "--cols", "q", "--stream"], "E_CSV_PARSE"],
    [ExitCode.usage, () => ["crosstab", ...survey(), "--rows", "q", "--cols", "q", "--stream", "--method", "beta"], "--stream cannot be used here"],
  ],
  chart: [
    [ExitCode.usage, () => ["chart", ...survey(), "--bogus"], "unknown option --bogus"],
    [ExitCode.badInput, () => ["chart", ...wrongColumn(), "--question", "q", "--out", file("chart.svg")], "E_CODEBOOK"],
  ],
  report: [
    [ExitCode.usage, () => ["report", ...survey(), "--bogus"], "unknown option --bogus"],
    [ExitCode.badInput, () => ["report", ...wrongColumn(), "--out", file("report.md")], "E_CODEBOOK"],
    [ExitCode.badInput, () => ["report", ...survey(), "--out", join(file("a-file"), "report.md")], "E_IO"],
  ],
  slides: [
    [ExitCode.usage, () => ["slides", ...survey(), "--bogus"], "unknown option --bogus"],
    [ExitCode.badInput, () => ["slides", ...wrongColumn(), "--out", file("deck.pptx")], "E_CODEBOOK"],
  ],
  check: [
    [ExitCode.ok, () => ["check", file("figures-ok.csv")], "reproduced"],
    [ExitCode.failedCheck, () => ["check", file("figures-impossible.csv")], "prints 67 %, not 70 %"],
    [ExitCode.usage, () => ["check", file("figures-ok.csv"), "--bogus"], "unknown option --bogus"],
    [ExitCode.badInput, () => ["check", file("figures-unreadable.csv")], "E_CSV_PARSE"],
  ],
  sql: [
    [ExitCode.ok, () => ["sql", "--codebook", file("codebook.json")], 'FROM "survey"'],
    [ExitCode.usage, () => ["sql", "--codebook", file("codebook.json"), "--dialect", "oracle"], "dialect must be one of"],
    [ExitCode.badInput, () => ["sql", "--codebook", file("not-json.json")], "E_CODEBOOK"],
    [ExitCode.badInput, () => ["sql", "--codebook", file("no-such.json")], "E_IO"],
  ],
  codebook: [
    [ExitCode.usage, () => ["codebook", file("ok.csv"), "--bogus"], "unknown option --bogus"],
    [ExitCode.badInput, () => ["codebook", file("open-quote.csv")], "E_CSV_PARSE"],
    [ExitCode.badInput, () => ["codebook", file("no-such.csv")], "E_IO"],
  ],
};

describe("exit codes", () => {
  it("cover every command, each with bad usage (2) and bad input (3)", () => {
    expect(Object.keys(cases).sort()).toEqual(commands.map((command) => command.name).sort());
    for (const list of Object.values(cases)) {
      expect(list.some(([code]) => code === ExitCode.usage)).toBe(true);
      expect(list.some(([code]) => code === ExitCode.badInput)).toBe(true);
    }
  });

  for (const [command, list] of Object.entries(cases)) {
    describe(command, () => {
      for (const [expected, args, message] of list) {
        it(`exits ${expected}: ${message}`, async () => {
          const io = captureIO();
          const code = await runCli(args(), io);
          expect(code).toBe(expected);
          expect(`${io.out()}${io.err()}`).toContain(message);
          if (expected === ExitCode.badInput || expected === ExitCode.usage) expect(io.err()).toMatch(new RegExp(`^svyprop ${command}: `));
        });
      }
    });
  }
});
