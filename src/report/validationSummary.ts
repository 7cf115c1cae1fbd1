import type { ValidationReport } from "../survey";

/**
 * A plain-text summary of what loading did with the rows: rows read, each question's base and
 * what was left out, the first `maxIssues` problems with row, column and value (or, from an SQL
 * engine, with their number of rows), the problems
 * counted but not listed (beyond the reader's `issueLimit` of a question and code), and every
 * warning (a question the codebook leaves without an estimate) with its likely fix.
 *
 * @param report - The survey's validation report.
 * @param maxIssues - How many problems to list (default 10).
 * @returns The summary, one line per item.
 *
 * @example
 * ```ts
 * import { loadDataset, validationSummary } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * validationSummary(survey.report).split("\n")[3]; // → "  real_name: 140 used (7 no answer, 55 not asked)"
 * ```
 */
export function validationSummary(report: ValidationReport, maxIssues = 10): string {
  const omitted = report.omittedIssues ?? [];
  const counted = report.counted ?? [];
  const found = report.issues.length + omitted.reduce((sum, entry) => sum + entry.count, 0) + counted.reduce((sum, issue) => sum + issue.rows, 0);
  const lines = [`${report.rowsRead} rows read; ${found} problem(s) found.`];
  for (const [id, account] of Object.entries(report.questions)) {
    const leftOut = [
      account.missing > 0 ? `${account.missing} no answer` : "",
      account.notAsked > 0 ? `${account.notAsked} not asked` : "",
      account.excluded > 0 ? `${account.excluded} excluded` : "",
    ].filter(Boolean);
    lines.push(`  ${id}: ${account.used} used${leftOut.length > 0 ? ` (${leftOut.join(", ")})` : ""}`);
  }
  for (const issue of report.issues.slice(0, maxIssues)) {
    const where = [`row ${issue.row}`, issue.column ? `column "${issue.column}"` : "", issue.value !== undefined ? `value ${JSON.stringify(issue.value)}` : ""]
      .filter(Boolean)
      .join(", ");
    lines.push(`  ${issue.code} ${where}: ${issue.reason}`);
  }
  if (report.issues.length > maxIssues) {
    lines.push(`  … and ${report.issues.length - maxIssues} more (use --json for ${omitted.length > 0 ? "the list" : "all of them"})`);
  }
  for (const { question, code, count } of omitted) {
    lines.push(`  … and ${count} more ${code}${question === undefined ? "" : ` in question "${question}"`}, counted but not listed`);
  }
  if (counted.length > 0) lines.push("  Counted by the SQL engine's GROUP BY, which gives no row numbers:");
  for (const issue of counted.slice(0, maxIssues)) {
    const where = [issue.column ? `column "${issue.column}"` : "", issue.value !== undefined ? `value ${JSON.stringify(issue.value)}` : ""].filter(Boolean).join(", ");
    lines.push(`  ${issue.code} ${where}: ${issue.reason} (${issue.rows} row${issue.rows === 1 ? "" : "s"})`);
  }
  if (counted.length > maxIssues) lines.push(`  … and ${counted.length - maxIssues} more values (use --json for all of them)`);
  return `${lines.join("\n")}\n${warningSummary(report)}`;
}

/**
 * One line per warning of the report (all of them, or those of `questions`), with its likely fix;
 * "" when there is none. Printed even by quiet commands: each is a question left without an estimate.
 *
 * @param report - The survey's validation report.
 * @param questions - Only the warnings about these question ids (default: all).
 * @returns The lines, or "" when there is no warning.
 *
 * @example
 * ```ts
 * import { loadDataset, warningSummary } from "svyprop";
 *
 * const { survey } = await loadDataset("moubarak-2009");
 * warningSummary(survey.report); // → ""
 * ```
 */
export function warningSummary(report: ValidationReport, questions?: readonly string[]): string {
  const warnings = (report.warnings ?? []).filter((warning) => questions === undefined || questions.includes(warning.question));
  return warnings
    .map((warning) => {
      const at = warning.path === undefined ? "" : ` (at ${warning.path})`;
      return `Warning ${warning.code}: question "${warning.question}": ${warning.reason}. Fix: ${warning.fix}${at}.\n`;
    })
    .join("");
}
