import { designWeights, postStratify, rake, type CalibrationResult } from "../stats/design";
import type { DesignColumns, Survey } from "../survey";

const calibrated = new WeakMap<DesignColumns, CalibrationResult>();

/**
 * The calibrated weights of a survey whose codebook design asks for `calibration` (R
 * `postStratify` / `rake` from the design's weights), with the convergence of the raking —
 * computed once per survey. Undefined when the design has no calibration.
 */
export function calibrationOf(survey: Survey): CalibrationResult | undefined {
  return survey.designColumns === undefined ? undefined : calibrationFor(survey.designColumns, survey.rowCount);
}

export function calibrationFor(design: DesignColumns, rows: number): CalibrationResult | undefined {
  const spec = design.calibration;
  if (spec === undefined) return undefined;
  const known = calibrated.get(design);
  if (known !== undefined) return known;
  const startWeights = designWeights(
    {
      ...(design.weights ? { weights: design.weights } : {}),
      ...(design.strata ? { strata: design.strata } : {}),
      ...(design.cluster ? { cluster: design.cluster } : {}),
      ...(design.fpc === undefined ? {} : { fpc: design.fpc }),
    },
    rows,
  );
  const names = design.names.weights === undefined ? {} : { names: { weights: design.names.weights } };
  const weights = startWeights === undefined ? {} : { weights: startWeights };
  const margins = spec.margins.map((m) => ({ ids: m.values, population: m.population, name: m.column }));
  const result =
    spec.method === "postStratify"
      ? postStratify({ ...weights, ...names, postStrata: margins[0]!.ids, population: margins[0]!.population, names: { ...names.names, postStrata: margins[0]!.name } })
      : rake({
          ...weights,
          ...names,
          margins,
          ...(spec.epsilon === undefined ? {} : { epsilon: spec.epsilon }),
          ...(spec.maxIterations === undefined ? {} : { maxIterations: spec.maxIterations }),
        });
  calibrated.set(design, result);
  return result;
}
