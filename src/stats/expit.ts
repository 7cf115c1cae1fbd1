/** The logistic function 1/(1 + e^−η), inverse of logit p = log(p/(1 − p)) (R `plogis`); expit(±∞) = 1 or 0. */
export const expit = (eta: number): number => 1 / (1 + Math.exp(-eta));
