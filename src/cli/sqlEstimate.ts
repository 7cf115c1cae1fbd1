import type { ChartLocale } from "../charts";
import type { Codebook } from "../codebook";
import { SurveyError } from "../errors";
import { estimatesFromTallies, localizeLabels, type TalliesEstimateOptions } from "../estimate";
import { readTable, type CsvTable } from "../load";
import { SqlTallier, type SqlTally } from "../sql";
import { duckdbTally, readsThroughDuckDb } from "../sql/node/duckdbTally";
import type { ValidationReport } from "../survey";
import type { Estimate } from "../types";

/** The options of `svyprop estimate` that read through SQL. */
export const SQL_SOURCE_OPTIONS = {
  "from-tally": { type: "string" },
  table: { type: "string" },
  engine: { type: "string" },
} as const;

/** Where `svyprop estimate` reads through SQL from: a tally query's result, or a file DuckDB reads. */
export type SqlSource = { kind: "result"; path: string } | { kind: "duckdb"; file: string; table?: string };

/**
 * The SQL source the options name, or undefined for svyprop's own reader: `--from-tally
 * result.csv`, a `.parquet` or `.duckdb` FILE, or any FILE with `--engine duckdb`. Options only the
 * rows can serve (`--by`, `--stream`) are refused here, naming the option.
 */
export function sqlSourceOf(file: string | undefined, values: { "from-tally"?: string; table?: string; engine?: string; by?: string; stream?: boolean }): SqlSource | undefined {
  if (values.engine !== undefined && values.engine !== "duckdb" && values.engine !== "svyprop") {
    throw new SurveyError("E_ARGUMENT", `--engine must be duckdb or svyprop (got ${values.engine})`);
  }
  const source: SqlSource | undefined =
    values["from-tally"] !== undefined
      ? { kind: "result", path: values["from-tally"] }
      : file !== undefined && values.engine !== "svyprop" && (values.engine === "duckdb" || readsThroughDuckDb(file))
        ? { kind: "duckdb", file, ...(values.table === undefined ? {} : { table: values.table }) }
        : undefined;
  if (source === undefined) {
    if (values.table !== undefined) throw new SurveyError("E_ARGUMENT", "--table names a table of a DuckDB database (.duckdb): give one, or drop --table");
    return undefined;
  }
  if (source.kind === "result" && file !== undefined) throw new SurveyError("E_ARGUMENT", "--from-tally reads the result instead of FILE: give one or the other");
  if (values.by !== undefined) throw new SurveyError("E_ARGUMENT", "--by is not available through SQL yet: read a CSV with svyprop to split estimates by a question");
  if (values.stream) throw new SurveyError("E_ARGUMENT", "--stream reads a CSV with svyprop; through SQL the engine does the scanning: drop --stream");
  return source;
}

/**
 * Estimate rows of `questions` through SQL: the tally query run by DuckDB on the file, or its
 * result computed elsewhere and saved as CSV, coded by `tallyFromSql` and finished by
 * `estimatesFromTallies`. The report counts the bad values and skip-logic violations per value
 * (a GROUP BY gives no row numbers); `strict` stops at the first of them.
 */
export async function estimateThroughSql(
  source: SqlSource,
  codebook: Codebook,
  questions: readonly string[],
  options: TalliesEstimateOptions & { locale: ChartLocale; strict: boolean },
): Promise<{ rows: Estimate[]; report: ValidationReport }> {
  const tallied: SqlTally =
    source.kind === "duckdb"
      ? await duckdbTally(source.file, codebook, { questions, ...(source.table === undefined ? {} : { table: source.table }) })
      : tallyResultFile(await readTable(source.path), codebook, questions);
  const first = tallied.report.counted[0];
  if (options.strict && first) throw new SurveyError(first.code, `${first.reason} (${first.rows} rows)`, first);
  const { locale, strict: _, ...interval } = options;
  const rows = estimatesFromTallies({ ...tallied, rowsRead: tallied.report.rowsRead }, codebook, questions, interval);
  return { rows: localizeLabels(rows, codebook, locale), report: tallied.report };
}

/** The tallies of a result saved as CSV: its header names the columns. */
function tallyResultFile(table: CsvTable, codebook: Codebook, questions: readonly string[]): SqlTally {
  const tallier = new SqlTallier(codebook, table.header, { questions });
  for (const row of table.rows) tallier.add(row);
  return tallier.finish();
}
