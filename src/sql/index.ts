export { SQL_DIALECTS, sqlDialect, quoteIdentifier, quoteTableName, quoteLiteral, type SqlDialect } from "./sqlDialect";
export * from "./tallyQuery";
export * from "./tallyFromSql";
export * from "./SqlTallier";
