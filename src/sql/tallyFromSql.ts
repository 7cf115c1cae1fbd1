import { questionCategories, type Codebook } from "../codebook";
import { SurveyError } from "../errors";
import { reportWarnings, surveyFromTable, type CodedAnswers, type CountedIssue, type QuestionAccount, type ValidationReport } from "../survey";
import { addDesignGroup, createDesignTally, type DesignTally, type Tally } from "../tally";
import { emptyAccount, addCoding } from "../tally/stream/accounting";
import type { CellCoding } from "../tally/stream/codeRawCells";
import { sqlPlan, type SqlDesignColumns, type SqlQuestionPlan } from "./sqlPlan";

/** One row of the tally query's result, by column name (any case): question, v1…, stratum, psu, fpc, n, sw, sw2, nw, minw. */
export type SqlRow = Readonly<Record<string, unknown>>;

export interface SqlTally {
  /** Whole-sample tally per question id. */
  tallies: Map<string, Tally>;
  /** Per question, the design's per-stratum and per-PSU sums (absent for a simple random sample). */
  designTallies?: Map<string, DesignTally>;
  /** Rows and accounts as `loadSurvey` reports them; `issues` stays empty: the bad values and skip-logic violations are `counted`, per distinct value. */
  report: ValidationReport & { counted: CountedIssue[] };
}

/** How one distinct combination of a question's cells is coded, and why it is left out when it is. */
interface GroupCoding {
  coding: CellCoding;
  issue?: Omit<CountedIssue, "rows">;
}

/**
 * The tallies of the tally query's result (`tallyQuery`, run by any engine): each distinct
 * combination of a question's raw cells (with the cells its filter reads) is coded once by
 * svyprop's own `surveyFromTable` — missing codes, category values, case rules, multi-select
 * lists, skip logic — so the counts, bases and design sums equal the in-memory path's by
 * construction. `questions` defaults to those the result holds. A result whose questions do not
 * all count the same rows (a truncated export), a row without a weight or with a negative one,
 * is refused.
 */
export function tallyFromSql(rows: Iterable<SqlRow>, codebook: Codebook, options: { questions?: readonly string[] } = {}): SqlTally {
  const byQuestion = new Map<string, SqlRow[]>();
  for (const raw of rows) {
    const row = lowerCaseKeys(raw);
    const id = String(row.question);
    const list = byQuestion.get(id);
    if (list) list.push(row);
    else byQuestion.set(id, [row]);
  }
  for (const id of byQuestion.keys()) {
    if (!codebook.questions.some((question) => question.id === id)) {
      throw new SurveyError("E_UNKNOWN_QUESTION", `the result names question "${id}", which the codebook lacks`);
    }
  }
  const wanted = options.questions ?? codebook.questions.filter((question) => byQuestion.has(question.id)).map((question) => question.id);
  const plan = sqlPlan(codebook, wanted);
  const design = plan.design;
  const sizes = plan.questions.map((question) => (byQuestion.get(question.id) ?? []).reduce((sum, row) => sum + count(row, "n"), 0));
  const rowsRead = sizes[0] ?? 0;
  sizes.forEach((size, q) => {
    if (size !== rowsRead) {
      throw new SurveyError("E_BAD_VALUE", `the result counts ${size} rows for question "${plan.questions[q]?.id}" but ${rowsRead} for "${plan.questions[0]?.id}": it is not one tally query's whole result`);
    }
  });
  const weightOf = design === undefined ? undefined : groupWeights(design, codebook, byQuestion.get(plan.questions[0]?.id ?? "") ?? []);
  const tallies = new Map<string, Tally>();
  const designTallies = new Map<string, DesignTally>();
  const questions: Record<string, QuestionAccount> = Object.create(null);
  const counted = new Map<string, CountedIssue>();
  for (const question of plan.questions) {
    const categories = questionCategories(question.question);
    const multi = question.question.type === "multi";
    const tally: Tally = { question: question.id, categories, counts: new Float64Array(categories.length), bases: new Float64Array(1), ungrouped: 0 };
    const account = emptyAccount();
    const designTally = design && createDesignTally(1 + categories.length, design.cluster !== undefined);
    const groups = byQuestion.get(question.id) ?? [];
    const codings = codeGroups(question, groups);
    groups.forEach((row, g) => {
      const { coding, issue } = codings[g] as GroupCoding;
      const n = count(row, "n");
      account.rowsRead += n;
      addCoding(tally.counts, account, coding, n, multi);
      if (issue) {
        const key = JSON.stringify(issue);
        const seen = counted.get(key);
        if (seen) seen.rows += n;
        else counted.set(key, { ...issue, rows: n });
      }
      if (designTally && weightOf) {
        const values = new Array<number>(1 + categories.length).fill(0);
        if (coding.code >= 0) {
          values[0] = 1;
          for (const c of multi ? coding.selected : [coding.code]) values[c + 1] = 1;
        }
        addDesignGroup(designTally, { ...weightOf(row), values, rows: n }, design);
      }
    });
    tally.bases[0] = account.used;
    tallies.set(question.id, tally);
    questions[question.id] = account;
    if (designTally) designTallies.set(question.id, designTally);
  }
  const report = { rowsRead, questions, issues: [], counted: [...counted.values()] };
  return { tallies, ...(design === undefined ? {} : { designTallies }), report: { ...report, warnings: reportWarnings(codebook, report) } };
}

/**
 * Codes each group's cells (v1 … in the plan's column order) through `surveyFromTable` on a table
 * of the distinct combinations: one row each, so a bad value or a skip-logic violation is found
 * once per combination and counted with its rows.
 */
function codeGroups(question: SqlQuestionPlan, groups: readonly SqlRow[]): GroupCoding[] {
  const distinct = new Map<string, number>();
  const tableRows: string[][] = [];
  const index = groups.map((row) => {
    const cells = question.cells.map((_, i) => text(row[`v${i + 1}`]));
    const key = JSON.stringify(cells);
    let at = distinct.get(key);
    if (at === undefined) {
      at = tableRows.length;
      distinct.set(key, at);
      tableRows.push(cells);
    }
    return at;
  });
  const survey = surveyFromTable({ header: question.cells, rows: tableRows, rowNumbers: tableRows.map((_, i) => i + 2) }, question.codebook);
  const coded = survey.answers.get(question.id) as CodedAnswers;
  const issues = new Map<number, Omit<CountedIssue, "rows">>();
  for (const issue of survey.report.issues) {
    if (issue.question !== question.id || (issue.code !== "E_BAD_VALUE" && issue.code !== "E_SKIP_LOGIC")) continue;
    issues.set(issue.row - 2, {
      code: issue.code,
      question: question.id,
      ...(issue.column === undefined ? {} : { column: issue.column }),
      ...(issue.value === undefined ? {} : { value: issue.value }),
      reason: issue.reason,
    });
  }
  const codings = tableRows.map((_, r): GroupCoding => {
    const code = coded.codes[r] as number;
    const selected = coded.kind === "multi" && code >= 0 ? coded.selected.flatMap((chosen, c) => (chosen[r] === 1 ? [c] : [])) : [];
    const issue = issues.get(r);
    return { coding: { code, selected, value: Number.NaN }, ...(issue === undefined ? {} : { issue }) };
  });
  return index.map((at) => codings[at] as GroupCoding);
}

/**
 * Each group's stratum, PSU, fpc, Σw and Σw², checked: every row needs a weight that is not
 * negative. Without a weights column, w = N_h/n_h from the fpc (n_h the stratum's sampled PSUs,
 * counted over `firstQuestion`'s groups, which hold every row), as R `svydesign` and
 * `designWeights` set it, or 1.
 */
function groupWeights(design: SqlDesignColumns, codebook: Codebook, firstQuestion: readonly SqlRow[]): (row: SqlRow) => { stratum: string; psu?: string; fpc?: number; sumW: number; sumW2: number } {
  const fixedFpc = typeof codebook.design?.fpc === "number" ? codebook.design.fpc : undefined;
  const stratumOf = (row: SqlRow) => (design.strata === undefined ? "" : text(row.stratum).trim());
  const psuOf = (row: SqlRow) => text(row.psu).trim();
  const fpcOf = (row: SqlRow) => (design.fpc !== undefined ? Number(row.fpc ?? Number.NaN) : fixedFpc);
  const psus = new Map<string, Set<string> | number>();
  if (design.weights === undefined && (design.fpc !== undefined || fixedFpc !== undefined)) {
    for (const row of firstQuestion) {
      const key = stratumOf(row);
      if (design.cluster === undefined) psus.set(key, ((psus.get(key) as number | undefined) ?? 0) + count(row, "n"));
      else {
        const set = (psus.get(key) as Set<string> | undefined) ?? new Set<string>();
        set.add(psuOf(row));
        psus.set(key, set);
      }
    }
  }
  return (row) => {
    const n = count(row, "n");
    const stratum = stratumOf(row);
    const fpc = fpcOf(row);
    const where = {
      stratum,
      ...(design.cluster === undefined ? {} : { psu: psuOf(row) }),
      ...(fpc === undefined ? {} : { fpc }),
    };
    if (design.weights !== undefined) {
      if (count(row, "nw") !== n) {
        throw new SurveyError("E_BAD_WEIGHT", `${n - count(row, "nw")} row(s) have no weight (NULL): a design needs every respondent's weight`, { column: design.weights });
      }
      const minimum = Number(row.minw);
      if (!(minimum >= 0)) throw new SurveyError("E_BAD_WEIGHT", "weights must be finite and non-negative", { column: design.weights, value: String(row.minw) });
      return { ...where, sumW: Number(row.sw), sumW2: Number(row.sw2) };
    }
    const sampled = psus.get(stratum);
    const w = fpc === undefined || sampled === undefined ? 1 : fpc / (typeof sampled === "number" ? sampled : sampled.size);
    return { ...where, sumW: n * w, sumW2: n * w * w };
  };
}

/** A result cell as the raw text a CSV would hold: SQL NULL is an empty cell. */
function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

/** A whole, non-negative count from the result (engines give bigint, number or text). */
function count(row: SqlRow, column: string): number {
  const raw = row[column];
  const value = raw === "" || raw === null ? Number.NaN : Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new SurveyError("E_BAD_VALUE", `the result's column "${column}" must hold whole numbers ≥ 0`, { column, value: text(row[column]) });
  }
  return value;
}

function lowerCaseKeys(row: SqlRow): SqlRow {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key.toLowerCase(), value]));
}
