import { quasibinomialFit, type QuasibinomialFit } from "../quasibinomialFit";
import type { DesignVariableInput } from "./designMean";
import { analysisMask, designWeights } from "./prepareDesign";

/**
 * R `svyglm(y ~ 1, design, family = quasibinomial)` for a 0/1 variable: the intercept-only fit
 * over the domain's rows with the design's weights, which svyciprop's "likelihood" interval
 * profiles. As R's subset design, only rows in the domain enter the model frame — but for a
 * calibrated design (`calibrated: true`), whose subset keeps every row at weight 0, the other rows
 * stay in with weight 0: svyglm's prior weights (1/π)/mean(1/π) then average over all rows, which
 * moves the IRLS stopping point (R's `[.survey.design2`).
 *
 * @param input - The 0/1 variable `y`, the design and an optional domain.
 * @returns The fit: coefficient, fitted proportion, deviance and IRLS bookkeeping.
 * @throws {@link SurveyError} as `designMean`.
 *
 * @example
 * ```ts
 * import { designLogitFit } from "svyprop";
 *
 * const design = { weights: [2, 2, 1, 1, 3, 3, 1, 1], strata: ["a", "a", "a", "a", "b", "b", "b", "b"], cluster: [1, 1, 2, 2, 3, 3, 4, 4] };
 * // R: coef(svyglm(y ~ 1, design, family = quasibinomial())) is qlogis(8 / 14).
 * designLogitFit({ ...design, y: [1, 0, 1, 1, 0, 1, 0, 1] }); // → { fitted: 0.5714286, coefficient: 0.2876821 }
 * ```
 */
export function designLogitFit(input: DesignVariableInput & { calibrated?: boolean }): QuasibinomialFit {
  const n = input.y.length;
  const mask = analysisMask(input, [input.y], n);
  const weights = designWeights(input, n);
  const y: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < n; i++) {
    if (mask[i] === 0 && !input.calibrated) continue;
    y.push(mask[i] === 0 ? 0 : input.y[i]!);
    w.push(mask[i] === 0 ? 0 : weights === undefined ? 1 : weights[i]!);
  }
  return quasibinomialFit(y, w);
}
