import { stat } from "node:fs/promises";
import { extname } from "node:path";
import type { Codebook } from "../../codebook";
import { SurveyError } from "../../errors";
import { systemReason } from "../../load/node/systemReason";
import { checkTableColumns } from "../checkTableColumns";
import { quoteIdentifier, quoteLiteral, quoteTableName } from "../sqlDialect";
import { SqlTallier, type SqlTally } from "../SqlTallier";
import { tallyQuery } from "../tallyQuery";

/** The files DuckDB reads for svyprop, by extension. */
const DUCKDB_FILES = [".parquet", ".duckdb", ".db"];

/** Whether a file is read through DuckDB rather than svyprop's CSV reader: Parquet or a DuckDB database. */
export function readsThroughDuckDb(file: string): boolean {
  return DUCKDB_FILES.includes(extname(file).toLowerCase());
}

/**
 * Runs the tally query (`tallyQuery`) on a file with embedded DuckDB (`@duckdb/node-api`, an
 * optional peer dependency imported only here) and codes its result (`tallyFromSql`): a Parquet
 * file (`read_parquet`), a CSV (`read_csv` with every column as text, as svyprop reads cells), or
 * `table` of a DuckDB database file, attached read-only. DuckDB scans, groups and sums on every
 * core; only the grouped sums reach JavaScript.
 */
export async function duckdbTally(file: string, codebook: Codebook, options: { table?: string; questions?: readonly string[] } = {}): Promise<SqlTally> {
  try {
    await stat(file);
  } catch (error) {
    throw new SurveyError("E_IO", `cannot read the file: ${systemReason(error)}`, { file });
  }
  const duckdb = await importDuckDb();
  const instance = await duckdb.DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  // DuckDB's own errors (a table the database lacks, a file that is not Parquet) name the file.
  const rowsOf = async (sql: string): Promise<Record<string, unknown>[]> => {
    try {
      return (await connection.runAndReadAll(sql)).getRowObjectsJS();
    } catch (error) {
      throw new SurveyError("E_IO", `DuckDB could not read it: ${error instanceof Error ? error.message : String(error)}`, { file });
    }
  };
  try {
    const path = quoteLiteral(file, "duckdb");
    const extension = extname(file).toLowerCase();
    let fromSql: string;
    if (extension === ".parquet") fromSql = `read_parquet(${path})`;
    else if (extension === ".duckdb" || extension === ".db") {
      if (options.table === undefined) throw new SurveyError("E_ARGUMENT", "a DuckDB database holds tables: name the one to read with --table", { file });
      await rowsOf(`ATTACH ${path} AS ${quoteIdentifier("source", "duckdb")} (READ_ONLY)`);
      fromSql = `${quoteIdentifier("source", "duckdb")}.${quoteTableName(options.table, "duckdb")}`;
    } else fromSql = `read_csv(${path}, all_varchar = true, header = true)`;
    const columns = (await rowsOf(`DESCRIBE SELECT * FROM ${fromSql}`)).map((row) => String(row.column_name));
    checkTableColumns(columns, codebook, options.questions);
    const questions = options.questions === undefined ? {} : { questions: options.questions };
    // The grouped result goes into the tallies chunk by chunk, never as one array of JS objects.
    let tallier: SqlTallier;
    try {
      const result = await connection.run(tallyQuery(codebook, { fromSql, dialect: "duckdb", ...questions }));
      tallier = new SqlTallier(codebook, result.columnNames(), questions);
      for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        for (const row of chunk.getRows()) tallier.add(row);
      }
    } catch (error) {
      if (error instanceof SurveyError) throw error;
      throw new SurveyError("E_IO", `DuckDB could not read it: ${error instanceof Error ? error.message : String(error)}`, { file });
    }
    return tallier.finish();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** `@duckdb/node-api`, or `E_ARGUMENT` saying how to install it. */
async function importDuckDb(): Promise<typeof import("@duckdb/node-api")> {
  try {
    return await import("@duckdb/node-api");
  } catch {
    throw new SurveyError(
      "E_ARGUMENT",
      "reading Parquet or DuckDB files needs the optional package @duckdb/node-api (it is large and native, so svyprop does not install it): npm install @duckdb/node-api",
    );
  }
}
