/** Σw and n agree to this relative difference: weights rescaled to sum to n do, whatever the order of the sum. */
const ROUNDING = 1e-12;

/**
 * The factor (N̂ − n)/N̂ that turns a with-replacement simple-random-sample variance into R's
 * `deff = TRUE` denominator, sampling n rows without replacement from N̂ = Σw rows (R survey
 * `svymean.survey.design2`: `svyvar·(psum − nobs)/(psum·nobs)`; `svymean.svyrep.design` the same).
 * Where Σw = n — no weights (R takes each row's weight as 1), or weights rescaled to sum to n —
 * the sample is its own population: 0, so the design effect is Inf (as R's), taking Σw = n to
 * rounding. Where Σw < n it is NaN: R's linearised design gives NA ("Sample size greater than
 * population size: are weights correctly scaled?"); its replicate design divides by the negative
 * factor, a negative design effect, which svyprop does not give.
 *
 * @param sumWeights - N̂ = Σw over the domain.
 * @param n - The rows of the domain.
 * @returns (N̂ − n)/N̂, 0 when N̂ = n to rounding, NaN when N̂ < n.
 */
export function withoutReplacementFactor(sumWeights: number, n: number): number {
  if (Math.abs(sumWeights - n) <= ROUNDING * n) return 0;
  return sumWeights > n ? (sumWeights - n) / sumWeights : Number.NaN;
}
