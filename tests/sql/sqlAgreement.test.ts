import { describe, expect, it } from "vitest";
import type { Codebook } from "../../src/codebook";
import { estimate, estimatesFromTallies } from "../../src/estimate";
import { tallyFromSql, tallyQuery, type SqlDialect, type SqlRow } from "../../src/sql";
import { surveyFromTable, type Survey } from "../../src/survey";
import type { Estimate } from "../../src/types";
import { duckdbTable, postgresTable, useEngines } from "./engineTables";
import { sqlFixtures } from "./sqlFixtures";

/**
 * The SQL path — the tally query run by DuckDB and by a real PostgreSQL server, its result coded
 * by tallyFromSql and finished by estimatesFromTallies — gives the Estimate rows the in-memory
 * path gives, on every fixture and design of the suite: same identities, counts and bases, and
 * every number within 1e-11 (relative above 1). The accounts match the in-memory report's, and
 * the bad values and skip-logic violations SQL counts are the rows the in-memory path reports.
 */
const engines = useEngines();

/** Every field of the rows alike: texts, counts and infinities exactly, other numbers to 1e-11 (NaN matches NaN). */
function expectSameEstimates(actual: Estimate[], expected: Estimate[]): void {
  expect(actual.map((row) => Object.keys(row).sort())).toEqual(expected.map((row) => Object.keys(row).sort()));
  actual.forEach((row, i) => {
    const want = expected[i] as Estimate;
    for (const [key, value] of Object.entries(want)) {
      const got = (row as unknown as Record<string, unknown>)[key];
      if (typeof value !== "number" || key === "count" || key === "base" || !Number.isFinite(value)) expect(got, `${row.question} ${row.category} ${key}`).toEqual(value);
      else expect(Math.abs((got as number) - value), `${row.question} ${row.category} ${key}: ${got} vs ${value}`).toBeLessThanOrEqual(1e-11 * Math.max(1, Math.abs(value)));
    }
  });
}

const run: Record<"duckdb" | "postgres", (sql: string) => Promise<SqlRow[]>> = {
  duckdb: async (sql) => (await engines.duckdb.runAndReadAll(sql)).getRowObjectsJS(),
  postgres: async (sql) => (await engines.postgres.query(sql)).rows as SqlRow[],
};

function compare(survey: Survey, codebook: Codebook, rows: SqlRow[], method?: "beta" | "clopper-pearson"): void {
  const questions = codebook.questions.filter((q) => q.type !== "numeric").map((q) => q.id);
  const tallied = tallyFromSql(rows, codebook);
  expect(Object.keys(tallied.report.questions)).toEqual(questions);
  for (const id of questions) {
    expect(tallied.report.questions[id], id).toEqual(survey.report.questions[id]);
    for (const code of ["E_BAD_VALUE", "E_SKIP_LOGIC"] as const) {
      const counted = tallied.report.counted.filter((issue) => issue.question === id && issue.code === code).reduce((sum, issue) => sum + issue.rows, 0);
      expect(counted, `${id} ${code}`).toBe(survey.report.issues.filter((issue) => issue.question === id && issue.code === code).length);
    }
  }
  const options = method === undefined ? {} : { method };
  const inMemory = questions.flatMap((id) => estimate(survey, id, options));
  expectSameEstimates(estimatesFromTallies({ ...tallied, rowsRead: tallied.report.rowsRead }, codebook, questions, options), inMemory);
}

describe("the SQL path gives the in-memory Estimate rows", () => {
  for (const fixture of sqlFixtures()) {
    for (const engine of ["duckdb", "postgres"] as const) {
      it(`${fixture.name}, through ${engine}`, async () => {
        const table = await fixture.table();
        const survey = surveyFromTable(table, fixture.codebook);
        await (engine === "duckdb" ? duckdbTable(engines.duckdb, "survey table", table) : postgresTable(engines.postgres, "survey table", table));
        const rows = await run[engine](tallyQuery(fixture.codebook, { table: "survey table", dialect: engine as SqlDialect }));
        compare(survey, fixture.codebook, rows);
        const design = survey.designColumns !== undefined;
        compare(survey, fixture.codebook, rows, design ? "beta" : "clopper-pearson");
      }, 60_000);
    }
  }
});
