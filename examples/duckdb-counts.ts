/**
 * Let DuckDB scan a large CSV and svyprop do the rest: one `read_csv → UNPIVOT → GROUP BY`
 * query counts each raw answer of each question, `tallyFromCounts` codes those counts through
 * the codebook (missing codes, categories, multi-select lists), and the tallies are ready for
 * intervals and charts. The same works with BigQuery or Spark: only the query changes.
 *
 *     npx tsx examples/duckdb-counts.ts survey.csv codebook.json
 *
 * Needs `@duckdb/node-api` (a devDependency of svyprop, not a dependency).
 */
import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { parseCodebook, proportionCI, tallyFromCounts, type AnswerCount } from "svyprop";

const [csvPath, codebookPath] = process.argv.slice(2);
if (!csvPath || !codebookPath) throw new Error("usage: duckdb-counts.ts <survey.csv> <codebook.json>");
const codebook = parseCodebook(JSON.parse(readFileSync(codebookPath, "utf8")));
const questions = codebook.questions.filter((question) => question.filter === undefined && question.column !== undefined);

const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const columns = questions.map((question) => `"${question.column}"`).join(", ");
const reader = await connection.runAndReadAll(
  `SELECT question, value, count(*) AS count
   FROM (UNPIVOT (SELECT ${columns} FROM read_csv('${csvPath.replaceAll("'", "''")}', all_varchar = true, header = true))
         ON COLUMNS(*) INTO NAME question VALUE value)
   GROUP BY ALL`,
);
const idOfColumn = new Map(questions.map((question) => [question.column, question.id]));
const counts: AnswerCount[] = reader.getRowObjectsJS().map((row) => ({
  question: idOfColumn.get(String(row.question)) as string,
  value: row.value === null ? null : String(row.value),
  count: row.count as bigint,
}));
connection.closeSync();
instance.closeSync();

// Filtered questions are left out above: their counts need the filter as a WHERE clause.
const { tallies, unmatched } = tallyFromCounts(counts, { ...codebook, questions });
for (const tally of tallies.values()) {
  const base = tally.bases[0] ?? 0;
  tally.categories.forEach((category, i) => {
    const count = tally.counts[i] ?? 0;
    if (base === 0) return;
    const { estimate, lower, upper } = proportionCI(count, base);
    console.log(`${tally.question}\t${category.code}\t${count}/${base}\t${(100 * estimate).toFixed(1)} % (${(100 * lower).toFixed(1)}–${(100 * upper).toFixed(1)})`);
  });
}
if (unmatched.length > 0) console.log(`values matching no category: ${unmatched.map((u) => `${u.question}=${JSON.stringify(u.value)}×${u.count}`).join(", ")}`);
