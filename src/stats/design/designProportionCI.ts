import { argumentError } from "../../errors";
import type { Interval } from "../../types";
import type { QuasibinomialFit } from "../quasibinomialFit";
import { surveyProportionCI, type SurveyCIMethod } from "../surveyProportionCI";
import type { DesignEstimate } from "./designEstimate";

/** Options of `designProportionCI`. */
export interface DesignProportionCIOptions {
  /** One of R svyciprop's methods (default "logit"). */
  method?: SurveyCIMethod;
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** "likelihood" on weighted data: the domain's `designLogitFit` (see `surveyProportionCI`). */
  fit?: QuasibinomialFit;
}

/**
 * svyciprop's interval for a design-based proportion: the estimate's SE with df = its design df
 * and nrow = its rows (within the domain for svyby), handed to `surveyProportionCI` (Korn &
 * Graubard 1998 for "beta"; Lumley 2010 §2.3.1).
 *
 * @param estimate - A design-based mean of a 0/1 variable (`designMean`, `domainMeans`, …).
 * @param options - The method (default "logit"), the level, and for "likelihood" the domain's fit.
 * @returns The interval, with the SE and the df it used.
 * @throws {@link SurveyError} `E_ARGUMENT` for an invalid method or level.
 *
 * @example
 * ```ts
 * import { designMean, designProportionCI } from "svyprop";
 *
 * const design = { weights: [2, 2, 1, 1, 3, 3, 1, 1], strata: ["a", "a", "a", "a", "b", "b", "b", "b"], cluster: [1, 1, 2, 2, 3, 3, 4, 4] };
 * const mean = designMean({ ...design, y: [1, 0, 1, 1, 0, 1, 0, 1] });
 * // R: confint(svyciprop(~y, design, method = "logit"))
 * designProportionCI(mean); // → { estimate: 0.571429, lower: 0.2331381, upper: 0.8539645, df: 2 }
 * ```
 */
export function designProportionCI(
  estimate: DesignEstimate,
  options: DesignProportionCIOptions = {},
): Interval & {
  /** The estimate's standard error. */
  se: number;
  /** The degrees of freedom of the t quantile. */
  df: number;
} {
  if (!(estimate.estimate >= 0 && estimate.estimate <= 1)) {
    throw argumentError("estimate", "must be a proportion in [0, 1] (the variable must be 0/1)", estimate.estimate);
  }
  const ci = surveyProportionCI(estimate.estimate, estimate.se, {
    df: estimate.df,
    method: options.method ?? "logit",
    level: options.level ?? 0.95,
    nrow: estimate.n,
    ...(options.fit === undefined ? {} : { fit: options.fit }),
  });
  return { ...ci, se: estimate.se, df: estimate.df };
}
