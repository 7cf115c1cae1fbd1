import { argumentError } from "../errors";
import {
  calibratedEstimate,
  designLogitFit,
  designMeans,
  designProportionCI,
  estimateFromTally,
  replicateEstimates,
  replicateLogitSE,
  type DesignEstimate,
  type ReplicateDesign,
} from "../stats/design";
import type { QuasibinomialFit } from "../stats/quasibinomialFit";
import { finalizeDesignTally, type DesignColumnNames, type DesignTally, type LonelyPsu } from "../tally";
import { SURVEY_CI_METHODS, type SurveyCIMethod } from "../stats/surveyProportionCI";
import type { CodedAnswers, DesignColumns } from "../survey";
import type { CIMethod } from "../types";
import { calibrationFor } from "./calibrationOf";
import { replicateDesignOf } from "./replicateDesignOf";

/** The one-proportion methods that have a design-based counterpart in R's `svyciprop`. */
const SURVEY_EQUIVALENT: Partial<Record<CIMethod, SurveyCIMethod>> = { "clopper-pearson": "beta", wald: "mean" };

/** One category's design-based estimate within one domain (a group, or the whole sample). */
export interface DesignCell {
  count: number;
  base: number;
  weightedCount: number;
  weightedBase: number;
  proportion: number;
  lower: number;
  upper: number;
  level: number;
  method: SurveyCIMethod;
  se: number;
  /** Left out where R's `deff = TRUE` is Inf, NaN or NA (see `Estimate.deff`). */
  deff?: number;
  effectiveN: number;
}

/**
 * Design-based estimates of every category of a question among the respondents who answered it
 * and belong to `inGroup`: weighted proportions with Taylor-linearised SEs on the full design
 * (R `svyby(~I(q == c), ~group, design, svyciprop)`: the domain keeps every PSU), deff as
 * `deff = TRUE`, Kish's effective n, and svyciprop's interval with the domain's df. On a
 * replicate-weight design the SEs are replicate variances (see `replicateCells`).
 */
export function designCells(
  answers: CodedAnswers,
  design: DesignColumns,
  inGroup: (row: number) => boolean,
  options: { method?: CIMethod | SurveyCIMethod; level?: number },
): DesignCell[] {
  const method = surveyMethod(options.method);
  const rows = answers.codes.length;
  const domain = new Uint8Array(rows);
  const ys = answers.categories.map(() => new Float64Array(rows));
  const counts = new Array<number>(answers.categories.length).fill(0);
  let base = 0;
  for (let row = 0; row < rows; row++) {
    const code = answers.codes[row] as number;
    if (code < 0 || !inGroup(row)) continue;
    domain[row] = 1;
    base += 1;
    answers.categories.forEach((_, c) => {
      const chosen = answers.kind === "multi" ? answers.selected[c]?.[row] === 1 : code === c;
      if (chosen) {
        (ys[c] as Float64Array)[row] = 1;
        counts[c] = (counts[c] as number) + 1;
      }
    });
  }
  const replicate = replicateDesignOf(design);
  if (replicate) return replicateCells(replicate, ys, domain, counts, base, method, options.level);
  const { weights: _, calibration: __, ...sampling } = design;
  const calibration = calibrationFor(design, rows);
  const weights = calibration?.weights ?? design.weights;
  const designInput = { ...sampling, ...(weights ? { weights } : {}) };
  const estimates = calibration
    ? ys.map((y) => calibratedEstimate({ ...sampling, y, domain, calibration }))
    : designMeans({ ...designInput, ys, domain });
  const fitOf = (c: number) => designLogitFit({ ...designInput, y: ys[c] as Float64Array, domain, calibrated: calibration !== undefined });
  // R's subset of a calibrated design keeps every row (at weight 0): svyciprop's nrow counts them all
  const intervalOf = (e: DesignEstimate) => (calibration ? { ...e, n: rows } : e);
  return estimates.map((e, c) => designCell(e, counts[c] as number, base, method, options.level, () => fitOf(c), intervalOf(e)));
}

/**
 * The cells on a replicate-weight design, as R survey 4.1-1 `svyby(~I(q == c), ~group,
 * svrepdesign(…), svyciprop)` computes them: each group a domain (`design[domain, ]`), each
 * proportion's SE from its replicate proportions, df the rank of the domain's replicate weights
 * minus one. "logit" uses the replicate SE of logit p̂ (R's svyglm refits every replicate);
 * "mean", "xlogit", "asin", "beta" and "wilson" use the SE of p̂, as svyciprop does. "likelihood" is
 * refused: R profiles a replicate-design deviance svyprop does not reproduce.
 */
function replicateCells(
  design: ReplicateDesign,
  ys: Float64Array[],
  domain: Uint8Array,
  counts: number[],
  base: number,
  method: SurveyCIMethod,
  level: number | undefined,
): DesignCell[] {
  if (method === "likelihood") {
    throw argumentError("method", 'is not available on a replicate-weight design; use "logit" (the default), "xlogit", "asin", "beta", "mean" or "wilson"', method);
  }
  if (base === 0) return [];
  const noFit = (): QuasibinomialFit => {
    throw new Error("unreachable: no logistic fit on a replicate design");
  };
  return replicateEstimates(design, ys, domain, "mean").map((e, c) => {
    const p = e.estimate;
    const logitScale = method === "logit" && p > 0 && p < 1;
    // svyciprop's logit interval is expit(logit p̂ ± t·SE_logit): the delta-method SE that maps to SE_logit
    const interval = logitScale ? { ...e, se: replicateLogitSE(e, design) * p * (1 - p) } : e;
    return designCell(e, counts[c] as number, base, method, level, noFit, interval);
  });
}

/**
 * The same cells from a design tally (`tallyFile` on a file with design columns), one list per
 * group: a whole-sample tally (`groups` 1) has the columns [answered, category 1, …, category k];
 * a tally split by a grouping question (the group-keyed layout) has them once per group, group
 * g's at g·(1 + k), each group a domain of the whole design as `designCells`' `inGroup`. A group
 * nobody in answered gets no cells. "likelihood" needs each row's weight for its logistic fit,
 * which a tally does not keep: it is refused.
 */
export function designCellsFromTally(
  tally: DesignTally,
  groups: number,
  options: { method?: CIMethod | SurveyCIMethod; level?: number; lonelyPsu?: LonelyPsu; names?: DesignColumnNames },
): DesignCell[][] {
  const method = surveyMethod(options.method);
  const final = finalizeDesignTally(tally, options.names);
  const width = final.columns / groups;
  // The names too: a lonely PSU's error names the strata column, as on the rows.
  const variance = { ...(options.lonelyPsu === undefined ? {} : { lonelyPsu: options.lonelyPsu }), ...(options.names === undefined ? {} : { names: options.names }) };
  return Array.from({ length: groups }, (_, g) => {
    const answered = g * width;
    const base = final.rowsNonzero[answered] as number;
    if (base === 0) return [];
    return Array.from({ length: width - 1 }, (__, c) =>
      designCell(estimateFromTally(final, answered + 1 + c, answered, "mean", variance), final.rowsNonzero[answered + 1 + c] as number, base, method, options.level, () => {
        throw argumentError("method", '"likelihood" needs every row (its logistic fit starts from each weight): read the file whole, without --stream', method);
      }),
    );
  });
}

/**
 * One category's cell from its design estimate: svyciprop's interval (with the fit for
 * "likelihood"). A domain whose rows lie in one PSU per stratum has no design degrees of
 * freedom: its limits are NaN, as R's (reports print "n/a"). `intervalOf` is the estimate the
 * interval is computed from when it differs (a replicate design's logit SE); a SE that is not a
 * number there (every replicate leaves the domain empty, where R stops) gives [0, 1].
 */
function designCell(
  e: DesignEstimate,
  count: number,
  base: number,
  method: SurveyCIMethod,
  level: number | undefined,
  fitOf: () => QuasibinomialFit,
  intervalOf: DesignEstimate = e,
): DesignCell {
  // svyciprop's profile interval needs the domain's logistic fit (not needed at p = 0, 1 or SE = 0)
  const profiled = method === "likelihood" && e.estimate > 0 && e.estimate < 1 && e.se > 0;
  const interval = !Number.isFinite(intervalOf.se)
    ? { lower: 0, upper: 1, level: level ?? 0.95 }
    : e.df >= 1
      ? designProportionCI(intervalOf, { method, ...(profiled ? { fit: fitOf() } : {}), ...(level === undefined ? {} : { level }) })
      : { lower: Number.NaN, upper: Number.NaN, level: level ?? 0.95 };
  return {
    count,
    base,
    weightedCount: e.estimate * e.sumWeights,
    weightedBase: e.sumWeights,
    proportion: e.estimate,
    lower: interval.lower,
    upper: interval.upper,
    level: interval.level,
    method,
    se: e.se,
    ...(Number.isFinite(e.deff) ? { deff: e.deff } : {}),
    effectiveN: e.effectiveN,
  };
}

/** svyciprop's method for an interval method name; default "logit", R's default. */
function surveyMethod(method: CIMethod | SurveyCIMethod | undefined): SurveyCIMethod {
  if (method === undefined) return "logit";
  if ((SURVEY_CI_METHODS as readonly string[]).includes(method)) return method as SurveyCIMethod;
  const equivalent = SURVEY_EQUIVALENT[method as CIMethod];
  if (equivalent) return equivalent;
  throw argumentError(
    "method",
    `has no design-based form for a weighted, stratified or clustered survey; use one of ${SURVEY_CI_METHODS.join(", ")} (or clopper-pearson → beta, wald → mean)`,
    method,
  );
}
