// Estimate rows of the Moubarak survey (J Med Ethics 2011;37:101–104), written by hand from the
// counts of data/moubarak-2009/published.json (assumed bases included) with 95% Wilson intervals
// without finite-population correction, so the chart and report examples run without the data
// layers. Rows marked "illustrative" are NOT from the paper: they only show chart kinds the paper
// has no data for (subgroups, a Likert item, other surveys).
import type { Estimate } from "svyprop";

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
  wilsonRow({ question: "current_position", questionLabel: "Current position", category: "yes", categoryLabel: "Yes", count: 76, base: 139, lower: 0.463859, upper: 0.627151 }),
];

/** If a patient sent a friend request (single choice, 178 answers). */
export const friendRequestRows: Estimate[] = [
  wilsonRow({ question: "friend_request", questionLabel: "If a patient sent a friend request", category: "decline", categoryLabel: "Would decline", count: 152, base: 178, lower: 0.794582, upper: 0.89833 }),
  wilsonRow({ question: "friend_request", questionLabel: "If a patient sent a friend request", category: "case_by_case", categoryLabel: "Case by case", count: 26, base: 178, lower: 0.10167, upper: 0.205418 }),
  wilsonRow({ question: "friend_request", questionLabel: "If a patient sent a friend request", category: "accept", categoryLabel: "Would accept", count: 0, base: 178, lower: 0, upper: 0.021125 }),
];

/** Changed Facebook's default privacy settings (single choice, 147 users; 90 is the assumed count). */
export const privacyRows: Estimate[] = [
  wilsonRow({ question: "privacy_changed", questionLabel: "Changed default privacy settings", category: "yes", categoryLabel: "Yes", count: 90, base: 147, lower: 0.531579, upper: 0.687194 }),
  wilsonRow({ question: "privacy_changed", questionLabel: "Changed default privacy settings", category: "no", categoryLabel: "No", count: 32, base: 147, lower: 0.15863, upper: 0.291124 }),
  wilsonRow({ question: "privacy_changed", questionLabel: "Changed default privacy settings", category: "dont_remember", categoryLabel: "Cannot remember", count: 25, base: 147, lower: 0.11793, upper: 0.239011 }),
];

/** Views on the doctor–patient relationship (184 answers assumed). */
export const relationshipRows: Estimate[] = [
  wilsonRow({ question: "dpr_altered", questionLabel: "Relationship altered if patients knew of the account", category: "yes", categoryLabel: "Yes", count: 88, base: 184, lower: 0.407269, upper: 0.550142 }),
  wilsonRow({ question: "dpr_open_access", questionLabel: "Altered only if the patient could see the profile", category: "yes", categoryLabel: "Yes", count: 139, base: 184, lower: 0.688522, upper: 0.8119 }),
];

/**
 * ILLUSTRATIVE, not from the paper (which prints no subgroup figures): Facebook ownership and
 * friend-request answers split by position, only to show grouped and faceted charts.
 */
export const illustrativeByPositionRows: Estimate[] = [
  wilsonRow({ question: "facebook", questionLabel: "Has a Facebook profile", category: "yes", categoryLabel: "Yes", group: { position: "resident" }, count: 118, base: 152, lower: 0.703726, upper: 0.835283 }),
  wilsonRow({ question: "facebook", questionLabel: "Has a Facebook profile", category: "yes", categoryLabel: "Yes", group: { position: "fellow" }, count: 29, base: 50, lower: 0.442334, upper: 0.70625 }),
  wilsonRow({ question: "photo", questionLabel: "Photo of themselves", category: "yes", categoryLabel: "Yes", group: { position: "resident" }, count: 104, base: 114, lower: 0.846027, upper: 0.951655 }),
  wilsonRow({ question: "photo", questionLabel: "Photo of themselves", category: "yes", categoryLabel: "Yes", group: { position: "fellow" }, count: 24, base: 26, lower: 0.758584, upper: 0.978645 }),
];

/** ILLUSTRATIVE, not from the paper: a five-level agreement item, only to show the Likert chart. */
export const illustrativeLikertRows: Estimate[] = [
  ["strongly_disagree", "Strongly disagree", 21, 0.075871, 0.168173],
  ["disagree", "Disagree", 38, 0.154323, 0.270724],
  ["neutral", "Neither agree nor disagree", 30, 0.11666, 0.223209],
  ["agree", "Agree", 52, 0.22251, 0.351598],
  ["strongly_agree", "Strongly agree", 43, 0.17838, 0.299903],
].map(([category, categoryLabel, count, lower, upper]) =>
  wilsonRow({
    question: "separate_profiles", questionLabel: "Doctors should keep a separate professional profile",
    category: category as string, categoryLabel: categoryLabel as string, count: count as number, base: 184,
    lower: lower as number, upper: upper as number,
  }),
);

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
  current_position: "Poste occupé",
  friend_request: "Si un patient envoyait une demande d’ami",
  "friend_request.decline": "Refuserait",
  "friend_request.case_by_case": "Au cas par cas",
  "friend_request.accept": "Accepterait",
  privacy_changed: "A modifié les réglages de confidentialité",
  "privacy_changed.yes": "Oui",
  "privacy_changed.no": "Non",
  "privacy_changed.dont_remember": "Ne se souvient pas",
  dpr_altered: "La relation médecin–patient serait altérée",
  dpr_open_access: "Seulement si le patient voit le profil",
};

/** The profile items read as one multi-select question, "What the profile shows". */
export const profileAsMultiSelectRows: Estimate[] = profileRows.map((row) => ({
  ...row,
  question: "profile_shows",
  questionLabel: "What the profile shows",
  category: row.question,
  categoryLabel: row.questionLabel,
}));
