/**
 * Response scales whose answers have an order, from the lowest to the highest level, as
 * survey platforms and questionnaires word them (English and French). Compared
 * case-insensitively, with ’ read as '.
 */
const SCALES: ReadonlyArray<readonly string[]> = [
  ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
  ["Strongly disagree", "Somewhat disagree", "Neither agree nor disagree", "Somewhat agree", "Strongly agree"],
  ["Strongly disagree", "Disagree", "Somewhat disagree", "Neither agree nor disagree", "Somewhat agree", "Agree", "Strongly agree"],
  ["Strongly disagree", "Disagree", "Agree", "Strongly agree"],
  ["Pas du tout d'accord", "Plutôt pas d'accord", "Plutôt d'accord", "Tout à fait d'accord"],
  ["Pas du tout d'accord", "Plutôt pas d'accord", "Ni d'accord ni pas d'accord", "Plutôt d'accord", "Tout à fait d'accord"],
  ["Pas du tout d'accord", "Pas d'accord", "Ni d'accord ni pas d'accord", "D'accord", "Tout à fait d'accord"],
  ["Pas du tout d'accord", "Pas d'accord", "D'accord", "Tout à fait d'accord"],
  ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"],
  ["Pas du tout satisfait", "Plutôt pas satisfait", "Plutôt satisfait", "Très satisfait"],
  ["Never", "Rarely", "Sometimes", "Often", "Always"],
  ["Jamais", "Rarement", "Parfois", "Souvent", "Toujours"],
];

const normalise = (answer: string) => answer.trim().replace(/[’‘]/g, "'").toLowerCase();

/**
 * The levels, lowest first, of the shortest known scale holding every answer (spelled as the
 * data spells them; levels nobody chose as the scale spells them), or undefined.
 */
export function orderedScaleOf(answers: string[]): string[] | undefined {
  const spelling = new Map(answers.map((answer) => [normalise(answer), answer]));
  const scale = SCALES.filter((levels) => {
    const known = new Set(levels.map(normalise));
    return [...spelling.keys()].every((key) => known.has(key));
  }).sort((a, b) => a.length - b.length)[0];
  return scale?.map((level) => spelling.get(normalise(level)) ?? level);
}

/** Whether labels (a data dictionary's choices, in code order) are the levels of a known scale. */
export function isOrderedScale(labels: string[]): boolean {
  const levels = orderedScaleOf(labels);
  return levels?.length === labels.length && labels.every((label, i) => normalise(label) === normalise(levels[i] as string));
}
