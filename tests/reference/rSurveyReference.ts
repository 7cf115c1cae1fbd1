/**
 * The shapes of the reference.json files written by the R survey scripts in tests/reference/
 * (r-survey-replicate, r-survey-multistage, r-survey-raoscott, r-survey-deff, r-survey-replicate-logit,
 * all with the writers of json.R): one array entry per group (or the whole sample), `null` where R
 * gives NA or NaN, ±1e999 (which JSON.parse reads as ±Infinity) where R gives ±Inf.
 */
export type Numbers = Array<number | null>;

/** svyciprop per category: estimate, SE, deff, degf, n, and each method's limits. */
export interface ProportionReference {
  proportion: Numbers;
  se: Numbers;
  deff: Numbers;
  degf: Numbers;
  n: Numbers;
  methods: string[];
  lower: Numbers;
  upper: Numbers;
}

/** svymean and svytotal with their confint(df = degf). */
export interface NumericReference {
  mean: Numbers;
  mean_se: Numbers;
  mean_lower: Numbers;
  mean_upper: Numbers;
  total: Numbers;
  total_se: Numbers;
  total_lower: Numbers;
  total_upper: Numbers;
  degf: Numbers;
  n: Numbers;
}

/** `NumericReference` with svyquantile's estimates, Woodruff limits and SEs at `quantiles`. */
export interface QuantileReference extends NumericReference {
  quantiles: number[];
  quantile: Numbers;
  quantile_lower: Numbers;
  quantile_upper: Numbers;
  quantile_se: Numbers;
}

/** svychisq of one table: the Rao–Scott F and chi-square. */
export interface TableReference {
  rows: string;
  cols: string;
  F: Numbers;
  ndf: Numbers;
  ddf: Numbers;
  F_p: Numbers;
  chisq: Numbers;
  chisq_df: Numbers;
  chisq_p: Numbers;
}
