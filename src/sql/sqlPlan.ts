import { leafFilters, type Codebook, type DesignSpec, type Question } from "../codebook";
import { samplingStages } from "../codebook/samplingStages";
import { SurveyError } from "../errors";
import { questionColumns } from "../survey/codeRawCells";

/** One question's share of the tally query: the raw cells its rows are grouped by. */
export interface SqlQuestionPlan {
  id: string;
  question: Question;
  /** The question's own columns, then those of every question its filter reads (transitively), each once. */
  cells: string[];
  /** The question and the questions its filter reads, in codebook order: what codes one group's cells. */
  codebook: Codebook;
}

/** The design columns the query sums over (a numeric fpc stays in the codebook). */
export interface SqlDesignColumns {
  weights?: string;
  strata?: string;
  cluster?: string;
  fpc?: string;
}

/** What the tally query groups by, shared by the query's writer and the reader of its result. */
export interface SqlPlan {
  questions: SqlQuestionPlan[];
  /** The most cells any question is grouped by: the result's v1 … v{width}. */
  width: number;
  /** The design's columns, or undefined for a simple random sample. */
  design: SqlDesignColumns | undefined;
}

/**
 * Plans the tally query of `questions` (default: every categorical question) of a checked
 * codebook. Each question is grouped by its raw cells and by the raw cells of the questions its
 * filter reads, so the skip logic is decided by svyprop's own coder on each distinct combination:
 * the denominators are those of the in-memory path by construction. Refuses (`E_ARGUMENT`) a
 * numeric question (its mean and quartiles need every row), and a calibrated or replicate-weight
 * design (raking reweights every row, replicate variances need every replicate's estimate):
 * those are read by svyprop itself.
 */
export function sqlPlan(codebook: Codebook, questions?: readonly string[]): SqlPlan {
  const design = sqlDesignColumns(codebook.design ?? {});
  const byId = new Map(codebook.questions.map((question) => [question.id, question]));
  const ids = questions ?? codebook.questions.filter((question) => question.type !== "numeric").map((question) => question.id);
  const planned = ids.map((id): SqlQuestionPlan => {
    const question = byId.get(id);
    if (question === undefined) {
      throw new SurveyError("E_UNKNOWN_QUESTION", `no question "${id}" in the codebook; questions are: ${codebook.questions.map((q) => q.id).join(", ")}`);
    }
    if (question.type === "numeric") {
      throw new SurveyError("E_ARGUMENT", `question "${id}" is numeric: its mean and quartiles need every row, which a GROUP BY does not return; read the file with svyprop instead`);
    }
    const read = filterDependencies(question, byId);
    const cells = [...new Set([question, ...read].flatMap(questionColumns))];
    const subset = new Set([question, ...read]);
    return { id, question, cells, codebook: { ...(codebook.missing ? { missing: codebook.missing } : {}), questions: codebook.questions.filter((q) => subset.has(q)) } };
  });
  return { questions: planned, width: Math.max(0, ...planned.map((plan) => plan.cells.length)), design };
}

/** Every question a question's filter reads, and those their filters read, without recursion. */
function filterDependencies(question: Question, byId: ReadonlyMap<string, Question>): Question[] {
  const seen = new Set<Question>();
  const pending = [question];
  while (pending.length > 0) {
    const current = pending.pop() as Question;
    if (current.filter === undefined) continue;
    for (const [leaf] of leafFilters(current.filter, current.id)) {
      const target = byId.get(leaf.question) as Question;
      if (!seen.has(target) && target !== question) {
        seen.add(target);
        pending.push(target);
      }
    }
  }
  return [...seen];
}

/**
 * The design columns a GROUP BY can sum over, or undefined when the design names no column (a
 * simple random sample, as `readDesignColumns` decides). Calibration and replicate weights are
 * refused: out of scope for SQL.
 */
function sqlDesignColumns(design: DesignSpec): SqlDesignColumns | undefined {
  if (design.calibration !== undefined) {
    throw new SurveyError(
      "E_ARGUMENT",
      "a calibrated design (postStratify or rake) cannot go through SQL: raking adjusts every row's weight until the margins agree, which needs the rows; read the file with svyprop instead",
      { path: "design.calibration" },
    );
  }
  if (design.replicates !== undefined) {
    throw new SurveyError(
      "E_ARGUMENT",
      "a replicate-weight design cannot go through SQL yet: its variance needs one estimate per replicate column; read the file with svyprop instead",
      { path: "design.replicates" },
    );
  }
  const [{ cluster, fpc }, ...laterStages] = samplingStages(design);
  if (laterStages.length > 0) {
    throw new SurveyError(
      "E_ARGUMENT",
      "a multistage design cannot go through SQL yet: its variance needs each PSU's own stage-2 sums, which this query does not group by; read the file with svyprop instead",
      { path: "design.cluster" },
    );
  }
  const { weights, strata } = design;
  if (weights === undefined && strata === undefined && cluster === undefined && typeof fpc !== "string") return undefined;
  return {
    ...(weights === undefined ? {} : { weights }),
    ...(strata === undefined ? {} : { strata }),
    ...(cluster === undefined ? {} : { cluster }),
    ...(typeof fpc === "string" ? { fpc } : {}),
  };
}
