import { join } from "node:path";
import type { ChartLocale } from "../../src/charts";
import { surveyReport } from "../../src/cli/reportSections";
import { estimateSource } from "../../src/estimate/estimateSource";
import { resolveCodebook } from "../../src/survey";
import { repoRoot } from "../paths";

const data = join(repoRoot, "data", "moubarak-2009");
export const moubarakCsv = join(data, "responses.csv");
export const moubarakCodebook = join(data, "codebook.json");

/** A fixed date, so two writes of the same report can be compared byte for byte. */
export const CREATED = new Date("2026-03-01T12:00:00Z");

/** The Moubarak survey's report as `svyprop report` builds it: every categorical question, labels in `locale`. */
export async function moubarakReport(locale: ChartLocale, questions?: string[]) {
  const codebook = await resolveCodebook(moubarakCodebook);
  const { estimates, report } = await estimateSource(moubarakCsv, codebook, { locale, ...(questions === undefined ? {} : { questions }) });
  return { rows: estimates, report: surveyReport(estimates, codebook, report, { file: moubarakCsv, locale, decimals: 0 }) };
}
