// DuckDB doing what one svyprop command does, run by commands.bench.ts as a whole process (so
// its wall time and peak RSS compare with `node dist/cli.js …`). Plain JavaScript, like tallyJobs.mjs.
// Usage: node duckdbJobs.mjs <count|by|crosstab|crosstab-design|design|design-by> <file.csv> <codebook.json>
//   count    — every question's counts: one read_csv → UNPIVOT → GROUP BY (what `estimate` and `report` tally)
//   by       — the same, by sex (`estimate --by sex`)
//   crosstab — q02 by sex (`crosstab --rows q02 --cols sex`)
//   crosstab-design — q02 by sex per stratum and PSU, counts and weight sums: the crosstab's sufficient
//              statistics on the design (its Rao–Scott test is computed from them)
//   design   — every question's per-stratum, per-PSU counts and weight sums: the sufficient statistics
//              of the design estimate (DuckDB has no design variance; svyprop computes it from these)
//   design-by — the same, by sex (`estimate --by sex` with the design)
// Prints the number of result rows.
import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";

const [kind, file, codebookPath] = process.argv.slice(2);
const codebook = JSON.parse(readFileSync(codebookPath, "utf8"));
const source = `read_csv('${file.replaceAll("'", "''")}', all_varchar = true, header = true)`;
const columns = codebook.questions.filter((question) => question.column !== "sex").map((question) => `"${question.column}"`).join(", ");
const unpivot = (keep) => `(UNPIVOT (SELECT ${[...keep, columns].join(", ")} FROM ${source}) ON ${columns} INTO NAME question VALUE value)`;
const queries = {
  count: `SELECT question, value, count(*) AS n FROM ${unpivot([])} GROUP BY ALL`,
  by: `SELECT sex, question, value, count(*) AS n FROM ${unpivot(["sex"])} GROUP BY ALL`,
  crosstab: `SELECT q02, sex, count(*) AS n FROM ${source} GROUP BY ALL`,
  "crosstab-design": `SELECT stratum, psu, q02, sex, count(*) AS n, sum(CAST(weight AS DOUBLE)) AS w FROM ${source} GROUP BY ALL`,
  design: `SELECT stratum, psu, question, value, count(*) AS n, sum(CAST(weight AS DOUBLE)) AS w FROM ${unpivot(["stratum", "psu", "weight"])} GROUP BY ALL`,
  "design-by": `SELECT stratum, psu, sex, question, value, count(*) AS n, sum(CAST(weight AS DOUBLE)) AS w FROM ${unpivot(["stratum", "psu", "weight", "sex"])} GROUP BY ALL`,
};
if (!(kind in queries)) throw new Error(`unknown job ${kind}`);
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
const reader = await connection.runAndReadAll(queries[kind]);
console.log(reader.getRows().length);
connection.closeSync();
instance.closeSync();
