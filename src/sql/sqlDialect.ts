import { argumentError } from "../errors";

/** The SQL engines whose quoting and type names the generated queries follow. */
export const SQL_DIALECTS = ["standard", "duckdb", "postgres", "trino", "spark", "bigquery"] as const;
/** One of `SQL_DIALECTS`: the engine a generated query is written for. */
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/** How a dialect quotes names and text, and what it calls text and double-precision numbers. */
interface DialectSyntax {
  /** `"` (SQL standard) or a backtick (Spark SQL, BigQuery). */
  identifierQuote: string;
  /** Within a quoted name: the quote doubled (standard, Spark) or escaped with a backslash (BigQuery). */
  identifierEscape: "double" | "backslash";
  /** Within a string literal: `''` (standard) or backslash escapes (Spark SQL and BigQuery read `\` as an escape). */
  literalEscape: "double" | "backslash";
  text: string;
  double: string;
}

const STANDARD: DialectSyntax = { identifierQuote: '"', identifierEscape: "double", literalEscape: "double", text: "VARCHAR", double: "DOUBLE PRECISION" };

const SYNTAX: Record<SqlDialect, DialectSyntax> = {
  standard: STANDARD,
  duckdb: STANDARD,
  postgres: STANDARD,
  trino: { ...STANDARD, double: "DOUBLE" },
  spark: { identifierQuote: "`", identifierEscape: "double", literalEscape: "backslash", text: "STRING", double: "DOUBLE" },
  bigquery: { identifierQuote: "`", identifierEscape: "backslash", literalEscape: "backslash", text: "STRING", double: "FLOAT64" },
};

/**
 * The dialect named by `name`; `E_ARGUMENT` listing the dialects otherwise.
 *
 * @param name - A dialect's name, as a user typed it (`--dialect`); undefined for the default.
 * @returns The dialect, "standard" when `name` is undefined.
 *
 * @example
 * ```ts
 * import { sqlDialect, SurveyError } from "svyprop";
 *
 * sqlDialect("bigquery"); // → "bigquery"
 * sqlDialect(undefined); // → "standard"
 * let code: string | undefined;
 * try {
 *   sqlDialect("mysql");
 * } catch (error) {
 *   if (error instanceof SurveyError) code = error.code;
 * }
 * code; // → "E_ARGUMENT"
 * ```
 */
export function sqlDialect(name: string | undefined): SqlDialect {
  if (name === undefined) return "standard";
  if ((SQL_DIALECTS as readonly string[]).includes(name)) return name as SqlDialect;
  throw argumentError("dialect", `must be one of ${SQL_DIALECTS.join(", ")}`, name);
}

/** Backslash escapes of a string for the dialects that read them: `\`, the quote, and line breaks (BigQuery's quoted strings hold none). */
function backslashEscaped(text: string, quote: string): string {
  return text.replace(/[\\\n\r]/g, (c) => (c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\\\\")).replaceAll(quote, `\\${quote}`);
}

/**
 * A column or table name quoted so that it stays a name whatever it holds (`"; DROP TABLE x`
 * included): in the dialect's identifier quotes, with the quote doubled (SQL-92 §5.2
 * <delimited identifier>) or, in BigQuery, escaped with a backslash.
 *
 * @param name - The column or table name, as the data names it.
 * @param dialect - The engine the query is written for.
 * @returns The quoted name, ready to put in a query.
 *
 * @example
 * ```ts
 * import { quoteIdentifier } from "svyprop";
 *
 * quoteIdentifier('say "hi"', "standard"); // → '"say ""hi"""'
 * quoteIdentifier("q1`x", "bigquery"); // → "`q1\\`x`"
 * ```
 */
export function quoteIdentifier(name: string, dialect: SqlDialect): string {
  const { identifierQuote: q, identifierEscape } = SYNTAX[dialect];
  const inner = identifierEscape === "double" ? name.replaceAll(q, q + q) : backslashEscaped(name, q);
  return `${q}${inner}${q}`;
}

/**
 * A table name, possibly qualified (`dataset.table`, `catalog.schema.table`): each dot-separated part quoted.
 *
 * @param name - The table's name, its parts separated by dots.
 * @param dialect - The engine the query is written for.
 * @returns Each part quoted by `quoteIdentifier`, joined by dots.
 *
 * @example
 * ```ts
 * import { quoteTableName } from "svyprop";
 *
 * quoteTableName("analytics.survey_2024", "bigquery"); // → "`analytics`.`survey_2024`"
 * quoteTableName("public.survey", "postgres"); // → '"public"."survey"'
 * ```
 */
export function quoteTableName(name: string, dialect: SqlDialect): string {
  return name
    .split(".")
    .map((part) => quoteIdentifier(part, dialect))
    .join(".");
}

/**
 * A string literal: single-quoted with the quote doubled (SQL-92 §5.3), or backslash-escaped in Spark SQL and BigQuery.
 *
 * @param text - The text the literal stands for.
 * @param dialect - The engine the query is written for.
 * @returns The quoted literal, ready to put in a query.
 *
 * @example
 * ```ts
 * import { quoteLiteral } from "svyprop";
 *
 * quoteLiteral("it's", "standard"); // → "'it''s'"
 * quoteLiteral("it's", "spark"); // → "'it\\'s'"
 * ```
 */
export function quoteLiteral(text: string, dialect: SqlDialect): string {
  return SYNTAX[dialect].literalEscape === "double" ? `'${text.replaceAll("'", "''")}'` : `'${backslashEscaped(text, "'")}'`;
}

/** The dialect's names for text and for double-precision numbers, for CAST. */
export function sqlTypes(dialect: SqlDialect): { text: string; double: string } {
  const { text, double } = SYNTAX[dialect];
  return { text, double };
}
