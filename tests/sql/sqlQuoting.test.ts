import { describe, expect, it } from "vitest";
import { parseCodebook } from "../../src/codebook";
import { estimate, estimatesFromTallies } from "../../src/estimate";
import { quoteIdentifier, quoteLiteral, quoteTableName, tallyFromSql, tallyQuery, type SqlRow } from "../../src/sql";
import { surveyFromTable } from "../../src/survey";
import { duckdbTable, postgresTable, useEngines } from "./engineTables";

/**
 * Names and ids that look like SQL stay names and text: a column called `"; DROP TABLE survey; --`,
 * quotes, backslashes, backticks and line breaks in column names, table names and question ids
 * are read as such by DuckDB and PostgreSQL, and every table survives the query.
 */
const engines = useEngines();

const hostile = ['"; DROP TABLE "survey"; --', "it's", "back\\slash", "new\nline", "tick`s"];
const header = [...hostile, "w"];
const rows = Array.from({ length: 40 }, (_, i) => [...hostile.map((_, c) => String((i * (c + 3)) % 3 === 0 ? 1 : 0)), String(1 + (i % 4))]);
const table = { header, rows, rowNumbers: rows.map((_, i) => i + 2) };
const codebook = parseCodebook({
  design: { weights: "w" },
  questions: hostile.map((column, c) => ({ id: `q'${c}"\\`, column, type: "binary", positive: ["1"], negative: ["0"], ...(c > 0 ? { filter: { question: "q'0\"\\", equals: "yes" } } : {}) })),
});

describe("quoting", () => {
  it("keeps hostile column names, table names and question ids as names and text in DuckDB and PostgreSQL", async () => {
    const name = 'survey"; DROP TABLE x; --';
    await duckdbTable(engines.duckdb, name, table);
    await postgresTable(engines.postgres, name, table);
    const inMemory = codebook.questions.flatMap((q) => estimate(surveyFromTable(table, codebook), q.id));
    const results: Record<string, SqlRow[]> = {
      duckdb: (await engines.duckdb.runAndReadAll(tallyQuery(codebook, { table: name, dialect: "duckdb" }))).getRowObjectsJS(),
      postgres: (await engines.postgres.query(tallyQuery(codebook, { table: name, dialect: "postgres" }))).rows,
    };
    for (const result of Object.values(results)) {
      const tallied = tallyFromSql(result, codebook);
      const ids = codebook.questions.map((q) => q.id);
      const viaSql = estimatesFromTallies({ ...tallied, rowsRead: tallied.report.rowsRead }, codebook, ids);
      expect(viaSql.map((r) => [r.question, r.category, r.count, r.base])).toEqual(inMemory.map((r) => [r.question, r.category, r.count, r.base]));
      viaSql.forEach((row, i) => expect(row.proportion).toBeCloseTo(inMemory[i]!.proportion, 12));
    }
    expect((await engines.duckdb.runAndReadAll(`SELECT count(*) AS n FROM ${quoteIdentifier(name, "duckdb")}`)).getRowObjectsJS()[0]?.n).toBe(40n);
    expect((await engines.postgres.query(`SELECT count(*) AS n FROM ${quoteIdentifier(name, "postgres")}`)).rows[0].n).toBe("40");
  });

  it("round-trips a literal through each engine", async () => {
    const text = "a'b\"c\\d\ne`f";
    expect((await engines.duckdb.runAndReadAll(`SELECT ${quoteLiteral(text, "duckdb")} AS t`)).getRowObjectsJS()[0]?.t).toBe(text);
    expect((await engines.postgres.query(`SELECT ${quoteLiteral(text, "postgres")} AS t`)).rows[0].t).toBe(text);
  });

  it("escapes for Spark SQL and BigQuery, which read backslashes in literals and quote names with backticks", () => {
    expect(quoteLiteral("it's \\ \n", "spark")).toBe("'it\\'s \\\\ \\n'");
    expect(quoteLiteral("it's", "standard")).toBe("'it''s'");
    expect(quoteIdentifier("a`b", "spark")).toBe("`a``b`");
    expect(quoteIdentifier("a`b", "bigquery")).toBe("`a\\`b`");
    expect(quoteTableName("project.dataset.t", "bigquery")).toBe("`project`.`dataset`.`t`");
  });
});
