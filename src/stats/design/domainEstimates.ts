import { argumentError } from "../../errors";
import type { Id } from "../../tally/designTally";
import { estimateFromTally, type DesignEstimate } from "./designEstimate";
import type { DesignVariableInput } from "./designMean";
import { prepareDesign } from "./prepareDesign";
import type { NumericArray } from "../../tally/designTally";

/** A domain's estimate (R `svyby`), with the group it is for. */
export interface DomainEstimate extends DesignEstimate {
  /** The group's id. */
  group: string;
}

/** A design variable and the group of each row, for domain estimates (R `svyby`). */
export interface DomainInput extends Omit<DesignVariableInput, "domain"> {
  /** Group id per row (R `svyby(~y, ~group, …)`); rows with `null`/`undefined` belong to no group. */
  by: readonly (Id | null | undefined)[];
  /** Group order; default: the distinct ids sorted as R sorts factor levels (numbers numerically). */
  groups?: readonly Id[];
}

/**
 * Domain (subpopulation) means or totals for every group, as R `svyby(~y, ~by, design,
 * svymean | svytotal)`: each group's variance is computed on the full design with z_i = 0
 * outside the group, so PSUs without group members still count (Lumley 2010 §3.4;
 * Cochran 1977 §2.13). The df of each group is that of the subset design.
 *
 * @param input - The design, the variable `y` and each row's group `by`.
 * @returns One mean per group (in `groups` order, or sorted as R sorts factor levels), with its SE,
 *   variance, design effect and df.
 * @throws {@link SurveyError} as `designMean`.
 *
 * @example
 * ```ts
 * import { domainMeans } from "svyprop";
 *
 * // R: svyby(~x, ~g, design, svymean)
 * const design = { weights: [2, 2, 1, 1, 3, 3, 1, 1], strata: ["a", "a", "a", "a", "b", "b", "b", "b"], cluster: [1, 1, 2, 2, 3, 3, 4, 4] };
 * domainMeans({ ...design, y: [3, 5, 2, 8, 6, 4, 7, 1], by: ["m", "f", "m", "f", "m", "f", "m", "f"] });
 * // → [{ group: "f", estimate: 4.428571, se: 0.4626851 }, { group: "m", estimate: 4.714286, se: 0.2465928 }]
 * ```
 */
export function domainMeans(input: DomainInput): DomainEstimate[] {
  return domainEstimates(input, "mean");
}

/**
 * Domain (subpopulation) totals for every group, as R `svyby(~y, ~by, design, svytotal)`: the
 * variance as in `domainMeans`, on the full design with z_i = 0 outside the group (Lumley 2010 §3.4).
 *
 * @param input - The design, the variable y and each row's group.
 * @returns One total per group, with its SE, variance, design effect and df.
 *
 * @example
 * ```ts
 * import { domainTotals } from "svyprop";
 *
 * const design = { weights: [2, 2, 1, 1, 3, 3, 1, 1], strata: ["a", "a", "a", "a", "b", "b", "b", "b"], cluster: [1, 1, 2, 2, 3, 3, 4, 4] };
 * // f: 2·5 + 1·8 + 3·4 + 1·1; m: 2·3 + 1·2 + 3·6 + 1·7
 * domainTotals({ ...design, y: [3, 5, 2, 8, 6, 4, 7, 1], by: ["m", "f", "m", "f", "m", "f", "m", "f"] });
 * // → [{ group: "f", estimate: 31 }, { group: "m", estimate: 33 }]
 * ```
 */
export function domainTotals(input: DomainInput): DomainEstimate[] {
  return domainEstimates(input, "total");
}

function domainEstimates(input: DomainInput, kind: "mean" | "total"): DomainEstimate[] {
  const { y, by } = input;
  const n = y.length;
  if (by.length !== n) throw argumentError("by", `must have ${n} values`, by.length);
  const groups = (input.groups ?? sortedLevels(by)).map(String);
  const index = new Map(groups.map((g, i) => [g, i]));
  const columns: NumericArray[] = [];
  for (let g = 0; g < groups.length; g++) columns.push(new Float64Array(n), new Float64Array(n));
  const shifts = new Float64Array(groups.length).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    const id = by[i];
    if (id === null || id === undefined) continue;
    const g = index.get(String(id));
    if (g === undefined || (input.naRm && Number.isNaN(y[i]!))) continue;
    // See meanShift: a mean is tallied as y − (first value of its group) when that is far from 0.
    if (Number.isNaN(shifts[g]!)) shifts[g] = kind === "mean" && Number.isFinite(y[i]!) && Math.abs(y[i]!) > 1 ? y[i]! : 0;
    (columns[2 * g] as Float64Array)[i] = 1;
    (columns[2 * g + 1] as Float64Array)[i] = y[i]! - shifts[g]!;
  }
  const design = prepareDesign(input, columns);
  return groups.map((group, g) => {
    const e = estimateFromTally(design, 2 * g + 1, 2 * g, kind, input);
    const shift = Number.isNaN(shifts[g]!) ? 0 : shifts[g]!;
    return { group, ...e, estimate: e.estimate + shift };
  });
}

/**
 * Distinct ids, numbers ascending when all are numeric, else strings in code-point order.
 *
 * @param ids - The ids, one per row (`null` and `undefined` left out).
 * @returns The distinct ids, sorted.
 *
 * @example
 * ```ts
 * import { sortedLevels } from "svyprop";
 *
 * sortedLevels([10, 2, 2, null, 33]); // → [2, 10, 33]
 * sortedLevels(["b", "a", "B"]); // → ["B", "a", "b"]
 * ```
 */
export function sortedLevels(ids: readonly (Id | null | undefined)[]): Id[] {
  const seen = new Map<string, Id>();
  for (const id of ids) if (id !== null && id !== undefined && !seen.has(String(id))) seen.set(String(id), id);
  const values = [...seen.values()];
  if (values.every((v) => typeof v === "number")) return (values as number[]).sort((a, b) => a - b);
  return values.sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
}
