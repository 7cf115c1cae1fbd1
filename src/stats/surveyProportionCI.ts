import { argumentError } from "../errors";
import type { Interval } from "../types";
import { clopperPearsonLimits } from "./clopperPearson";
import { clipToUnit, type Limits } from "./limits";
import { profileLikelihoodLimits } from "./profileLikelihoodLimits";
import { quasibinomialFitOfCounts, type QuasibinomialFit } from "./quasibinomialFit";
import { twoSidedT } from "./quantiles";
import { assertLevel, assertOneOf, assertPositiveNumber, assertProbability } from "./validate";
import { expit } from "./expit";

/** The interval methods of R survey's `svyciprop`. */
export const SURVEY_CI_METHODS = ["logit", "xlogit", "beta", "mean", "asin", "likelihood", "wilson"] as const;
/** One of `SURVEY_CI_METHODS`: the `method` of R survey's `svyciprop`. */
export type SurveyCIMethod = (typeof SURVEY_CI_METHODS)[number];

/** Options of `surveyProportionCI`. */
export interface SurveyProportionCIOptions {
  /** Degrees of freedom of the design (R `degf`: #PSUs − #strata). */
  df: number;
  /** Default "logit", as svyciprop. */
  method?: SurveyCIMethod;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** Number of rows (observations) behind the estimate; used by "beta" and "likelihood". Default df + 1. */
  nrow?: number;
  /**
   * "likelihood" only: the intercept-only quasibinomial fit of the rows behind `p`
   * (`quasibinomialFit(y, weights)`, or `designLogitFit` for a design). Without it, p·nrow must
   * be a count and the rows are taken as equally weighted (an SRS, with or without fpc).
   */
  fit?: QuasibinomialFit;
}

/**
 * Confidence interval for a design-based proportion from its estimate `p` and standard error
 * `se`, with R survey's `svyciprop` closed forms (Lumley 2010, Complex Surveys, section 2.3.1;
 * survey 4.1), using t = qt(1 − α/2, df):
 * - `mean`: p ∓ t·SE;
 * - `logit` / `xlogit`: expit(logit p ∓ t·SE/(p(1−p))) — svyciprop's `logit` fits the same
 *   interval by svyglm, here it is the closed form;
 * - `asin`: sin²(asin √p ∓ t·SE/(2√(p(1−p))));
 * - `beta`: Korn & Graubard (1998, Survey Methodology 24:193–201): n_eff = p(1−p)/SE² ·
 *   (qt(α/2, nrow−1)/qt(α/2, df))², then the Clopper–Pearson limits at (n_eff·p, n_eff).
 * - `likelihood`: the design-scaled profile of the quasibinomial likelihood, computed step by
 *   step as R does (see `profileLikelihoodLimits`);
 * - `wilson` (survey 4.5): the Wilson score interval at the effective sample size
 *   n_eff = p(1−p)/SE², (p + t²/(2n_eff) ∓ t/(2n_eff)·√(4·n_eff·p(1−p) + t²)) / (1 + t²/n_eff),
 *   with t on `df` (survey 4.5 takes the svymean's df, which is `degf(design)`; on a `svyby`
 *   group survey 4.5 counts only the PSUs in the group, 4.1-1 and svyprop the design's).
 *
 * Where R returns NaN or nonsense (oracle D8), svyprop decides:
 * - SE = 0 with 0 < p < 1 (a census, a whole stratum or post-stratum) gives [p, p] for every
 *   method; so does an SE that is zero but for rounding (below 1e-12·min(p, 1 − p), which a real
 *   sample would need 10²⁴ answers in the rarer category to reach);
 * - at p = 0 or 1, `mean` gives [p, p] as R does; the other methods are undefined there and
 *   return the Korn–Graubard exact interval with n_eff = nrow (times the same df ratio);
 * - `asin` keeps the angle in [0, π/2], so the interval never folds over;
 * - `likelihood` solves the profile directly where R's nine profile steps fall short (R: NA);
 * - every interval is clipped to [0, 1] (R leaves `mean` unclipped).
 *
 * @param p - The design-based proportion, in [0, 1].
 * @param se - Its standard error (linearised or replicate).
 * @param options - The design's degrees of freedom `df` (required), the method (default "logit"),
 *   the level, and what "beta" and "likelihood" need (the rows, the fit).
 * @returns The interval around p, clipped to [0, 1].
 * @throws {@link SurveyError} `E_ARGUMENT` for an invalid p, SE, df, level or method.
 *
 * @example
 * ```ts
 * import { surveyProportionCI } from "svyprop";
 *
 * // R: p <- 0.3; se <- 0.05; plogis(qlogis(p) + c(-1, 1) * qt(0.975, 30) * se / (p * (1 - p)))
 * surveyProportionCI(0.3, 0.05, { df: 30 }); // → { lower: 0.2085722, upper: 0.4107072, method: "logit" }
 * // R: p + c(-1, 1) * qt(0.975, 30) * se
 * surveyProportionCI(0.3, 0.05, { df: 30, method: "mean" }); // → { lower: 0.1978864, upper: 0.4021136 }
 * ```
 */
export function surveyProportionCI(p: number, se: number, options: SurveyProportionCIOptions): Interval {
  const { df, method = "logit", level = 0.95 } = options;
  assertProbability("p", p);
  if (!Number.isFinite(se) || se < 0) throw argumentError("se", "must be a non-negative finite number", se);
  assertPositiveNumber("df", df);
  assertLevel(level);
  assertOneOf("method", method, SURVEY_CI_METHODS);
  const nrow = options.nrow ?? df + 1;
  if (options.fit !== undefined && !(Math.abs(options.fit.proportion - p) <= 1e-9)) {
    throw argumentError("fit", `is of other data: its proportion is ${options.fit.proportion}, not p = ${p}`);
  }
  if (!Number.isSafeInteger(nrow) || nrow < 2) throw argumentError("nrow", "must be an integer of at least 2", nrow);

  const dfRatio = (twoSidedT(level, nrow - 1) / twoSidedT(level, df)) ** 2;
  const limits = ((): Limits => {
    if (p > 0 && p < 1 && se <= NEGLIGIBLE_RELATIVE_SE * Math.min(p, 1 - p)) return { lower: p, upper: p };
    if (method === "mean") {
      const halfWidth = twoSidedT(level, df) * se;
      return { lower: p - halfWidth, upper: p + halfWidth };
    }
    if (p === 0 || p === 1) return clopperPearsonLimits(p * nrow * dfRatio, nrow * dfRatio, level);
    if (method === "likelihood") return profileLikelihoodLimits(options.fit ?? equallyWeightedFit(p, nrow), se, df, level);
    return CLOSED_FORMS[method](p, se, twoSidedT(level, df), dfRatio, level);
  })();
  const { lower, upper } = clipToUnit(limits);
  return { estimate: p, lower, upper, level, method };
}

/** An SE this small against min(p, 1 − p) is rounding noise of an SE that is exactly zero. */
const NEGLIGIBLE_RELATIVE_SE = 1e-12;

/** The fit of p·nrow ones and the rest zeros, when no fit is given; p·nrow must be a count. */
function equallyWeightedFit(p: number, nrow: number): QuasibinomialFit {
  const successes = Math.round(p * nrow);
  if (Math.abs(successes - p * nrow) > 1e-12 * nrow) {
    throw argumentError("fit", `is required for "likelihood" when p·nrow (${p * nrow}) is not a count (weighted data): pass quasibinomialFit(y, weights)`);
  }
  return quasibinomialFitOfCounts(successes, nrow);
}

type ClosedForm = (p: number, se: number, t: number, dfRatio: number, level: number) => Limits;

const logitForm: ClosedForm = (p, se, t) => {
  const eta = Math.log(p / (1 - p));
  const halfWidth = (t * se) / (p * (1 - p));
  return { lower: expit(eta - halfWidth), upper: expit(eta + halfWidth) };
};

const CLOSED_FORMS: Record<Exclude<SurveyCIMethod, "mean" | "likelihood">, ClosedForm> = {
  logit: logitForm,
  wilson: (p, se, t) => {
    const nEff = (p * (1 - p)) / (se * se);
    const tSquared = t * t;
    const centre = p + tSquared / (2 * nEff);
    const halfWidth = (t / (2 * nEff)) * Math.sqrt(4 * nEff * p * (1 - p) + tSquared);
    const denominator = 1 + tSquared / nEff;
    return { lower: (centre - halfWidth) / denominator, upper: (centre + halfWidth) / denominator };
  },
  xlogit: logitForm,
  asin: (p, se, t) => {
    const angle = Math.asin(Math.sqrt(p));
    const halfWidth = (t * se) / (2 * Math.sqrt(p * (1 - p)));
    const sinSquared = (a: number): number => Math.sin(Math.min(Math.PI / 2, Math.max(0, a))) ** 2;
    return { lower: sinSquared(angle - halfWidth), upper: sinSquared(angle + halfWidth) };
  },
  beta: (p, se, _t, dfRatio, level) => {
    const nEff = ((p * (1 - p)) / (se * se)) * dfRatio;
    if (!Number.isFinite(nEff)) return { lower: p, upper: p }; // SE underflows against p(1−p): no sampling error left
    const limits = clopperPearsonLimits(nEff * p, nEff, level);
    if (Number.isNaN(limits.lower) || Number.isNaN(limits.upper)) {
      throw argumentError("se", `is too small for p = ${p}: the beta quantiles fail at an effective sample size of ${nEff}`, se);
    }
    return limits;
  },
};
