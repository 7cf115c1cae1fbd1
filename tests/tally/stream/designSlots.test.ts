import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCodebook, type Codebook } from "../../../src/codebook";
import { parseCsv } from "../../../src/load";
import { surveyFromTable } from "../../../src/survey";
import { addDesignRows, createDesignTally, tallyFile, type DesignTally } from "../../../src/tally";
import { fixtureCodebook, fixtureCsv } from "../../bench/surveyFixture";

/**
 * The streamed design tallies (one stratum/PSU slot per record shared by every question, dense
 * per-question sums) hold the sums the per-question path made before them: `addDesignRows` on
 * each question's 0/1 columns [answered, category 1, …], with the rows' weights, strata and PSUs.
 * The file puts its records in random PSUs (the worst case for the old path), has skip logic, a
 * multi-select, bad values, ragged records (left out of the streamed design) and quoted line breaks.
 */
const folder = mkdtempSync(join(tmpdir(), "svyprop-design-slots-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const csv = fixtureCsv({ rows: 2500, seed: 13, quotedNewlines: true, problems: true });

/** Each categorical question's tally as `addDesignRows` makes it from the survey read whole (whose respondents leave ragged records out, as streaming does). */
function perQuestionTallies(codebook: Codebook): Map<string, DesignTally> {
  const table = parseCsv(csv);
  const survey = surveyFromTable(table, codebook);
  const kept = table.rows.filter((fields) => fields.length === table.header.length).length;
  expect(kept).toBeLessThan(table.rows.length); // the file does have ragged records
  expect(survey.rowCount).toBe(kept);
  const design = survey.designColumns!;
  const tallies = new Map<string, DesignTally>();
  for (const [id, coded] of survey.answers) {
    if (coded.kind === "numeric") continue;
    const k = 1 + coded.categories.length;
    const columns = Array.from({ length: k }, () => new Float64Array(kept));
    coded.codes.forEach((code, row) => {
      if (code < 0) return;
      columns[0]![row] = 1;
      if (coded.kind === "multi") coded.selected.forEach((chosen, c) => (columns[c + 1]![row] = chosen[row] as number));
      else columns[code + 1]![row] = 1;
    });
    const tally = createDesignTally(k, design.cluster !== undefined);
    addDesignRows(tally, {
      columns,
      ...(design.weights ? { weights: design.weights } : {}),
      ...(design.strata ? { strata: design.strata } : {}),
      ...(design.cluster ? { cluster: design.cluster } : {}),
      ...(design.fpc === undefined ? {} : { fpc: design.fpc }),
    });
    tallies.set(id, tally);
  }
  return tallies;
}

/**
 * Where `actual` and `expected` differ: sums beyond 1e-12 (relative: the same numbers added in
 * another order), strata or PSUs missing, or out of order when `inOrder` (first rows aside: the
 * two paths count rows differently). Empty when the same.
 */
function tallyDifferences(actual: DesignTally, expected: DesignTally, inOrder: boolean): string[] {
  const tolerance = 1e-12;
  const differences: string[] = [];
  const compare = (a: ArrayLike<number>, b: ArrayLike<number>, what: string) => {
    if (a.length !== b.length) differences.push(`${what}: ${a.length} values, not ${b.length}`);
    for (let i = 0; i < b.length; i++) {
      const same = Object.is(a[i], b[i]) || Math.abs(a[i]! - b[i]!) <= tolerance * Math.max(1, Math.abs(b[i]!));
      if (!same) differences.push(`${what}[${i}]: ${a[i]}, not ${b[i]}`);
    }
  };
  compare([actual.columns, actual.rows, actual.sumW, actual.sumW2], [expected.columns, expected.rows, expected.sumW, expected.sumW2], "columns, rows, sumW, sumW2");
  if (actual.clustered !== expected.clustered) differences.push("clustered");
  compare(actual.sumWU2, expected.sumWU2, "sumWU2");
  compare(actual.sumW2U2, expected.sumW2U2, "sumW2U2");
  compare(actual.rowsNonzero, expected.rowsNonzero, "rowsNonzero");
  if ([...actual.strata.keys()].join() !== [...expected.strata.keys()].join()) differences.push(`strata ${[...actual.strata.keys()]}`);
  for (const [key, want] of expected.strata) {
    const got = actual.strata.get(key);
    if (got === undefined) continue;
    compare([got.rows, got.nPsu, got.fpc ?? Number.NaN], [want.rows, want.nPsu, want.fpc ?? Number.NaN], `stratum ${key} rows, nPsu, fpc`);
    compare(got.s1, want.s1, `stratum ${key} s1`);
    compare(got.s2, want.s2, `stratum ${key} s2`);
    compare(got.psuNonzero, want.psuNonzero, `stratum ${key} psuNonzero`);
    const order = (keys: Iterable<string>) => (inOrder ? [...keys] : [...keys].sort()).join();
    if (order(got.open.keys()) !== order(want.open.keys())) differences.push(`stratum ${key}: other PSUs or PSU order`);
    const k = expected.columns;
    for (const [psu, p] of want.open) {
      const at = got.open.get(psu);
      const totals = (stratum: typeof got, q: number) => stratum.psuTotals.subarray(2 * k * q, 2 * k * q + 2 * k);
      if (at === undefined) differences.push(`stratum ${key}: no PSU ${psu}`);
      else compare(totals(got, at), totals(want, p), `stratum ${key} PSU ${psu}`);
    }
  }
  return differences;
}

describe("streamed design tallies, one slot per record for every question", () => {
  const path = join(folder, "survey.csv");
  writeFileSync(path, csv);
  const clustered = fixtureCodebook();
  const stratifiedFpc = parseCodebook({ ...clustered, design: { weights: "weight", strata: "stratum", fpc: 100_000 } });

  it.each([
    ["stratified and clustered, PSUs in random order", clustered],
    ["stratified with an fpc, every record its own PSU", stratifiedFpc],
  ])("hold the per-question sums of addDesignRows: %s", async (_, codebook) => {
    const expected = perQuestionTallies(codebook);
    // One thread opens strata and PSUs in the order the rows meet them, as addDesignRows does.
    const one = await tallyFile(path, codebook, { designTallies: true, workers: 1, chunkSize: 4093 });
    expect([...one.designTallies!.keys()]).toEqual([...expected.keys()]);
    for (const [id, tally] of expected) expect(tallyDifferences(one.designTallies!.get(id)!, tally, true), id).toEqual([]);
    // Two threads: each part's sums, then added together (mergeDesignTallies), the second part's new PSUs after the first's.
    const two = await tallyFile(path, codebook, { designTallies: true, workers: 2, chunkSize: 4093 });
    expect(two.workers).toBe(2);
    for (const [id, tally] of expected) expect(tallyDifferences(two.designTallies!.get(id)!, tally, false), id).toEqual([]);
  });
});
