import { expect } from "vitest";
import { readFileSync } from "node:fs";
import { parseCodebook, type DesignSpec } from "../../src/codebook";
import { parseCsv } from "../../src/load";
import { surveyFromTable, type Survey } from "../../src/survey";
import { oracleData } from "../paths";
import type { AssociationTest } from "../../src/estimate";
import { expectClose, num, type OracleCase } from "../stats/oracle";

/** The crosstab tests' surveys: tables of counts (the oracle's scipy and R cases) and the oracle's weighted CSVs (R svychisq). */
const single = (id: string, levels: readonly string[]) => ({ id, column: id, type: "single" as const, categories: levels.map((l) => ({ code: l, label: l, values: [l] })) });

/** A survey whose respondents fill `table`: table[i][j] respondents answer (r = i, c = j). */
export function surveyOfTable(table: readonly (readonly number[])[], design: DesignSpec = {}): Survey {
  const lines = ["r,c"];
  table.forEach((row, i) => row.forEach((count, j) => lines.push(...Array.from({ length: count }, () => `${i},${j}`))));
  const levels = (n: number) => Array.from({ length: n }, (_, i) => String(i));
  const codebook = parseCodebook({ design, questions: [single("r", levels(table.length)), single("c", levels(table[0]!.length))] });
  return surveyFromTable(parseCsv(`${lines.join("\n")}\n`), codebook);
}

/** Whether every row and column of a table has a count. */
export const positiveMargins = (table: number[][]) => table.every((row) => row.some((v) => v > 0)) && table[0]!.every((_, j) => table.some((row) => row[j]! > 0));

/** The designs of the oracle's weighted CSVs, as R's svydesign calls of weighted.json give them. */
export const WEIGHTED_DESIGNS: Record<string, DesignSpec> = {
  a_unequal: { weights: "w" },
  b_stratified_fpc: { weights: "w", strata: "stratum", fpc: "fpc" },
  c_strat_cluster: { weights: "w", strata: "stratum", cluster: "psu" },
};

/**
 * The survey of a weighted.json svychisq case: its CSV with its design (or `design`), and its two
 * variables as single-choice questions (y1f / y2f are factor(y1) / factor(y2): questions on y1 / y2).
 */
export function svychisqSurvey(c: OracleCase, design: DesignSpec = WEIGHTED_DESIGNS[c.inputs.dataset as string]!): Survey {
  const table = parseCsv(readFileSync(oracleData(`weighted_${c.inputs.dataset as string}.csv`), "utf8"));
  const levels = (column: string) => [...new Set(table.rows.map((row) => row[table.header.indexOf(column)] as string))].sort();
  const question = (name: string) => {
    const column = /^y\df$/.test(name) ? name.slice(0, -1) : name;
    return { ...single(name, levels(column)), column };
  };
  const [a, b] = c.inputs.variables as [string, string];
  return surveyFromTable(table, parseCodebook({ design, questions: [question(a), question(b)] }));
}

/** A Rao–Scott test equals R svychisq's of an oracle case: statistic and p, and ndf/ddf (F) or df (Chisq), to 1e-8. */
export function expectSvychisq(test: AssociationTest, c: OracleCase): void {
  expectClose(test.statistic!, num(c.outputs.statistic), 1e-8, "statistic");
  expectClose(test.pValue, num(c.outputs.p_value), 1e-8, "p");
  if (c.method.split("/")[1] === "F") {
    expectClose(test.ndf!, num(c.outputs.ndf), 1e-8, "ndf");
    expectClose(test.ddf!, num(c.outputs.ddf), 1e-8, "ddf");
  } else expect(test.df, "df").toBe(num(c.outputs.df));
}
