/** The engines of the SQL tests, and a parsed survey table put into one as text columns, cell for cell. */
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type pg from "pg";
import { afterAll, beforeAll } from "vitest";
import type { CsvTable } from "../../src/load";
import { quoteIdentifier } from "../../src/sql/sqlDialect";
import { startPostgres, type PostgresServer } from "./postgresServer";

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

/** The two engines of a test file: an in-memory DuckDB and a PostgreSQL server of its own, started before its tests and stopped after. */
export interface Engines {
  duckdb: DuckDBConnection;
  postgres: pg.Client;
}

export function useEngines(): Engines {
  const engines = {} as Engines;
  let server: PostgresServer | undefined;
  let instance: DuckDBInstance | undefined;
  beforeAll(async () => {
    server = await startPostgres();
    engines.postgres = server.client;
    instance = await DuckDBInstance.create(":memory:");
    engines.duckdb = await instance.connect();
  }, 120_000);
  afterAll(async () => {
    engines.duckdb?.closeSync();
    instance?.closeSync();
    await server?.stop();
  });
  return engines;
}
