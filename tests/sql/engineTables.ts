/** Puts a parsed survey table into an engine as a table of text columns, cell for cell. */
import type { DuckDBConnection } from "@duckdb/node-api";
import type pg from "pg";
import type { CsvTable } from "../../src/load";
import { quoteIdentifier } from "../../src/sql/sqlDialect";

const columnsSql = (table: CsvTable) => table.header.map((name) => `${quoteIdentifier(name, "postgres")} TEXT`).join(", ");

export async function duckdbTable(connection: DuckDBConnection, name: string, table: CsvTable): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE ${quoteIdentifier(name, "duckdb")} (${columnsSql(table)})`);
  const appender = await connection.createAppender(name);
  for (const row of table.rows) {
    for (let c = 0; c < table.header.length; c++) appender.appendVarchar(row[c] ?? "");
    appender.endRow();
  }
  appender.closeSync();
}

export async function postgresTable(client: pg.Client, name: string, table: CsvTable): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${quoteIdentifier(name, "postgres")}`);
  await client.query(`CREATE TABLE ${quoteIdentifier(name, "postgres")} (${columnsSql(table)})`);
  const width = table.header.length;
  const perInsert = Math.max(1, Math.floor(30_000 / width));
  for (let start = 0; start < table.rows.length; start += perInsert) {
    const rows = table.rows.slice(start, start + perInsert);
    const values = rows.map((_, r) => `(${table.header.map((__, c) => `$${r * width + c + 1}`).join(", ")})`);
    await client.query(`INSERT INTO ${quoteIdentifier(name, "postgres")} VALUES ${values.join(", ")}`, rows.flatMap((row) => table.header.map((_, c) => row[c] ?? "")));
  }
}
