import { argumentError } from "../errors";

/** Numbers by index: an array or a typed array. */
export type Numbers = ArrayLike<number>;

/**
 * An intercept-only logistic (quasibinomial) regression, y ~ 1, with prior weights normalised
 * to mean 1 as R's `svyglm` does, fitted by iteratively reweighted least squares exactly as R's
 * `glm.fit` (McCullagh & Nelder 1989, "Generalized Linear Models", §2.5; R 4.2 `glm.fit`,
 * `binomial()$initialize`, `make.link("logit")`): start at μ_i = (w_i y_i + ½)/(w_i + 1), stop
 * when |D − D_old|/(|D| + 0.1) < 1e-8. Everything downstream of svyciprop's "likelihood" depends
 * on where IRLS stops, not only on the exact maximum, so the fit keeps that state.
 */
export interface QuasibinomialFit {
  /** Where IRLS stopped: the intercept β on the logit scale and μ = expit(β). */
  coefficient: number;
  /** μ = expit(β): the fitted proportion where IRLS stopped. */
  fitted: number;
  /** Residual deviance at β: −2 Σ w_i [y_i log μ + (1 − y_i) log(1 − μ)] with normalised weights. */
  deviance: number;
  /** Σ of the working weights of the last IRLS step: 1 / the model-based variance of β. */
  workingWeightSum: number;
  /** The exact maximum-likelihood proportion Σwy/Σw. */
  proportion: number;
  /** Rows in the model frame (R `NROW(y)`). */
  rows: number;
  /** Rows with a nonzero weight. */
  weightedRows: number;
  /** IRLS iterations done (R `glm` `iter`). */
  iterations: number;
}

const EPSILON = 1e-8;
const MAX_ITERATIONS = 25;
const DOUBLE_EPSILON = 2.220446049250313e-16;
/** R's logit link clamps the linear predictor beyond ±30 (`THRESH` in family.c). */
const THRESHOLD = 30;

/** R's `plogis` as the logit link's inverse in family.c: saturates at ε beyond |η| = 30. */
export function logitLinkInverse(eta: number): number {
  const t = eta < -THRESHOLD ? DOUBLE_EPSILON : eta > THRESHOLD ? 1 / DOUBLE_EPSILON : Math.exp(eta);
  return t / (1 + t);
}

/** dμ/dη of the logit link as R computes it (at least ε). */
function logitMuEta(eta: number): number {
  if (eta > THRESHOLD || eta < -THRESHOLD) return DOUBLE_EPSILON;
  const onePlusExp = 1 + Math.exp(eta);
  return Math.exp(eta) / (onePlusExp * onePlusExp);
}

/** Binomial deviance residual of y ∈ {0, 1} at μ with weight w: −2w log μ or −2w log(1 − μ). */
function devianceResidual(y: number, mu: number, w: number): number {
  return -2 * w * Math.log(y === 1 ? mu : 1 - mu);
}

/** Sums over the rows at IRLS's starting values, with weights normalised to mean 1. */
interface StartSums {
  rows: number;
  weightedRows: number;
  /** Σ w y (normalised weights; Σ w = rows). */
  successes: number;
  /** Σ u_i z_i and Σ u_i over the working weights u_i and working responses z_i of iteration 1. */
  workingResponse: number;
  workingWeights: number;
  /** Deviance at the starting values. */
  deviance: number;
}

/** One row's share of the start sums: y ∈ {0, 1} with normalised weight w, `count` times. */
function addStart(sums: StartSums, y: number, w: number, count: number): void {
  sums.successes += count * w * y;
  if (w === 0) return;
  sums.weightedRows += count;
  const mu0 = (w * y + 0.5) / (w + 1);
  const eta = Math.log(mu0 / (1 - mu0));
  const muEta = logitMuEta(eta);
  const mu = logitLinkInverse(eta);
  const working = (w * muEta * muEta) / (mu * (1 - mu));
  sums.workingResponse += count * working * (eta + (y - mu) / muEta);
  sums.workingWeights += count * working;
  sums.deviance += count * devianceResidual(y, mu, w);
}

const emptySums = (rows: number): StartSums => ({ rows, weightedRows: 0, successes: 0, workingResponse: 0, workingWeights: 0, deviance: 0 });

/**
 * Fits y ~ 1 to the rows given (y 0 or 1; weights default 1, only their ratios matter).
 *
 * R: `glm(y ~ 1, weights = w, family = quasibinomial())`, fitted by iteratively reweighted least
 * squares as R's `glm.fit` (McCullagh & Nelder 1989, Generalized Linear Models, 2nd ed., §2.5).
 *
 * @param y - The answers, each 0 or 1.
 * @param weights - The rows' weights (default 1 each).
 * @returns The fitted intercept on the logit scale, the fitted proportion, the deviance and the
 *   IRLS bookkeeping.
 *
 * @example
 * ```ts
 * import { quasibinomialFit } from "svyprop";
 *
 * // IRLS stops within about 1e-9 of 2/5:
 * quasibinomialFit([1, 1, 0, 0, 0]); // → { fitted: 0.4, coefficient: -0.405465 }
 * ```
 */
export function quasibinomialFit(y: Numbers, weights?: Numbers): QuasibinomialFit {
  const rows = y.length;
  if (weights !== undefined && weights.length !== rows) throw argumentError("weights", `must have ${rows} values`, weights.length);
  let sumW = 0;
  for (let i = 0; i < rows; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw argumentError(`y[${i}]`, "must be 0 or 1", y[i]);
    const w = weights === undefined ? 1 : weights[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) throw argumentError(`weights[${i}]`, "must be a finite non-negative number", w);
    sumW += w;
  }
  if (!(sumW > 0)) throw argumentError("weights", "must not all be zero");
  const scale = rows / sumW; // svyglm's prior weights: (1/π)/mean(1/π)
  const sums = emptySums(rows);
  for (let i = 0; i < rows; i++) addStart(sums, y[i]!, weights === undefined ? 1 : weights[i]! * scale, 1);
  return iterate(sums);
}

/**
 * The same fit for `successes` ones and `rows − successes` zeros with equal weights (an SRS).
 *
 * @param successes - The number of ones.
 * @param rows - The number of rows.
 * @returns The fit, as `quasibinomialFit` gives on those rows.
 *
 * @example
 * ```ts
 * import { quasibinomialFitOfCounts } from "svyprop";
 *
 * quasibinomialFitOfCounts(2, 5); // → { fitted: 0.4, coefficient: -0.405465, rows: 5 }
 * ```
 */
export function quasibinomialFitOfCounts(successes: number, rows: number): QuasibinomialFit {
  if (!Number.isSafeInteger(rows) || rows < 1) throw argumentError("rows", "must be a positive integer", rows);
  if (!Number.isSafeInteger(successes) || successes < 0 || successes > rows) throw argumentError("successes", `must be an integer in [0, ${rows}]`, successes);
  const sums = emptySums(rows);
  addStart(sums, 1, 1, successes);
  addStart(sums, 0, 1, rows - successes);
  return iterate(sums);
}

/** IRLS from the start sums; after iteration 1 every row has the same μ, so sums suffice. */
function iterate(start: StartSums): QuasibinomialFit {
  const { rows, weightedRows, successes } = start;
  const afterFirst = { coefficient: start.workingResponse / start.workingWeights, workingWeightSum: start.workingWeights };
  const fit = continueIrls(successes, rows, afterFirst, start.deviance);
  if (!fit.converged) throw argumentError("y", `the logistic fit did not converge in ${MAX_ITERATIONS} iterations`);
  return { coefficient: fit.coefficient, fitted: fit.fitted, deviance: fit.deviance, workingWeightSum: fit.workingWeightSum, proportion: successes / rows, rows, weightedRows, iterations: fit.iterations };
}

/**
 * The intercept R's `glm.fit` reaches when it refits y ~ 1 (quasibinomial) from the coefficient
 * `start` to rows whose weights, normalised to sum to 1, put `proportion` on the ones: what R
 * survey's `svyglm` does for each replicate of a replicate design (`svrepglm`: `glm.fit(…, weights
 * = wi/sum(wi), start = beta0)`). Each IRLS step is β ← β + (p − μ)/(dμ/dη), stopping by glm.fit's
 * rule or after its 25 iterations (R then warns and keeps the last β). Where p is 0 or 1 the
 * maximum is at ∓∞ and R stops where the deviance stalls, near ∓23 from a start near −3: that finite
 * number is what R's replicate variance uses, so it is what this returns.
 *
 * @param proportion - The replicate's weighted proportion Σw·y/Σw, in [0, 1] (NaN gives NaN).
 * @param start - The starting intercept (svyglm's full-sample fit, logit p̂).
 * @returns The intercept where IRLS stops (from logit(0.0546) = −2.8507 with p = 0, R's −22.93999369233).
 */
export function quasibinomialRefit(proportion: number, start: number): number {
  if (!(proportion >= 0 && proportion <= 1)) return Number.NaN;
  const mu = logitLinkInverse(start);
  const muEta = logitMuEta(start);
  const afterFirst = { coefficient: start + (proportion - mu) / muEta, workingWeightSum: (muEta * muEta) / (mu * (1 - mu)) };
  const startDeviance = devianceResidual(1, mu, proportion) + devianceResidual(0, mu, 1 - proportion);
  return continueIrls(proportion, 1, afterFirst, startDeviance).coefficient;
}

/**
 * glm.fit's loop from the coefficient after iteration 1, with `successes` of `total` normalised
 * weight on the ones: each iteration checks |D − D_old|/(|D| + 0.1) < 1e-8, then steps β by
 * (p − μ)/(dμ/dη); at most 25 iterations.
 */
function continueIrls(
  successes: number,
  total: number,
  afterFirst: { coefficient: number; workingWeightSum: number },
  startDeviance: number,
): { coefficient: number; fitted: number; deviance: number; workingWeightSum: number; iterations: number; converged: boolean } {
  const proportion = successes / total;
  const deviance = (mu: number): number => devianceResidual(1, mu, successes) + devianceResidual(0, mu, total - successes);
  let { coefficient, workingWeightSum } = afterFirst;
  let previousDeviance = startDeviance;
  for (let iteration = 1; ; iteration++) {
    if (iteration > 1) {
      const muEta = logitMuEta(coefficient);
      const mu = logitLinkInverse(coefficient);
      workingWeightSum = ((muEta * muEta) / (mu * (1 - mu))) * total;
      coefficient += (proportion - mu) / muEta;
    }
    const fitted = logitLinkInverse(coefficient);
    const current = deviance(fitted);
    const converged = Math.abs(current - previousDeviance) / (Math.abs(current) + 0.1) < EPSILON;
    if (converged || iteration === MAX_ITERATIONS) return { coefficient, fitted, deviance: current, workingWeightSum, iterations: iteration, converged };
    previousDeviance = current;
  }
}
