import type { Codebook } from "../codebook";
import { CI_METHODS } from "../stats/proportionCI";
import { designStreamRefusal } from "../tally";

/** What the estimates asked for are: the questions and the interval method. */
export interface EstimatesAsked {
  /** Ids of the questions estimated. */
  questions: readonly string[];
  /** Ids of the questions whose mean (and quartiles) are computed from the rows. */
  summarised: readonly string[];
  /** The interval method, if one is asked for. */
  method?: string | undefined;
}

/**
 * Why the estimates asked for need every respondent's row in memory, or undefined when one
 * streaming pass over the file (`tallyFile`, with the design's sums when it has one) gives them:
 * a numeric question's mean and quartiles (a numeric question among those estimated is read
 * whole too, where `estimate` says it has no proportions), a mean of Likert levels, a design the stream refuses
 * (`designStreamRefusal`: calibration, replicate weights, several stages, an fpc without
 * weights), the likelihood interval of a design (a logistic fit on every weight), and one of
 * svyciprop's methods on a simple random sample (it goes through the design path). A grouping
 * question streams (`tallyFile`'s `by`).
 */
export function whyRowsAreNeeded(codebook: Codebook, asked: EstimatesAsked): string | undefined {
  const typeOf = (id: string) => codebook.questions.find((q) => q.id === id)?.type;
  if ([...asked.questions, ...asked.summarised].some((id) => typeOf(id) === "numeric")) return "the mean and quartiles of a numeric question need every row in memory";
  if (asked.summarised.length > 0) return "the mean of a Likert item's levels needs every row in memory";
  const design = codebook.design ?? {};
  const namesColumns =
    design.weights !== undefined || design.strata !== undefined || design.cluster !== undefined || typeof design.fpc === "string" || Array.isArray(design.fpc) || design.calibration !== undefined;
  const refusal = namesColumns ? designStreamRefusal(codebook.design) : undefined;
  if (refusal !== undefined) return refusal;
  const { method } = asked;
  if (namesColumns && method === "likelihood") return 'the "likelihood" interval needs every row in memory (a logistic fit on every weight)';
  if (!namesColumns && method !== undefined && !(CI_METHODS as readonly string[]).includes(method)) {
    return `method ${method} on a simple random sample goes through the design path, which needs every row in memory`;
  }
  return undefined;
}
