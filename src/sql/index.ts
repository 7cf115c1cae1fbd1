export * from "./sqlDialect";
export * from "./tallyQuery";
export * from "./tallyFromSql";
export * from "./SqlTallier";
