import type { Codebook } from "../codebook";
import { SurveyError } from "../errors";
import { quoteIdentifier, quoteLiteral, quoteTableName, sqlTypes, type SqlDialect } from "./sqlDialect";
import { sqlPlan } from "./sqlPlan";

/** Options of `tallyQuery`. */
export interface TallyQueryOptions {
  /** The table to read (default "survey"); a dotted name is a qualified one (`dataset.table`). */
  table?: string;
  /** A FROM expression written by svyprop itself (DuckDB's `read_parquet('…')`), used instead of `table`. */
  fromSql?: string;
  /** The engine the query is written for: its quoting and type names (default "standard"). */
  dialect?: SqlDialect;
  /** Question ids (default: every categorical question). */
  questions?: readonly string[];
}

/**
 * One standard SQL query (a CTE, CASTs, COUNT/SUM/MIN, GROUP BY, UNION ALL: nothing an engine
 * lacks) whose result holds everything svyprop needs to estimate the codebook's questions:
 * per question and per distinct combination of its raw cells (and of the cells its filter reads)
 * — and for a design, per stratum, PSU and fpc — the number of rows n, Σw, Σw², the rows with a
 * weight and the smallest weight. Result columns: question, v1 … v{width}, [stratum, psu, fpc,]
 * n[, sw, sw2, nw, minw]. `tallyFromSql` codes the cells and builds the tallies.
 *
 * @param codebook - The survey's codebook: its questions' columns, filters and design.
 * @param options - The table (or FROM expression), the dialect and the questions to tally.
 * @returns The query's text, to run on the engine as it is.
 *
 * @example
 * ```ts
 * import { tallyQuery } from "svyprop";
 *
 * const codebook = {
 *   questions: [{ id: "real_name", column: "real_name", type: "binary" as const, positive: ["yes"], negative: ["no"] }],
 * };
 * tallyQuery(codebook, { table: "analytics.survey", dialect: "postgres" }).split("\n");
 * // → ['WITH "survey_rows" AS (',
 * //    '  SELECT CAST("real_name" AS VARCHAR) AS "c1"',
 * //    '  FROM "analytics"."survey"',
 * //    ")",
 * //    `SELECT 'real_name' AS "question", "c1" AS "v1", COUNT(*) AS "n"`,
 * //    'FROM "survey_rows"',
 * //    'GROUP BY "c1"',
 * //    ""]
 * ```
 */
export function tallyQuery(codebook: Codebook, options: TallyQueryOptions = {}): string {
  const dialect = options.dialect ?? "standard";
  const plan = sqlPlan(codebook, options.questions);
  if (plan.questions.length === 0) throw new SurveyError("E_ARGUMENT", "the codebook has no categorical question to tally");
  const { text, double } = sqlTypes(dialect);
  const id = (name: string) => quoteIdentifier(name, dialect);
  const rawColumns = [...new Set(plan.questions.flatMap((question) => question.cells))];
  const alias = new Map(rawColumns.map((column, i) => [column, `c${i + 1}`]));
  const design = plan.design;
  // The CTE reads each column once, under a name of svyprop's own, cast as the sums need it.
  const inner = [
    ...rawColumns.map((column) => `CAST(${id(column)} AS ${text}) AS ${id(alias.get(column) as string)}`),
    ...(design?.weights === undefined ? [] : [`CAST(${id(design.weights)} AS ${double}) AS ${id("w")}`]),
    ...(design?.strata === undefined ? [] : [`CAST(${id(design.strata)} AS ${text}) AS ${id("stratum")}`]),
    ...(design?.cluster === undefined ? [] : [`CAST(${id(design.cluster)} AS ${text}) AS ${id("psu")}`]),
    ...(design?.fpc === undefined ? [] : [`CAST(${id(design.fpc)} AS ${double}) AS ${id("fpc")}`]),
  ];
  const from = options.fromSql ?? quoteTableName(options.table ?? "survey", dialect);
  const groupedDesign = [design?.strata, design?.cluster, design?.fpc].flatMap((column, i) =>
    column === undefined ? [] : [id(["stratum", "psu", "fpc"][i] as string)],
  );
  const sums = [
    `COUNT(*) AS ${id("n")}`,
    ...(design?.weights === undefined
      ? []
      : [`SUM(${id("w")}) AS ${id("sw")}`, `SUM(${id("w")} * ${id("w")}) AS ${id("sw2")}`, `COUNT(${id("w")}) AS ${id("nw")}`, `MIN(${id("w")}) AS ${id("minw")}`]),
  ];
  const parts = plan.questions.map((question) => {
    const cells = question.cells.map((column) => id(alias.get(column) as string));
    const padded = Array.from({ length: plan.width }, (_, i) => `${cells[i] ?? `CAST(NULL AS ${text})`} AS ${id(`v${i + 1}`)}`);
    const select = [`${quoteLiteral(question.id, dialect)} AS ${id("question")}`, ...padded, ...groupedDesign, ...sums];
    return `SELECT ${select.join(", ")}\nFROM ${id("survey_rows")}\nGROUP BY ${[...cells, ...groupedDesign].join(", ")}`;
  });
  return `WITH ${id("survey_rows")} AS (\n  SELECT ${inner.join(",\n         ")}\n  FROM ${from}\n)\n${parts.join("\nUNION ALL\n")}\n`;
}
