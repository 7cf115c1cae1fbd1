import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  checkFigures,
  checkPartition,
  commonDenominators,
  denominatorsFor,
  isConsistent,
  numeratorsFor,
} from "../../../src/stats/consistency";
import { sourcesFile } from "../../paths";

// The published figures collected in ../shared/sources/ (copied unchanged to tests/sources/), with the checks recorded there
// (computed independently with exact rational arithmetic, half-up unless stated).
interface SourceFigure {
  key: string;
  label: string;
  numerator: number | null;
  denominator: number | null;
  percent_reported_text: string | null;
  candidate_numerators_if_denominator_147?: number[];
  check?: {
    consistent_half_up?: boolean;
    consistent_half_even?: boolean;
    implied_denominators_in_search_range?: number[];
    search_range?: [number, number];
  };
}


function printedFigures(file: string): SourceFigure[] {
  const source = JSON.parse(readFileSync(sourcesFile(file), "utf8")) as { figures: SourceFigure[] };
  return source.figures.filter((figure) => figure.percent_reported_text !== null);
}

const surveys = [
  { file: "moubarak-2011.json", printed: 22 },
  { file: "chretien-2009.json", printed: 15 },
  { file: "macdonald-2010.json", printed: 9 },
];

describe.each(surveys)("published figures of $file", ({ file, printed }) => {
  const figures = printedFigures(file);

  it(`has the ${printed} printed percentages this suite checks`, () => {
    expect(figures).toHaveLength(printed);
  });

  it.each(figures.map((figure) => [figure.key, figure] as const))("%s matches the recorded check", (_key, figure) => {
    const text = figure.percent_reported_text as string;
    const { numerator: k, denominator: n, check } = figure;
    if (check?.consistent_half_up !== undefined) {
      expect(isConsistent(k as number, n as number, text, { rounding: "half-up" })).toBe(check.consistent_half_up);
    }
    if (check?.consistent_half_even !== undefined) {
      expect(isConsistent(k as number, n as number, text, { rounding: "half-even" })).toBe(check.consistent_half_even);
    }
    if (check?.implied_denominators_in_search_range !== undefined) {
      const [min, max] = check.search_range as [number, number];
      expect(denominatorsFor(text, k as number, { min, max })).toEqual(check.implied_denominators_in_search_range);
    }
    if (figure.candidate_numerators_if_denominator_147 !== undefined) {
      expect(numeratorsFor(text, 147)).toEqual(figure.candidate_numerators_if_denominator_147);
    }
    // The verdict `svyprop check` would print, from the same recorded facts.
    const [verdict] = checkFigures(
      [{ label: figure.label, printed: text, ...(k === null ? {} : { count: k }), ...(n === null ? {} : { base: n }) }],
      { min: check?.search_range?.[0] ?? 1, max: check?.search_range?.[1] ?? 202 },
    );
    const expected =
      k !== null && n !== null
        ? check?.consistent_half_up
          ? "reproduced"
          : "count-mismatch"
        : (check?.implied_denominators_in_search_range?.length ?? 1) > 0
          ? "possible"
          : "impossible";
    expect(verdict?.verdict).toBe(expected);
    if (k !== null && n === null) expect(verdict?.denominators).toEqual(check?.implied_denominators_in_search_range);
  });
});

describe("the analyses recorded with the sources", () => {
  const moubarak = new Map(printedFigures("moubarak-2011.json").map((figure) => [figure.key, figure]));
  const share = (key: string) => {
    const figure = moubarak.get(key) as SourceFigure;
    return { printed: figure.percent_reported_text as string, count: figure.numerator as number };
  };

  it("Moubarak profile items: no n fits all five, 140 fits four of five", () => {
    const items = ["real_name", "birthdate", "photo", "university", "position"].map(share);
    expect(commonDenominators(items, { max: 147 })).toEqual({ all: [], allButOne: [{ n: 140, misfit: 4 }] });
  });

  it("Moubarak opinion items: jointly consistent with n = 184 only, in 139–202", () => {
    const keys = [
      "dpr_altered_if_account_known",
      "dpr_altered_only_if_open_access",
      "accept_factor_affinity",
      "accept_factor_embarrass",
      "accept_factor_confidence",
      "accept_factor_lose_patient",
    ];
    expect(commonDenominators(keys.map(share), { min: 139, max: 202 }).all).toEqual([184]);
  });

  it("Moubarak news copy: '143 respondents, or 73 %' cannot be over 202", () => {
    expect(isConsistent(143, 202, "73")).toBe(false);
    expect(numeratorsFor("73", 202)).toEqual([147, 148]); // 143/202 prints 71
  });

  it("Chretien past-year breakdown: counts sum to 46, printed '/47', percentages on 46", () => {
    const keys = ["past_year_none", "past_year_lt5", "past_year_5_15", "past_year_unknown"];
    const figures = printedFigures("chretien-2009.json").filter((figure) => keys.includes(figure.key));
    const check = checkPartition(
      figures.map((figure) => figure.numerator as number),
      47,
      figures.map((figure) => figure.percent_reported_text as string),
    );
    expect(check).toMatchObject({ sum: 46, sumsToBase: false, printedFitBase: false, printedFitSum: true });
  });

  it("MacDonald: every printed percentage reproduces from its printed counts", () => {
    const verdicts = checkFigures(
      printedFigures("macdonald-2010.json").map((figure) => ({
        label: figure.label,
        printed: figure.percent_reported_text as string,
        count: figure.numerator as number,
        base: figure.denominator as number,
      })),
    );
    expect(verdicts.map((verdict) => verdict.verdict)).toEqual(Array(9).fill("reproduced"));
  });
});
