import { quasibinomialFit, type QuasibinomialFit } from "../quasibinomialFit";
import type { DesignVariableInput } from "./designMean";
import { analysisMask, designWeights } from "./prepareDesign";

/**
 * R `svyglm(y ~ 1, design, family = quasibinomial)` for a 0/1 variable: the intercept-only fit
 * over the domain's rows with the design's weights, which svyciprop's "likelihood" interval
 * profiles. As R's subset design, only rows in the domain enter the model frame.
 */
export function designLogitFit(input: DesignVariableInput): QuasibinomialFit {
  const n = input.y.length;
  const mask = analysisMask(input, [input.y], n);
  const weights = designWeights(input, n);
  const y: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < n; i++) {
    if (mask[i] === 0) continue;
    y.push(input.y[i]!);
    w.push(weights === undefined ? 1 : weights[i]!);
  }
  return quasibinomialFit(y, w);
}
