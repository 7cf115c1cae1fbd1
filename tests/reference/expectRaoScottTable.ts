import { expect } from "vitest";
import { crosstab } from "../../src/estimate";
import type { Survey } from "../../src/survey";
import { expectClose } from "./expectSvycipropRow";
import type { TableReference } from "./rSurveyReference";

/** crosstab's Rao–Scott F and Chisq tests of `t.rows` × `t.cols` equal R svychisq's (statistic, df, p to 1e-6). */
export function expectRaoScottTable(survey: Survey, t: TableReference): void {
  const F = crosstab(survey, t.rows, t.cols, { test: "F" }).test;
  expect(F.method).toBe("rao-scott-F");
  expectClose(F.statistic, t.F[0], 1e-6, "F");
  expectClose(F.ndf, t.ndf[0], 1e-6, "ndf");
  expectClose(F.ddf, t.ddf[0], 1e-6, "ddf");
  expectClose(F.pValue, t.F_p[0], 1e-6, "F p");
  const X = crosstab(survey, t.rows, t.cols, { test: "Chisq" }).test;
  expect(X.method).toBe("rao-scott-chisq");
  expectClose(X.statistic, t.chisq[0], 1e-6, "Chisq");
  expect(X.df).toBe(t.chisq_df[0]);
  expectClose(X.pValue, t.chisq_p[0], 1e-6, "Chisq p");
}
