import { designWeights, postStratify, rake, type CalibrationResult } from "../stats/design";
import type { DesignColumns, Survey } from "../survey";

const calibrated = new WeakMap<DesignColumns, CalibrationResult>();

/**
 * The calibrated weights of a survey whose codebook design asks for `calibration` (R
 * `postStratify` / `rake` from the design's weights), with the convergence of the raking —
 * computed once per survey. Undefined when the design has no calibration.
 *
 * @param survey - The survey.
 * @returns The calibrated weights and their bookkeeping, or undefined.
 *
 * @example
 * ```ts
 * import { calibrationOf, loadSurvey } from "svyprop";
 *
 * const survey = await loadSurvey("sex,fb\nF,Oui\nF,Non\nM,Oui\n", {
 *   codebook: {
 *     design: { calibration: { method: "postStratify", margins: [{ column: "sex", population: { F: 200, M: 205 } }] } },
 *     questions: [{ id: "fb", column: "fb", type: "binary", positive: ["Oui"], negative: ["Non"] }],
 *   },
 * });
 * calibrationOf(survey)?.weights; // → [100, 100, 205]
 * ```
 */
export function calibrationOf(survey: Survey): CalibrationResult | undefined {
  return survey.designColumns === undefined ? undefined : calibrationFor(survey.designColumns, survey.rowCount);
}

/**
 * The calibration of a design's weights (as `calibrationOf`, from the design columns and row count),
 * computed once per design; undefined when the design has none.
 *
 * @param design - The survey's design columns.
 * @param rows - The number of respondents.
 * @returns The calibrated weights and their bookkeeping, or undefined without calibration.
 *
 * @example
 * ```ts
 * import { calibrationFor, loadSurvey } from "svyprop";
 *
 * const survey = await loadSurvey("sex,fb\nF,Oui\nF,Non\nM,Oui\n", {
 *   codebook: {
 *     design: { calibration: { method: "postStratify", margins: [{ column: "sex", population: { F: 200, M: 205 } }] } },
 *     questions: [{ id: "fb", column: "fb", type: "binary", positive: ["Oui"], negative: ["Non"] }],
 *   },
 * });
 * calibrationFor(survey.designColumns!, survey.rowCount)?.kind; // → "postStratify"
 * ```
 */
export function calibrationFor(design: DesignColumns, rows: number): CalibrationResult | undefined {
  const spec = design.calibration;
  if (spec === undefined) return undefined;
  const known = calibrated.get(design);
  if (known !== undefined) return known;
  const startWeights = designWeights(design, rows);
  const weights = startWeights === undefined ? {} : { weights: startWeights };
  const margins = spec.margins.map((m) => ({ ids: m.values, population: m.population, name: m.column }));
  const [first] = margins as [(typeof margins)[number]];
  const result =
    spec.method === "postStratify"
      ? postStratify({ ...weights, postStrata: first.ids, population: first.population, names: { ...design.names, postStrata: first.name } })
      : rake({
          ...weights,
          names: design.names,
          margins,
          ...(spec.epsilon === undefined ? {} : { epsilon: spec.epsilon }),
          ...(spec.maxIterations === undefined ? {} : { maxIterations: spec.maxIterations }),
        });
  calibrated.set(design, result);
  return result;
}
