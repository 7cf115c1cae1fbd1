import { codebookError } from "./codebookError";
import type { Codebook, Filter, Question } from "./types";

/** A filter on one question's answer: every `Filter` but `{ all: [...] }`. */
export type LeafFilter = Exclude<
  Filter,
  {
    /** Every one of these filters must pass. */
    all: Filter[];
  }
>;

/**
 * The simple conditions of a (possibly combined) filter, in document order, each with its JSON
 * path. Nested `all` lists are walked with an explicit stack, so no depth overflows the call stack.
 *
 * @param filter - A question's filter.
 * @param path - The filter's JSON path in the codebook, e.g. "questions[2].filter".
 * @returns Each simple condition with its JSON path.
 *
 * @example
 * ```ts
 * import { leafFilters } from "svyprop";
 *
 * const filter = { all: [{ question: "fb", equals: "yes" }, { question: "age", in: ["1", "2"] }] };
 * leafFilters(filter, "questions[2].filter").map(([, path]) => path);
 * // → ["questions[2].filter.all[0]", "questions[2].filter.all[1]"]
 * ```
 */
export function leafFilters(filter: Filter, path: string): Array<[LeafFilter, string]> {
  const leaves: Array<[LeafFilter, string]> = [];
  const pending: Array<[unknown, string]> = [[filter, path]];
  while (pending.length > 0) {
    const [node, nodePath] = pending.pop() as [unknown, string];
    if (typeof node !== "object" || node === null || Array.isArray(node)) throw codebookError("must be an object", nodePath);
    const current = node as Record<string, unknown>;
    if ("all" in current) {
      if (!Array.isArray(current.all)) throw codebookError("must be an array of filters", `${nodePath}.all`);
      for (let i = current.all.length - 1; i >= 0; i--) pending.push([current.all[i], `${nodePath}.all[${i}]`]);
      continue;
    }
    leaves.push([checkLeaf(current, nodePath), nodePath]);
  }
  return leaves;
}

function checkLeaf(filter: Record<string, unknown>, path: string): LeafFilter {
  if (typeof filter.question !== "string") throw codebookError("must name a question", `${path}.question`);
  if ("equals" in filter) {
    if (typeof filter.equals !== "string") throw codebookError("must be a string", `${path}.equals`);
  } else if ("in" in filter) {
    if (!Array.isArray(filter.in) || !filter.in.every((value) => typeof value === "string")) {
      throw codebookError("must be an array of strings", `${path}.in`);
    }
  } else if ("notMissing" in filter) {
    if (filter.notMissing !== true) throw codebookError("must be true", `${path}.notMissing`);
  } else {
    throw codebookError("needs one of equals, in, notMissing", path);
  }
  return filter as unknown as LeafFilter;
}

/**
 * The questions in an order where every question comes after the questions its filter names,
 * so a filter on a filtered question sees that question's final codes. A filter naming an
 * unknown question, or filters that form a cycle, are `E_CODEBOOK` (the cycle is spelled out).
 * Depth-first search with an explicit stack: linear in questions + conditions, at any depth.
 *
 * @param codebook - The codebook.
 * @returns Its questions, each after those its filter reads.
 * @throws {@link SurveyError} `E_CODEBOOK` for a filter on an unknown question, or a cycle.
 *
 * @example
 * ```ts
 * import { filterOrder } from "svyprop";
 *
 * const order = filterOrder({
 *   questions: [
 *     { id: "real_name", column: "r", type: "binary", positive: ["y"], negative: ["n"], filter: { question: "fb", equals: "yes" } },
 *     { id: "fb", column: "fb", type: "binary", positive: ["y"], negative: ["n"] },
 *   ],
 * });
 * order.map((question) => question.id); // → ["fb", "real_name"]
 * ```
 */
export function filterOrder(codebook: Codebook): Question[] {
  const { questions } = codebook;
  const indexOf = new Map(questions.map((question, index) => [question.id, index]));
  const dependsOn = questions.map((question, index) => {
    if (question.filter === undefined) return [];
    return leafFilters(question.filter, `questions[${index}].filter`).map(([leaf, path]) => {
      const target = indexOf.get(leaf.question);
      if (target === undefined) throw codebookError(`names unknown question "${leaf.question}"`, `${path}.question`);
      return target;
    });
  });
  const UNSEEN = 0, OPEN = 1, DONE = 2;
  const state = new Uint8Array(questions.length);
  const order: Question[] = [];
  for (let start = 0; start < questions.length; start++) {
    if (state[start] !== UNSEEN) continue;
    // Each frame: a question and how many of its dependencies have been visited.
    const stack: Array<[number, number]> = [[start, 0]];
    state[start] = OPEN;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as [number, number];
      const [node, next] = frame;
      const deps = dependsOn[node] as number[];
      if (next === deps.length) {
        stack.pop();
        state[node] = DONE;
        order.push(questions[node] as Question);
        continue;
      }
      frame[1] = next + 1;
      const dep = deps[next] as number;
      if (state[dep] === DONE) continue;
      if (state[dep] === OPEN) {
        const from = stack.findIndex(([open]) => open === dep);
        const cycle = [...stack.slice(from).map(([open]) => questions[open]?.id as string), questions[dep]?.id as string];
        throw codebookError(`cyclic filters: ${spellCycle(cycle)}`, `questions[${dep}].filter`);
      }
      state[dep] = OPEN;
      stack.push([dep, 0]);
    }
  }
  return order;
}

/** "a → b → a", or for a long cycle its first and last steps and how many questions it runs through. */
function spellCycle(ids: string[]): string {
  if (ids.length <= 9) return ids.join(" → ");
  return `${ids.slice(0, 4).join(" → ")} → … → ${ids.slice(-4).join(" → ")} (${ids.length - 1} questions)`;
}
