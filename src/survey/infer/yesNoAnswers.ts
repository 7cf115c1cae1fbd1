/**
 * Answer pairs that mean yes and no, lower-cased: a two-valued column holding one of each is a
 * yes/no (binary) question; any other pair (F/M, H/F, 1/2) names two categories.
 */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["yes", "no"], ["y", "n"], ["oui", "non"], ["o", "n"], ["1", "0"], ["true", "false"], ["vrai", "faux"],
  ["checked", "unchecked"], ["sí", "no"], ["si", "no"], ["ja", "nein"],
];

/** The yes and the no of two answers, or undefined when they are not a yes/no pair. */
export function yesNoPair(a: string, b: string): { yes: string; no: string } | undefined {
  for (const [yes, no] of PAIRS) {
    if (a.toLowerCase() === yes && b.toLowerCase() === no) return { yes: a, no: b };
    if (b.toLowerCase() === yes && a.toLowerCase() === no) return { yes: b, no: a };
  }
  return undefined;
}

/** Labels for the one-letter codes of a sex or gender question, by the pair of codes used. */
const CODE_LABELS: ReadonlyArray<Record<string, string>> = [
  { H: "Homme", F: "Femme" },
  { F: "Female", M: "Male" },
];

/** Readable labels for a known pair of codes (H/F → Homme/Femme), or undefined. */
export function knownCodeLabels(codes: string[]): Record<string, string> | undefined {
  return CODE_LABELS.find((labels) => codes.length === Object.keys(labels).length && codes.every((code) => code in labels));
}
