// Estimate rows of the Moubarak survey (J Med Ethics 2011;37:101–104), written by hand from the
// paper's counts with 95% Wilson intervals, so the chart and report examples run without the data
// layers. Rows marked "illustrative" are NOT from the paper: they only show chart kinds the paper
// has no data for (subgroups, a Likert item, other surveys).
import type { Estimate } from "../src/types";

export const MOUBARAK_SOURCE = "Moubarak G et al. J Med Ethics 2011;37:101–104";

type Counts = Pick<Estimate, "question" | "questionLabel" | "category" | "categoryLabel" | "count" | "base" | "lower" | "upper"> &
  Partial<Pick<Estimate, "group">>;

function wilsonRow(counts: Counts): Estimate {
  return { ...counts, proportion: counts.count / counts.base, level: 0.95, method: "wilson" };
}

/** Has a Facebook profile: 147 of 202 respondents. */
export const facebookRows: Estimate[] = [
  wilsonRow({ question: "facebook", questionLabel: "Has a Facebook profile", category: "yes", categoryLabel: "Yes", count: 147, base: 202, lower: 0.662515, upper: 0.784431 }),
];

/** What Facebook users show on their profile (one binary question per item). */
export const profileRows: Estimate[] = [
  wilsonRow({ question: "real_name", questionLabel: "Real name", category: "yes", categoryLabel: "Yes", count: 138, base: 140, lower: 0.949412, upper: 0.996074 }),
  wilsonRow({ question: "birthdate", questionLabel: "Date of birth", category: "yes", categoryLabel: "Yes", count: 136, base: 140, lower: 0.928843, upper: 0.988834 }),
  wilsonRow({ question: "photo", questionLabel: "Photo of themselves", category: "yes", categoryLabel: "Yes", count: 128, base: 140, lower: 0.856155, upper: 0.950289 }),
  wilsonRow({ question: "university", questionLabel: "University", category: "yes", categoryLabel: "Yes", count: 83, base: 140, lower: 0.51005, upper: 0.670704 }),
  wilsonRow({ question: "position", questionLabel: "Current position", category: "yes", categoryLabel: "Yes", count: 76, base: 138, lower: 0.46748, upper: 0.631222 }),
];

/** If a patient sent a friend request (single choice, 178 answers). */
export const friendRequestRows: Estimate[] = [
  wilsonRow({ question: "patient_request", questionLabel: "If a patient sent a friend request", category: "decline", categoryLabel: "Would decline", count: 152, base: 178, lower: 0.794582, upper: 0.89833 }),
  wilsonRow({ question: "patient_request", questionLabel: "If a patient sent a friend request", category: "case", categoryLabel: "Case by case", count: 26, base: 178, lower: 0.10167, upper: 0.205418 }),
  wilsonRow({ question: "patient_request", questionLabel: "If a patient sent a friend request", category: "accept", categoryLabel: "Would accept", count: 0, base: 178, lower: 0, upper: 0.021125 }),
];

/** The same rows with French labels. */
export function inFrench(rows: Estimate[]): Estimate[] {
  return rows.map((row) => ({
    ...row,
    questionLabel: FRENCH_LABELS[row.question] ?? row.questionLabel,
    categoryLabel: FRENCH_LABELS[`${row.question}.${row.category}`] ?? row.categoryLabel,
  }));
}

const FRENCH_LABELS: Record<string, string> = {
  facebook: "A un profil Facebook",
  "facebook.yes": "Oui",
  real_name: "Nom réel",
  birthdate: "Date de naissance",
  photo: "Photo de soi",
  university: "Université",
  position: "Poste occupé",
  patient_request: "Si un patient envoyait une demande d’ami",
  "patient_request.decline": "Refuserait",
  "patient_request.case": "Au cas par cas",
  "patient_request.accept": "Accepterait",
};
