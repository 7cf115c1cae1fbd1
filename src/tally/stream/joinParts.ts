import type { QuestionAccount, ValidationReport } from "../../survey";
import { IssueLog } from "../../survey/IssueLog";
import { mergeDesignTallies, type DesignTally } from "../designTally";
import type { Tally } from "../types";
import { addTally, emptyAccount } from "./accounting";
import { Utf8Evidence } from "../../load/Utf8Evidence";
import type { ChunkTally } from "./tallyChunks";

/** Whole-sample tallies of a file and the report of what was counted and what was left out. */
export interface FileTally {
  /** Per question id, in codebook order. */
  tallies: Map<string, Tally>;
  /** The same accounting as `survey.report`: `rowsRead = used + missing + notAsked + excluded` per question. */
  report: ValidationReport;
  /** Per categorical question, the design tally, when the codebook's design can be streamed (`streamableDesign`). */
  designTallies?: Map<string, DesignTally>;
  /** Split by a grouping question (`TallyFileOptions.by`): per categorical question, its tally by group (`Tally.by`). */
  byTallies?: Map<string, Tally>;
  /**
   * Split by a grouping question, with `designTallies` (instead of them): per categorical question, the design tally
   * of G·(1 + k) columns, group-major — for group g, [answered ∧ in g, category 1 ∧ in g, …,
   * category k ∧ in g] — that `estimatesFromDesignTally` turns into one row per group and category.
   */
  byDesignTallies?: Map<string, DesignTally>;
  /** The evidence of every part's bytes about their encoding, joined. */
  evidence: Utf8Evidence;
  /** The delimiter the records were read with. */
  delimiter: string;
}

/**
 * Joins the tallies of consecutive parts of one file (in file order) with `mergeTallies`.
 * `linesBefore` is the number of line breaks before the first part; each later part's rows are
 * shifted by the line breaks of the parts before it, so every issue names its spreadsheet row.
 * The parts' problems go through one `IssueLog` of `issueLimit`, in file order, so the file keeps
 * the first problems of each question and code, and counts the rest, as one thread would.
 */
export function joinParts(parts: readonly ChunkTally[], linesBefore: number, issueLimit?: number): FileTally {
  const tallies = new Map<string, Tally>();
  const questions: Record<string, QuestionAccount> = Object.create(null);
  const issues = new IssueLog(issueLimit);
  let rowsRead = 0;
  let designTallies: Map<string, DesignTally> | undefined;
  let byDesignTallies: Map<string, DesignTally> | undefined;
  let byTallies: Map<string, Tally> | undefined;
  let offset = linesBefore;
  const evidence = new Utf8Evidence();
  for (const part of parts) {
    evidence.join(part.evidence);
    if (part.designTallies) designTallies = joinDesignTallies(designTallies, part.designTallies, offset);
    if (part.byDesignTallies) byDesignTallies = joinDesignTallies(byDesignTallies, part.byDesignTallies, offset);
    for (const tally of part.tallies.values()) addTally(tallies, tally);
    if (part.byTallies) for (const tally of part.byTallies.values()) addTally((byTallies ??= new Map()), tally);
    for (const [id, account] of Object.entries(part.accounts)) {
      const total = questions[id] ?? emptyAccount();
      questions[id] = {
        rowsRead: total.rowsRead + account.rowsRead,
        used: total.used + account.used,
        missing: total.missing + account.missing,
        notAsked: total.notAsked + account.notAsked,
        excluded: total.excluded + account.excluded,
      };
    }
    for (const issue of part.issues) issues.push({ ...issue, row: issue.row + offset });
    for (const omitted of part.omittedIssues ?? []) issues.omit(omitted);
    rowsRead += part.rowsRead;
    offset += part.lineBreaks;
  }
  const report: ValidationReport = { rowsRead, questions, ...issues.toReport() };
  return {
    tallies,
    report,
    ...(designTallies ? { designTallies } : {}),
    ...(byTallies ? { byTallies } : {}),
    ...(byDesignTallies ? { byDesignTallies } : {}),
    evidence,
    delimiter: parts[0]?.delimiter ?? ",",
  };
}

/** The running design tallies with a part's added; the part's rows count from `offset` line breaks into the file. */
function joinDesignTallies(running: Map<string, DesignTally> | undefined, part: ReadonlyMap<string, DesignTally>, offset: number): Map<string, DesignTally> {
  const joined = running ?? new Map<string, DesignTally>();
  for (const [id, tally] of part) {
    for (const stratum of tally.strata.values()) stratum.firstRow += offset; // rows of the part → rows of the file
    const sum = joined.get(id);
    joined.set(id, sum ? mergeDesignTallies(sum, tally) : tally);
  }
  return joined;
}
