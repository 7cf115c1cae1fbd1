import { sqlDialect, SQL_DIALECTS, tallyQuery } from "../../sql";
import { resolveCodebook } from "../../survey";
import { type Command, defineCommand, ExitCode } from "../command";
import { sharedOptions } from "../sharedOptions";
import { missingArguments } from "../usageError";

const usage = `Usage: svyprop sql --codebook CODEBOOK [--table TABLE] [--dialect ${SQL_DIALECTS.join("|")}]
                   [--question ID …] > tally.sql

Prints the one query whose result holds everything svyprop needs to estimate the codebook's
questions, for a table too large to export: run it on your warehouse (Spark, Trino, BigQuery,
PostgreSQL, DuckDB), save the result as CSV with its header, and bring it back with
  svyprop estimate --from-tally result.csv --codebook CODEBOOK
The query is standard SQL (CASTs, COUNT, SUM, MIN, GROUP BY, UNION ALL): per question and per
distinct answer (with the answers its filter reads) — and for a design, per stratum and PSU —
the rows, the sum of weights and of squared weights. svyprop codes the answers when the result
comes back, so categories, missing codes and skip logic are decided exactly as for a CSV.
--table names the table (default survey; a dotted name is qualified: dataset.table). --dialect
sets the quoting and type names (default standard: "names", VARCHAR, DOUBLE PRECISION; spark
and bigquery: backticks). A calibrated or replicate-weight design, and numeric questions, need
the rows: read the file with svyprop estimate instead. --quiet is accepted (the command prints
only the query).`;

export const sqlCommand: Command = defineCommand({
  name: "sql",
  summary: "Print the SQL that tallies a survey table on a warehouse",
  usage,
  arguments: [],
  options: {
    codebook: { type: "string" },
    table: { type: "string" },
    dialect: { type: "string" },
    question: { type: "string", multiple: true },
    ...sharedOptions("quiet"),
  },
  async run({ values }, io) {
    if (values.codebook === undefined) throw missingArguments({ "--codebook": values.codebook });
    const codebook = await resolveCodebook(values.codebook);
    io.stdout(
      tallyQuery(codebook, {
        dialect: sqlDialect(values.dialect),
        ...(values.table === undefined ? {} : { table: values.table }),
        ...(values.question === undefined ? {} : { questions: values.question }),
      }),
    );
    return ExitCode.ok;
  },
});
