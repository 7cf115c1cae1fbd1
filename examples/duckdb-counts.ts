/**
 * Let DuckDB scan a survey and svyprop do the rest: `tallyQuery` writes the one standard SQL
 * query whose GROUP BY holds every count (and, for a design, every per-stratum and per-PSU sum)
 * the estimates need, DuckDB runs it, `tallyFromSql` codes the grouped raw answers through the
 * codebook (missing codes, categories, multi-select, skip logic) and `estimatesFromTallies` gives
 * the Estimate rows `estimate()` gives on the file read whole. The same query runs on PostgreSQL,
 * Trino, Spark or BigQuery (`svyprop sql --dialect …` prints it).
 *
 *     npx tsx examples/duckdb-counts.ts survey.csv codebook.json
 *
 * Needs `@duckdb/node-api` (an optional peer dependency of svyprop: npm install @duckdb/node-api).
 */
import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { estimatesFromTallies, parseCodebook, tallyFromSql, tallyQuery, toMarkdown } from "svyprop";

const [csvPath, codebookPath] = process.argv.slice(2);
if (!csvPath || !codebookPath) throw new Error("usage: duckdb-counts.ts <survey.csv> <codebook.json>");
const codebook = parseCodebook(JSON.parse(readFileSync(codebookPath, "utf8")));

const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
// Every column as text, as svyprop reads cells: the codebook decides what they mean.
await connection.run(`CREATE VIEW survey AS SELECT * FROM read_csv('${csvPath.replaceAll("'", "''")}', all_varchar = true, header = true)`);
const result = await connection.runAndReadAll(tallyQuery(codebook, { table: "survey", dialect: "duckdb" }));
const tallied = tallyFromSql(result.getRowObjectsJS(), codebook);
connection.closeSync();
instance.closeSync();

const questions = [...tallied.tallies.keys()];
console.log(toMarkdown(estimatesFromTallies({ ...tallied, rowsRead: tallied.report.rowsRead }, codebook, questions)));
// A GROUP BY has no row numbers: values outside the codebook are counted per value instead.
for (const issue of tallied.report.counted) console.log(`${issue.code} ${issue.question} = ${JSON.stringify(issue.value)}: ${issue.rows} row(s)`);
