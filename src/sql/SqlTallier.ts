import { questionCategories, type Codebook } from "../codebook";
import { SurveyError } from "../errors";
import { reportWarnings, surveyFromTable, type CodedAnswers, type CountedIssue, type QuestionAccount, type ValidationReport } from "../survey";
import { createDesignTally, type DesignTally, type Tally } from "../tally";
import { addDesignGroup } from "../tally/addDesignGroup";
import { addCoding, emptyAccount } from "../tally/stream/accounting";
import type { CellCoding } from "../survey/codeRawCells";
import { sqlPlan, type SqlDesignColumns, type SqlQuestionPlan } from "./sqlPlan";

/** What `tallyFromSql` and `SqlTallier` build from the tally query's result. */
export interface SqlTally {
  /** Whole-sample tally per question id. */
  tallies: Map<string, Tally>;
  /** Per question, the design's per-stratum and per-PSU sums (absent for a simple random sample). */
  designTallies?: Map<string, DesignTally>;
  /** Rows and accounts as `loadSurvey` reports them; `issues` stays empty: the bad values and skip-logic violations are `counted`, per distinct value. */
  report: ValidationReport & {
    /** The cells left out of a question, one entry per distinct problem value, with its number of rows. */
    counted: CountedIssue[];
  };
}

/** How one distinct combination of a question's cells is coded, and why it is left out when it is. */
interface GroupCoding {
  coding: CellCoding;
  issue?: Omit<CountedIssue, "rows">;
}

/** One question's tallies as its result rows arrive. */
interface QuestionState {
  plan: SqlQuestionPlan;
  multi: boolean;
  tally: Tally;
  account: QuestionAccount;
  design: DesignTally | undefined;
  /** Codings by the question's cells joined with U+0000. */
  codings: Map<string, GroupCoding>;
  /** The result's column index of each cell v1 … */
  cellColumns: number[];
  values: number[];
}

/** The result columns a row is read by (lower-cased names). */
const COLUMNS = ["question", "stratum", "psu", "fpc", "n", "sw", "sw2", "nw", "minw"] as const;

/**
 * Builds tallies from the rows of the tally query's result (`tallyQuery`) as they arrive, in
 * bounded memory: each distinct combination of a question's raw cells (with the cells its filter
 * reads) is coded once by svyprop's own `surveyFromTable` — missing codes, category values, case
 * rules, multi-select, skip logic — so the counts, bases and design sums equal the in-memory
 * path's by construction. Only a design with an fpc and no weights keeps its rows until `finish`
 * (each weight N_h/n_h needs the stratum's number of PSUs first).
 */
export class SqlTallier {
  private readonly codebook: Codebook;
  private readonly design: SqlDesignColumns | undefined;
  private readonly states = new Map<string, QuestionState>();
  private readonly wanted: readonly string[] | undefined;
  private readonly column: Record<(typeof COLUMNS)[number], number>;
  private readonly header: readonly string[];
  private readonly counted = new Map<string, CountedIssue>();
  /** Rows kept until `finish` (a design with an fpc and no weights), else undefined. */
  private readonly held: unknown[][] | undefined;

  /** `header`: the result's column names, any case; `questions`: default, those the result holds. */
  constructor(codebook: Codebook, header: readonly string[], options: { questions?: readonly string[] } = {}) {
    this.codebook = codebook;
    this.header = header.map((name) => name.toLowerCase());
    this.column = Object.fromEntries(COLUMNS.map((name) => [name, this.header.indexOf(name)])) as SqlTallier["column"];
    this.design = sqlPlan(codebook, []).design;
    this.wanted = options.questions;
    for (const id of options.questions ?? []) this.state(id);
    const fpc = this.design?.fpc ?? codebook.design?.fpc;
    this.held = this.design !== undefined && this.design.weights === undefined && fpc !== undefined ? [] : undefined;
  }

  /** Adds one result row (values in the header's order). */
  add(row: readonly unknown[]): void {
    if (this.held) this.held.push([...row]);
    else this.addRow(row, undefined);
  }

  /** The tallies and report; refuses a result whose questions do not all count the same rows (a truncated export). */
  finish(): SqlTally {
    if (this.held) {
      const psus = this.psusPerStratum(this.held);
      for (const row of this.held) this.addRow(row, psus);
    }
    const states = [...this.states.values()].sort((a, b) => this.order(a.plan.id) - this.order(b.plan.id));
    const rowsRead = states[0]?.account.rowsRead ?? 0;
    for (const state of states) {
      if (state.account.rowsRead !== rowsRead) {
        throw new SurveyError("E_BAD_VALUE", `the result counts ${state.account.rowsRead} rows for question "${state.plan.id}" but ${rowsRead} for "${states[0]?.plan.id}": it is not one tally query's whole result`);
      }
    }
    const questions: Record<string, QuestionAccount> = Object.create(null);
    for (const state of states) questions[state.plan.id] = state.account;
    const report = { rowsRead, questions, issues: [], counted: [...this.counted.values()] };
    return {
      tallies: new Map(states.map((state) => [state.plan.id, state.tally])),
      ...(this.design === undefined ? {} : { designTallies: new Map(states.map((state) => [state.plan.id, state.design as DesignTally])) }),
      report: { ...report, warnings: reportWarnings(this.codebook, report) },
    };
  }

  private order(id: string): number {
    return this.codebook.questions.findIndex((question) => question.id === id);
  }

  private state(id: string): QuestionState {
    let state = this.states.get(id);
    if (state) return state;
    if (!this.codebook.questions.some((question) => question.id === id)) {
      throw new SurveyError("E_UNKNOWN_QUESTION", `the result names question "${id}", which the codebook lacks`);
    }
    const [plan] = sqlPlan(this.codebook, [id]).questions as [SqlQuestionPlan];
    const categories = questionCategories(plan.question);
    const cellColumns = plan.cells.map((_, i) => this.header.indexOf(`v${i + 1}`));
    const missing = cellColumns.indexOf(-1);
    if (missing >= 0) throw new SurveyError("E_BAD_VALUE", `the result has no column v${missing + 1}, which question "${id}" is grouped by: it is not the tally query's result`);
    state = {
      plan,
      multi: plan.question.type === "multi",
      tally: { question: id, categories, counts: new Float64Array(categories.length), bases: new Float64Array(1), ungrouped: 0 },
      account: emptyAccount(),
      design: this.design && createDesignTally(1 + categories.length, this.design.cluster !== undefined),
      codings: new Map(),
      cellColumns,
      values: new Array<number>(1 + categories.length).fill(0),
    };
    this.states.set(id, state);
    return state;
  }

  private addRow(row: readonly unknown[], psus: Map<string, number> | undefined): void {
    const id = text(row[this.column.question]);
    if (this.wanted !== undefined && !this.wanted.includes(id)) return;
    const state = this.state(id);
    const cells = state.cellColumns.map((c) => text(row[c]));
    const key = cells.join("\u0000");
    let group = state.codings.get(key);
    if (group === undefined) state.codings.set(key, (group = codeCells(state.plan, cells)));
    const n = this.count(row, "n");
    state.account.rowsRead += n;
    addCoding(state.tally.counts, state.account, group.coding, n, state.multi);
    state.tally.bases[0] = state.account.used;
    if (group.issue) {
      const issueKey = `${id}\u0000${group.issue.code}\u0000${group.issue.column}\u0000${group.issue.value}`;
      const seen = this.counted.get(issueKey);
      if (seen) seen.rows += n;
      else this.counted.set(issueKey, { ...group.issue, rows: n });
    }
    if (state.design === undefined) return;
    const { values } = state;
    values.fill(0);
    if (group.coding.code >= 0) {
      values[0] = 1;
      for (const c of state.multi ? group.coding.selected : [group.coding.code]) values[c + 1] = 1;
    }
    addDesignGroup(state.design, { ...this.sums(row, n, psus), values, rows: n }, this.design);
  }

  /** A row's stratum, PSU, fpc, Σw and Σw², checked: every row needs a weight that is not negative. */
  private sums(row: readonly unknown[], n: number, psus: Map<string, number> | undefined): { stratum: string; psu?: string; fpc?: number; sumW: number; sumW2: number } {
    const design = this.design as SqlDesignColumns;
    const fixedFpc = typeof this.codebook.design?.fpc === "number" ? this.codebook.design.fpc : undefined;
    const stratum = this.stratumOf(row);
    const fpc = design.fpc !== undefined ? Number(row[this.column.fpc] ?? Number.NaN) : fixedFpc;
    const where = { stratum, ...(design.cluster === undefined ? {} : { psu: this.psuOf(row) }), ...(fpc === undefined ? {} : { fpc }) };
    if (design.weights !== undefined) {
      const weighted = this.count(row, "nw");
      if (weighted !== n) throw new SurveyError("E_BAD_WEIGHT", `${n - weighted} row(s) have no weight (NULL): a design needs every respondent's weight`, { column: design.weights });
      const minimum = row[this.column.minw];
      if (!(Number(minimum) >= 0)) throw new SurveyError("E_BAD_WEIGHT", "weights must be finite and non-negative", { column: design.weights, value: text(minimum) });
      return { ...where, sumW: Number(row[this.column.sw]), sumW2: Number(row[this.column.sw2]) };
    }
    const sampled = psus?.get(stratum);
    const w = fpc === undefined || sampled === undefined ? 1 : fpc / sampled;
    return { ...where, sumW: n * w, sumW2: n * w * w };
  }

  /**
   * Sampled PSUs per stratum, counted over the rows of one question (each question's rows hold
   * every respondent): the n_h of the weights N_h/n_h that R `svydesign` and `designWeights` set
   * from an fpc alone.
   */
  private psusPerStratum(rows: readonly unknown[][]): Map<string, number> {
    const first = rows[0] === undefined ? undefined : text(rows[0][this.column.question]);
    const clustered = this.design?.cluster !== undefined;
    const seen = new Map<string, Set<string>>();
    const counts = new Map<string, number>();
    for (const row of rows) {
      if (text(row[this.column.question]) !== first) continue;
      const stratum = this.stratumOf(row);
      if (clustered) {
        const set = seen.get(stratum) ?? new Set<string>();
        seen.set(stratum, set.add(this.psuOf(row)));
        counts.set(stratum, set.size);
      } else counts.set(stratum, (counts.get(stratum) ?? 0) + this.count(row, "n"));
    }
    return counts;
  }

  private stratumOf(row: readonly unknown[]): string {
    return this.design?.strata === undefined ? "" : text(row[this.column.stratum]).trim();
  }

  private psuOf(row: readonly unknown[]): string {
    return text(row[this.column.psu]).trim();
  }

  /** A whole, non-negative count from the result (engines give bigint, number or text). */
  private count(row: readonly unknown[], column: "n" | "nw"): number {
    const raw = row[this.column[column]];
    const value = raw === "" || raw === null || raw === undefined ? Number.NaN : Number(raw);
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new SurveyError("E_BAD_VALUE", `the result's column "${column}" must hold whole numbers ≥ 0`, { column, value: text(raw) });
    }
    return value;
  }
}

/**
 * Codes one combination of a question's cells (v1 … in the plan's column order) through
 * `surveyFromTable` on a one-row table, so a bad value or a skip-logic violation is found once
 * per combination and counted with its rows.
 */
function codeCells(plan: SqlQuestionPlan, cells: string[]): GroupCoding {
  const survey = surveyFromTable({ header: plan.cells, rows: [cells], rowNumbers: [2] }, plan.codebook);
  const coded = survey.answers.get(plan.id) as CodedAnswers;
  const code = coded.codes[0] as number;
  const selected = coded.kind === "multi" && code >= 0 ? coded.selected.flatMap((chosen, c) => (chosen[0] === 1 ? [c] : [])) : [];
  const found = survey.report.issues.find((issue) => issue.question === plan.id && (issue.code === "E_BAD_VALUE" || issue.code === "E_SKIP_LOGIC"));
  const issue =
    found &&
    ({
      code: found.code as CountedIssue["code"],
      question: plan.id,
      ...(found.column === undefined ? {} : { column: found.column }),
      ...(found.value === undefined ? {} : { value: found.value }),
      reason: found.reason,
    } satisfies Omit<CountedIssue, "rows">);
  return { coding: { code, selected, value: Number.NaN }, ...(issue ? { issue } : {}) };
}

/** A result cell as the raw text a CSV would hold: SQL NULL is an empty cell. */
function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}
