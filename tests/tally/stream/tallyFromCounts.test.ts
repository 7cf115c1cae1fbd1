import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { tallyFromCounts, type AnswerCount } from "../../../src/tally";
import { fixtureCodebook, fixtureCsv } from "../../bench/surveyFixture";
import { expectSameTallies, referenceTally } from "./reference";

const codebook = fixtureCodebook();

/**
 * What `SELECT question, value, count(*) … GROUP BY question, value` gives over the file,
 * with a filtered question counted only over the respondents its filter selects (the WHERE
 * an analyst writes), and ragged records left out as the CSV path leaves them out.
 */
function groupBy(csv: string): AnswerCount[] {
  const [header, ...rows] = Papa.parse<string[]>(csv, { header: false, skipEmptyLines: true }).data as string[][];
  const names = header as string[];
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.length !== names.length) continue;
    for (const question of codebook.questions) {
      const column = question.column as string;
      if (question.filter && row[names.indexOf("q01")] !== "Oui") continue;
      const key = JSON.stringify([question.id, row[names.indexOf(column)]]);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].map(([key, count]) => {
    const [question, value] = JSON.parse(key) as [string, string];
    return { question, value: value === "" ? null : value, count: BigInt(count) };
  });
}

describe("tallyFromCounts", () => {
  it("gives the tallies of the CSV path from GROUP BY counts", () => {
    const csv = fixtureCsv({ rows: 2000, seed: 5, quotedNewlines: true });
    const { tallies, unmatched } = tallyFromCounts(groupBy(csv), codebook);
    expectSameTallies(tallies, referenceTally(csv, codebook).tallies);
    expect(unmatched).toEqual([]);
  });

  it("leaves out and lists the values that match no category", () => {
    const csv = fixtureCsv({ rows: 2000, seed: 6, problems: true });
    const counts = groupBy(csv);
    const { tallies, accounts, unmatched } = tallyFromCounts(counts, codebook);
    const expected = referenceTally(csv, codebook);
    // Skip-logic violations fall outside the filter's WHERE and ragged records outside the
    // GROUP BY, so neither reaches the counts; everything else matches the CSV path.
    const ragged = expected.report.issues.filter((issue) => issue.code === "E_RAGGED_ROW").length;
    expect(ragged).toBeGreaterThan(0);
    for (const id of ["q01", "q02", "q30", "age_group"]) {
      const account = expected.report.questions[id];
      expect(Array.from(tallies.get(id)?.counts ?? [])).toEqual(Array.from(expected.tallies.get(id)?.counts ?? []));
      expect(accounts[id]).toEqual({ ...account, rowsRead: (account?.rowsRead ?? 0) - ragged, excluded: (account?.excluded ?? 0) - ragged });
    }
    expect(unmatched.length).toBeGreaterThan(0);
    expect(unmatched.every(({ value }) => value === "peut-être")).toBe(true);
  });

  it("refuses a question the codebook lacks and a count that is not a whole number", () => {
    expect(() => tallyFromCounts([{ question: "nope", value: "1", count: 1 }], codebook)).toThrow(/E_UNKNOWN_QUESTION/);
    expect(() => tallyFromCounts([{ question: "q01", value: "Oui", count: 1.5 }], codebook)).toThrow(/E_ARGUMENT/);
  });
});
