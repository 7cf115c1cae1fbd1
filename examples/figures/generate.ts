// Renders the README's figures to examples/figures/*.png: `npx tsx examples/figures/generate.ts`.
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { barChart, forestChart, groupedBarChart, likertChart, multiSelectChart, stackedBarChart } from "svyprop";
import { renderPng } from "svyprop/render";
import {
  facebookRows,
  friendRequestRows,
  illustrativeByPositionRows,
  illustrativeLikertRows,
  inFrench,
  MOUBARAK_SOURCE,
  privacyRows,
  profileAsMultiSelectRows,
  profileRows,
  relationshipRows,
} from "../moubarakEstimates";

const figures = {
  "bar-profile-en": barChart(profileRows, {
    title: "What residents and fellows show on Facebook",
    subtitle: "Share of Facebook users whose profile shows each item",
    source: MOUBARAK_SOURCE,
  }),
  "bar-profile-fr": barChart(inFrench(profileRows), {
    locale: "fr-FR",
    title: "Ce que les internes et chefs de clinique montrent sur Facebook",
    subtitle: "Part des utilisateurs de Facebook dont le profil montre chaque élément",
    source: MOUBARAK_SOURCE,
  }),
  "bar-friend-request-en": barChart(friendRequestRows, {
    title: "If a patient sent a friend request",
    source: MOUBARAK_SOURCE,
    order: "input",
  }),
  "grouped-bar-en": groupedBarChart(illustrativeByPositionRows, {
    title: "Facebook profiles by position",
    subtitle: "Illustrative split: the paper prints no subgroup figures",
    groupLabels: { resident: "Residents", fellow: "Fellows" },
    groupTitle: "Position",
  }),
  "grouped-facet-fr": groupedBarChart(inFrench(illustrativeByPositionRows), {
    layout: "faceted",
    locale: "fr-FR",
    title: "Profils Facebook selon le poste",
    subtitle: "Répartition illustrative : l’article ne publie pas de sous-groupes",
    groupLabels: { resident: "Internes", fellow: "Chefs de clinique" },
    groupTitle: "Poste",
  }),
  "stacked-en": stackedBarChart([...friendRequestRows, ...privacyRows], {
    title: "Friend requests and privacy settings",
    source: MOUBARAK_SOURCE,
  }),
  "stacked-fr": stackedBarChart(inFrench([...friendRequestRows, ...privacyRows]), {
    locale: "fr-FR",
    title: "Demandes d’amis et réglages de confidentialité",
    source: MOUBARAK_SOURCE,
  }),
  "likert-en": likertChart(illustrativeLikertRows, {
    title: "Doctors should keep a separate professional profile",
    subtitle: "Illustrative data: the paper asked no Likert item",
  }),
  "forest-en": forestChart([...facebookRows, ...relationshipRows, ...privacyRows.slice(0, 1)], {
    title: "Findings of the survey with their 95% intervals",
    reference: { value: 0.5, label: "50%" },
    source: MOUBARAK_SOURCE,
  }),
  "forest-grouped-fr": forestChart(inFrench(illustrativeByPositionRows), {
    locale: "fr-FR",
    title: "Internes et chefs de clinique",
    subtitle: "Répartition illustrative",
    groupLabels: { resident: "Internes", fellow: "Chefs de clinique" },
    groupTitle: "Poste",
  }),
  "multi-select-en": multiSelectChart(profileAsMultiSelectRows, {
    title: "What their Facebook profile shows",
    source: MOUBARAK_SOURCE,
  }),
};

for (const [name, spec] of Object.entries(figures)) {
  const path = fileURLToPath(new URL(`${name}.png`, import.meta.url));
  await writeFile(path, await renderPng(spec));
  console.log(path);
}
