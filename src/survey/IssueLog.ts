import type { ErrorCode } from "../errors";
import { SurveyError } from "../errors";
import type { DataIssue, OmittedIssues, ValidationReport } from "./types";

/** Problems kept per question and code when no `issueLimit` is given. */
const DEFAULT_ISSUE_LIMIT = 1000;

/**
 * The problems found while reading, in bounded memory, for both reading paths: the first `limit`
 * of each question and code are kept (in the order they are pushed, which is row order for each
 * question and code), the rest are counted. A file whose every cell is bad then costs
 * `limit` issues per question instead of one per cell, and its report still says how many
 * problems there were (`ValidationReport.omittedIssues`).
 */
export class IssueLog {
  /** The problems kept, in the order pushed. */
  readonly issues: DataIssue[] = [];
  /** Per question (undefined: a problem of the whole row) and code: problems kept, and left out. */
  private readonly tallies = new Map<string | undefined, Map<ErrorCode, { kept: number; omitted: number }>>();

  constructor(readonly limit: number = DEFAULT_ISSUE_LIMIT) {
    if (!(limit >= 0 && (Number.isInteger(limit) || limit === Infinity))) {
      throw new SurveyError("E_ARGUMENT", "issueLimit must be a whole number ≥ 0 (or Infinity to keep every problem)", { value: String(limit) });
    }
  }

  /** Keeps the problem if fewer than `limit` of its question and code are kept, else counts it. */
  push(issue: DataIssue): void {
    const tally = this.tallyOf(issue.question, issue.code);
    if (tally.kept < this.limit) {
      tally.kept += 1;
      this.issues.push(issue);
    } else tally.omitted += 1;
  }

  /** Counts problems left out elsewhere (by the log of a part of the file read on another thread). */
  omit({ question, code, count }: OmittedIssues): void {
    this.tallyOf(question, code).omitted += count;
  }

  /** The kept problems sorted by row (stably: a row's problems stay in the order pushed) and the counts of those left out, as a report holds them. */
  toReport(): Pick<ValidationReport, "issues" | "omittedIssues"> {
    this.issues.sort((a, b) => a.row - b.row);
    const omitted: OmittedIssues[] = [];
    for (const [question, codes] of this.tallies) {
      for (const [code, { omitted: count }] of codes) {
        if (count > 0) omitted.push({ ...(question === undefined ? {} : { question }), code, count });
      }
    }
    return { issues: this.issues, ...(omitted.length > 0 ? { omittedIssues: omitted } : {}) };
  }

  private tallyOf(question: string | undefined, code: ErrorCode): { kept: number; omitted: number } {
    let codes = this.tallies.get(question);
    if (codes === undefined) this.tallies.set(question, (codes = new Map()));
    let tally = codes.get(code);
    if (tally === undefined) codes.set(code, (tally = { kept: 0, omitted: 0 }));
    return tally;
  }
}
