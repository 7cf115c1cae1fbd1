// Every chart kind drawn from the Moubarak rows, in a given locale: what the schema and rendering tests run over.
import type { TopLevelSpec } from "vega-lite";
import { barChart, forestChart, groupedBarChart, likertChart, meanChart, multiSelectChart, stackedBarChart } from "../../src/charts";
import { apiMeansByType, likertMeans } from "./meanRows";
import type { ChartLocale } from "../../src/charts";
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
} from "../../examples/moubarakEstimates";

export function chartGallery(locale: ChartLocale): Record<string, TopLevelSpec> {
  const rows = locale === "fr-FR" ? inFrench : <T>(value: T) => value;
  const common = { locale, source: MOUBARAK_SOURCE, title: "Moubarak 2009" };
  return {
    bar: barChart(rows(profileRows), common),
    groupedSideBySide: groupedBarChart(rows(illustrativeByPositionRows), { ...common, groupLabels: { resident: "Residents" } }),
    groupedFaceted: groupedBarChart(rows(illustrativeByPositionRows), { ...common, layout: "faceted" }),
    stacked: stackedBarChart(rows([...friendRequestRows, ...privacyRows]), common),
    likert: likertChart(illustrativeLikertRows, common),
    forest: forestChart(rows([...facebookRows, ...relationshipRows]), { ...common, reference: { value: 0.5, label: locale === "fr-FR" ? "50\u202f%" : "50%" } }),
    forestGrouped: forestChart(rows(illustrativeByPositionRows), common),
    multiSelect: multiSelectChart(profileAsMultiSelectRows, common),
    mean: meanChart(apiMeansByType, common),
    meanGrouped: meanChart(likertMeans, common),
  };
}
