import { argumentError } from "../../errors";
import { type PartitionCheck, checkPartition } from "./checkPartition";
import type { PrintedFigureRecord } from "./checkFigures";
import type { ConsistencyRounding } from "./consistencyTarget";

/** The categories of one single-choice question, named by the `group` its figures share. */
export interface FigureGroupCheck {
  /** The `group` name the figures share. */
  group: string;
  /** The labels of the group's figures, in input order. */
  labels: string[];
  /** Whether their counts add up to the base, and which base the percentages use. */
  partition: PartitionCheck;
}

/**
 * Multinomial consistency of figures marked with a shared `group`: the categories of one
 * single-choice question, which must all print a count over the same base. Each group's counts
 * should sum to that base (see `checkPartition`). Figures without a group are ignored. Throws
 * `E_ARGUMENT` naming the figure when a grouped figure lacks a count or its base differs.
 *
 * @param figures - The printed figures; those with a `group` are checked, the others ignored.
 * @param options - How the paper rounded.
 * @returns One check per group, in order of first appearance.
 * @throws {@link SurveyError} `E_ARGUMENT` for a grouped figure without a count, or with another base.
 *
 * @example
 * ```ts
 * import { checkFigureGroups } from "svyprop";
 *
 * const [check] = checkFigureGroups([
 *   { label: "Decline", printed: "13", count: 6, base: 47, group: "request" },
 *   { label: "Case by case", printed: "78", count: 36, base: 47, group: "request" },
 *   { label: "Accept", printed: "7", count: 3, base: 47, group: "request" },
 *   { label: "Other", printed: "2", count: 1, base: 47, group: "request" },
 * ]);
 * check?.partition; // → { sum: 46, base: 47, sumsToBase: false, printedFitSum: true }
 * ```
 */
export function checkFigureGroups(
  figures: readonly PrintedFigureRecord[],
  options: { rounding?: ConsistencyRounding } = {},
): FigureGroupCheck[] {
  const groups = new Map<string, { base: number; members: PrintedFigureRecord[] }>();
  figures.forEach((figure, index) => {
    if (figure.group === undefined) return;
    if (figure.count === undefined || figure.base === undefined) {
      throw argumentError(`figures[${index}]`, `is in group "${figure.group}" and so needs both a count and a base`, figure.label);
    }
    const group = groups.get(figure.group) ?? { base: figure.base, members: [] };
    if (figure.base !== group.base) {
      throw argumentError(`figures[${index}].base`, `differs from the base ${group.base} of group "${figure.group}"`, figure.base);
    }
    group.members.push(figure);
    groups.set(figure.group, group);
  });
  return [...groups].map(([group, { base, members }]) => ({
    group,
    labels: members.map((member) => member.label),
    partition: checkPartition(
      members.map((member) => member.count as number),
      base,
      members.map((member) => member.printed),
      options,
    ),
  }));
}
