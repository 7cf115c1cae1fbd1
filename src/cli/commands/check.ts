import { readFileSync } from "node:fs";
import { SurveyError, argumentError } from "../../errors";
import {
  CONSISTENCY_ROUNDINGS,
  type ConsistencyRounding,
  DEFAULT_MAX_DENOMINATOR,
  type FigureVerdict,
  type IntegerRun,
  checkFigureGroups,
  checkFigures,
  type FigureGroupCheck,
} from "../../stats/consistency";
import { type PrintedFiguresFile, readPrintedFigures } from "../../estimate";
import { type Command, defineCommand, ExitCode } from "../command";
import { sharedOptions } from "../sharedOptions";
import { missingArguments } from "../usageError";
import { optionCount } from "../optionCount";

const usage = `Usage: svyprop check FILE [--json] [--quiet] [--min N] [--max N] [--rounding RULE]

Checks every printed percentage in FILE against its count and base, and where the base (or
count) is unknown or wrong, finds the denominators n (or counts) that would print it.

FILE is JSON (an array of figures, or an object with a "figures" array) or CSV with a header.
Each figure has: label, printed ("73", "73 %", "65,8"), and optionally count and base.
Figures sharing a "group" are the categories of one single-choice question: each needs a count
and the same base, and their counts must sum to it.
Collected-sources files are read too (fields key, numerator, denominator, percent_reported_text).
Entries without a printed percentage are skipped and counted.

Options:
  --json             machine-readable output (stable keys)
  --quiet            the summary line only, not a line per figure
  --min N            smallest denominator searched (default 1)
  --max N            largest denominator searched (default ${DEFAULT_MAX_DENOMINATOR})
  --rounding RULE    half-up (default), half-even, truncate, or either

Verdicts: reproduced | possible (n ∈ {…}) | impossible (no n in range) | count mismatch;
for a group: sums to base | sum mismatch.
Exit codes: 0 every figure reproduced or possible, every group sums to its base; 1 otherwise;
2 bad usage; 3 unreadable or malformed FILE.`;

/** `svyprop check FILE`: a verdict per printed figure (see `checkFigures`). */
export const checkCommand: Command = defineCommand({
  name: "check",
  summary: "Check printed percentages against counts and find the bases that fit (GRIM)",
  usage,
  arguments: ["FILE"],
  options: {
    ...sharedOptions("json", "quiet"),
    min: { type: "string" },
    max: { type: "string" },
    rounding: { type: "string" },
  },
  async run({ values, positionals }, io) {
    const [file] = positionals;
    if (file === undefined) throw missingArguments({ FILE: file });
    const min = values.min === undefined ? 1 : optionCount("--min", values.min);
    const max = values.max === undefined ? DEFAULT_MAX_DENOMINATOR : optionCount("--max", values.max);
    const rounding = (values.rounding ?? "half-up") as ConsistencyRounding;
    if (!CONSISTENCY_ROUNDINGS.includes(rounding)) {
      throw argumentError("--rounding", `must be one of ${CONSISTENCY_ROUNDINGS.join(", ")}`, rounding);
    }

    const { figures, skipped } = readFiguresFile(file);
    const verdicts = checkFigures(figures, { min, max, rounding });
    const groups = checkFigureGroups(figures, { rounding });
    const summary = summarize(verdicts, groups, skipped);
    if (values.json) {
      io.stdout(`${JSON.stringify({ range: { min, max }, rounding, summary, verdicts, groups }, null, 2)}\n`);
    } else {
      const lines = [
        ...(values.quiet ? [] : verdicts).map((verdict) => `${VERDICT_NAMES[verdict.verdict].padEnd(14)}  ${describeVerdict(verdict, { min, max })}`),
        ...(values.quiet ? [] : groups).map((group) => `${(group.partition.sumsToBase ? "sums to base" : "sum mismatch").padEnd(14)}  ${describeGroup(group)}`),
      ];
      const body = lines.length > 0 ? `${lines.join("\n")}\n\n` : "";
      io.stdout(`${body}${describeSummary(summary)} (n searched in ${min}–${max}, ${rounding} rounding)\n`);
    }
    const failures = summary.impossible + summary.countMismatch + summary.groupMismatch;
    return failures > 0 ? ExitCode.failedCheck : ExitCode.ok;
  },
});

const VERDICT_NAMES: Record<FigureVerdict["verdict"], string> = {
  reproduced: "reproduced",
  possible: "possible",
  impossible: "impossible",
  "count-mismatch": "count mismatch",
};

interface CheckSummary {
  figures: number;
  reproduced: number;
  possible: number;
  impossible: number;
  countMismatch: number;
  /** Groups (single-choice questions) checked, and those whose counts do not sum to the base. */
  groups: number;
  groupMismatch: number;
  /** Entries of the file without a printed percentage, so not checked. */
  skipped: number;
}

function summarize(verdicts: readonly FigureVerdict[], groups: readonly FigureGroupCheck[], skipped: number): CheckSummary {
  const count = (kind: FigureVerdict["verdict"]) => verdicts.filter((verdict) => verdict.verdict === kind).length;
  return {
    figures: verdicts.length,
    reproduced: count("reproduced"),
    possible: count("possible"),
    impossible: count("impossible"),
    countMismatch: count("count-mismatch"),
    groups: groups.length,
    groupMismatch: groups.filter((group) => !group.partition.sumsToBase).length,
    skipped,
  };
}

function describeSummary(summary: CheckSummary): string {
  const { figures, reproduced, possible, impossible, countMismatch, groups, groupMismatch, skipped } = summary;
  const groupNote = groups > 0 ? `; ${plural(groups, "group")}, ${groupMismatch} sum mismatch` : "";
  const skippedNote = skipped > 0 ? `; ${skipped} without a printed percentage skipped` : "";
  return `${plural(figures, "figure")}: ${reproduced} reproduced, ${possible} possible, ${impossible} impossible, ${countMismatch} count mismatch${groupNote}${skippedNote}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** One sentence on a group's sum, e.g. "Past year: 6 + 36 + 3 + 1 = 46, not 47; the percentages fit 46". */
function describeGroup({ group, partition }: FigureGroupCheck): string {
  const { sum, base, sumsToBase, categories, printedFitBase, printedFitSum } = partition;
  const addition = `${categories.map((category) => category.count).join(" + ")} = ${sum}`;
  if (sumsToBase) return `${group}: ${addition}`;
  const fitting = [printedFitSum ? sum : undefined, printedFitBase ? base : undefined].filter((n) => n !== undefined);
  const fits = fitting.length > 0 ? `the percentages fit ${fitting.join(" and ")}` : "the percentages fit neither";
  return `${group}: ${addition}, not ${base}; ${fits}`;
}

/**
 * One English sentence explaining a verdict, e.g.
 * "Displayed real name: 138 (99 %) fits n ∈ {139, 140}" or
 * "Past year: fewer than 5: 36/47 prints 77 %, not 78 %; 36 (78 %) fits n ∈ {46}".
 * `range` is the denominator search range the verdict came from.
 */
function describeVerdict(verdict: FigureVerdict, range: { min: number; max: number }): string {
  const { label, count, base, printed } = verdict;
  const percent = `${withoutPercentSign(printed)} %`;
  const shown = count === undefined ? percent : `${count} (${percent})`;
  const fits = (denominators: readonly IntegerRun[]) =>
    denominators.length > 0 ? `${shown} fits n ∈ ${formatRuns(denominators)}` : `no n in ${range.min}–${range.max} gives ${shown}`;
  switch (verdict.verdict) {
    case "reproduced":
      return `${label}: ${count}/${base} prints ${percent}`;
    case "count-mismatch":
      return `${label}: ${count}/${base} prints ${verdict.computed} %, not ${percent}; ${fits(verdict.denominatorRuns ?? [])}`;
    default:
      if (base !== undefined) {
        const numerators = verdict.numeratorRuns ?? [];
        return numerators.length > 0
          ? `${label}: ${percent} of ${base} needs a count in ${formatRuns(numerators)}`
          : `${label}: no count out of ${base} prints as ${percent}`;
      }
      return `${label}: ${fits(verdict.denominatorRuns ?? [])}`;
  }
}

/** The printed text without its percent sign: "73 %" → "73", "65,8%" → "65,8". */
function withoutPercentSign(printed: string): string {
  return printed.trim().replace(/[\s\u00a0\u202f]*%$/, "");
}

/** Runs of integers, those of three or more shortened: [124–145] → "{124–145}", [139–140] → "{139, 140}". */
function formatRuns(runs: readonly IntegerRun[]): string {
  const parts = runs.map(({ from, to }) => (to - from >= 2 ? `${from}–${to}` : to > from ? `${from}, ${to}` : `${from}`));
  return `{${parts.join(", ")}}`;
}

/** The figures file, read as text here (the CLI does the file access) and parsed by the library. */
function readFiguresFile(file: string): PrintedFiguresFile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new SurveyError("E_IO", `cannot read the figures file: ${(error as Error).message}`, { value: file });
  }
  const format = file.toLowerCase().endsWith(".json") ? "json" : undefined;
  try {
    return readPrintedFigures(text, format === undefined ? {} : { format });
  } catch (error) {
    if (error instanceof SurveyError && error.code === "E_EMPTY_FILE") {
      throw new SurveyError("E_EMPTY_FILE", error.reason, { value: file });
    }
    throw error;
  }
}
