import { parseCodebook, type Codebook, type DesignSpec, type Question } from "../../src/codebook";
import { mulberry32 } from "../seededRandom";

/** What a generated survey file contains beyond clean answers. */
export interface FixtureOptions {
  rows: number;
  seed: number;
  /** Some single-choice answers are a label holding a line break inside its quotes. */
  quotedNewlines?: boolean;
  /** Bad values, ragged rows and skip-logic violations, for the report's accounting. */
  problems?: boolean;
  /** Line ending (default LF). */
  newline?: "\n" | "\r\n";
}

const QUESTION_COUNT = 30;
const LABELS = ["Très satisfait, oui", "D'accord, à peu près", "Pas du tout, non", "Égal, « bof »"];
const MULTILINE_LABEL = "Autre, à préciser\nsur deux lignes";
const NETWORKS = ["facebook", "twitter", "linkedin", "instagram"];
const AGE_GROUPS = ["18-29", "30-44", "45-59", "60+"];

/** Answer kinds of q01…q30, in turn; q30 is the `;`-separated multi-select. */
function kindOf(index: number): "oui-non" | "yes-no" | "labels" | "likert" {
  return (["oui-non", "yes-no", "labels", "likert", "likert"] as const)[index % 5] as "oui-non" | "yes-no" | "labels" | "likert";
}

function questionId(index: number): string {
  return `q${String(index + 1).padStart(2, "0")}`;
}

/**
 * The codebook of the generated survey: age group and sex, 29 questions mixing Oui/Non, yes/no,
 * single choice with quoted labels (commas, accents) and Likert 1–5, and one multi-select.
 * q04 is asked only to those who said Oui to q01.
 */
export function fixtureCodebook(): Codebook {
  const questions: Question[] = [
    { id: "age_group", column: "age_group", type: "single", categories: AGE_GROUPS.map((g) => ({ code: g, label: g, values: [g] })) },
    { id: "sex", column: "sex", type: "single", categories: [
      { code: "F", label: "Female", values: ["F"] },
      { code: "M", label: "Male", values: ["M"] },
    ] },
  ];
  for (let i = 0; i < QUESTION_COUNT; i++) {
    const id = questionId(i);
    if (i === QUESTION_COUNT - 1) {
      questions.push({ id, column: id, type: "multi", separator: ";", categories: NETWORKS.map((n) => ({ code: n, label: n, values: [n] })) });
      continue;
    }
    const kind = kindOf(i);
    if (kind === "oui-non") questions.push({ id, column: id, type: "binary", positive: ["Oui"], negative: ["Non"] });
    if (kind === "yes-no") questions.push({ id, column: id, type: "binary", positive: ["yes"], negative: ["no"], caseInsensitive: true });
    if (kind === "likert") questions.push({ id, column: id, type: "likert", levels: ["1", "2", "3", "4", "5"] });
    if (kind === "labels") {
      questions.push({ id, column: id, type: "single", categories: [
        ...LABELS.map((label, c) => ({ code: `c${c + 1}`, label, values: [label] })),
        { code: "other", label: "Autre", values: [MULTILINE_LABEL] },
      ] });
    }
  }
  (questions.find((q) => q.id === "q04") as Question).filter = { question: "q01", equals: "yes" };
  return parseCodebook({ title: "Generated benchmark survey", missing: ["", "NA", "Ne sait pas"], design: { weights: "weight", strata: "stratum", cluster: "psu" }, questions });
}

/** A CSV field, quoted when it holds a delimiter, a quote or a line break. */
function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The header and the rows of a generated survey file, a line at a time (with line endings). */
export function* fixtureLines(options: FixtureOptions): Generator<string> {
  const next = mulberry32(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const newline = options.newline ?? "\n";
  const questionIds = Array.from({ length: QUESTION_COUNT }, (_, i) => questionId(i));
  yield ["id", "weight", "stratum", "psu", "age_group", "sex", ...questionIds].join(",") + newline;
  for (let row = 0; row < options.rows; row++) {
    const answers: string[] = [];
    for (let i = 0; i < QUESTION_COUNT; i++) {
      if (next() < 0.03) {
        answers.push(next() < 0.8 ? "" : pick(["NA", "Ne sait pas"]));
        continue;
      }
      if (options.problems && next() < 0.005) {
        answers.push("peut-être");
        continue;
      }
      if (i === QUESTION_COUNT - 1) {
        answers.push(NETWORKS.filter(() => next() < 0.4).join(";"));
        continue;
      }
      const kind = kindOf(i);
      if (kind === "oui-non") answers.push(pick(["Oui", "Non"]));
      if (kind === "yes-no") answers.push(pick(["yes", "no", "Yes"]));
      if (kind === "likert") answers.push(String(1 + Math.floor(next() * 5)));
      if (kind === "labels") answers.push(options.quotedNewlines && next() < 0.05 ? MULTILINE_LABEL : pick(LABELS));
    }
    // q04 is filtered on q01 = Oui: asked only then, unless the file is meant to break the skip logic.
    if (answers[0] !== "Oui" && !(options.problems && next() < 0.1)) answers[3] = "";
    const fields = [
      String(row + 1),
      (0.5 + next() * 2).toFixed(3),
      `S${1 + Math.floor(next() * 8)}`,
      `P${String(1 + Math.floor(next() * 400)).padStart(3, "0")}`,
      pick(AGE_GROUPS),
      pick(["F", "M"]),
      ...answers,
    ];
    if (options.problems && next() < 0.002) fields.pop();
    yield fields.map(csvField).join(",") + newline;
  }
}

/** A whole generated survey file as text (for tests; the benchmark writes lines to disk). */
export function fixtureCsv(options: FixtureOptions): string {
  return [...fixtureLines(options)].join("");
}

/** The designs the engines' agreement tests try on the generated survey (its columns weight, stratum, psu), each with its name. */
export const FIXTURE_DESIGNS: ReadonlyArray<readonly [name: string, design: DesignSpec | undefined]> = [
  ["no design", undefined],
  ["a population size (FPC)", { populationSize: 20_000 }],
  ["weights, strata and PSUs", { weights: "weight", strata: "stratum", cluster: "psu" }],
  ["weights alone", { weights: "weight" }],
  ["weights and clusters", { weights: "weight", cluster: "psu" }],
  ["weights, strata and an fpc", { weights: "weight", strata: "stratum", fpc: 50_000 }],
];
