import { SurveyError, argumentError } from "../../errors";
import { setStratumFpc } from "../../survey/designCellChecks";
import { spreadsheetRow, type DesignColumnNames, type FinalDesignTally, type Id, type NumericArray, type Subsample } from "../../tally/designTally";
import type { DesignInput } from "./prepareDesign";
import { prepareDesign } from "./prepareDesign";

/** A later stage of a multistage sample (R `svydesign(ids = ~psu + ssu, fpc = ~fpc1 + fpc2)`). */
export interface DesignStage {
  /** This stage's unit per row, nested within the unit of the stage before (ids repeat across units). */
  cluster: readonly Id[];
  /** The population count of this stage's units within the unit of the stage before, per row or one number. */
  fpc?: NumericArray | number;
}

/** Separates the ids of a unit's chain of stages in one key (no id holds it). */
const SEPARATOR = "\u0000";

/**
 * Per row, the product over stages 2, 3 … of N_s/n_s — the population count N_s of the row's
 * unit's parent (the unit of the stage before) over its number of sampled units n_s — the factor
 * a multistage design multiplies the first stage's N_h/n_h by to get weights (R
 * `weights.survey_fpc`). Checks each stage's fpc as R's `as.fpc` does: a positive number,
 * constant within the parent unit (`E_FPC` naming the row and column otherwise) and no smaller
 * than its sampled units.
 */
export function stageFactors(input: DesignInput, n: number): Float64Array {
  const stages = input.stages ?? [];
  if (input.cluster === undefined) throw argumentError("cluster", "is required with stages: the first stage's units (PSUs)");
  const offset = input.rowOffset ?? 0;
  const factors = new Float64Array(n).fill(1);
  let parents = Array.from({ length: n }, (_, i) => (input.strata === undefined ? "" : String(input.strata[i])) + SEPARATOR + String(input.cluster![i]));
  stages.forEach((stage, s) => {
    const names = input.names?.stages?.[s] ?? {};
    if (stage.cluster.length !== n) throw argumentError(names.cluster ?? `stages[${s}].cluster`, `must have ${n} values`, stage.cluster.length);
    if (stage.fpc === undefined) throw argumentError(names.fpc ?? `stages[${s}].fpc`, "is required at every stage when the first stage has an fpc (as R)");
    const fpc = stage.fpc;
    const units = new Map<string, { key: string; fpc: number | undefined; units: Set<string>; firstRow: number }>();
    for (let i = 0; i < n; i++) {
      const parent = parents[i]!;
      let unit = units.get(parent);
      if (unit === undefined) units.set(parent, (unit = { key: parent.split(SEPARATOR).slice(1).join(" / "), fpc: undefined, units: new Set(), firstRow: offset + i }));
      setStratumFpc(unit, typeof fpc === "number" ? fpc : fpc[i]!, spreadsheetRow(offset + i), names.fpc);
      unit.units.add(String(stage.cluster[i]));
    }
    for (const unit of units.values()) {
      if (unit.fpc! < unit.units.size) {
        throw new SurveyError("E_FPC", `the population size (fpc) ${unit.fpc} of unit "${unit.key}" is smaller than its ${unit.units.size} units sampled at stage ${s + 2}`, {
          row: spreadsheetRow(unit.firstRow),
          column: names.fpc ?? `stages[${s}].fpc`,
          value: String(unit.fpc),
        });
      }
    }
    for (let i = 0; i < n; i++) {
      const unit = units.get(parents[i]!)!;
      factors[i]! *= unit.fpc! / unit.units.size;
    }
    parents = parents.map((parent, i) => parent + SEPARATOR + String(stage.cluster[i]));
  });
  return factors;
}

/**
 * Adds to a multistage design's first stage the designs of its later stages (R survey
 * `multistage`, default `survey.ultimate.cluster = FALSE`): within each PSU, its rows form a
 * design of one stratum whose units are the stage-2 clusters (with their fpc and any later
 * stages), whose variance the first stage's sampling fraction n_h/N_h multiplies:
 * V = V_1 + Σ_hi (n_h/N_h)·V_2hi (Lumley 2010 §3.2; Särndal, Swensson & Wretman 1992 §4.3).
 * A PSU whose rows all weigh 0 adds nothing and is left out.
 */
export function withSubsamples(final: FinalDesignTally, input: DesignInput, columns: readonly NumericArray[], weights: NumericArray | undefined): FinalDesignTally {
  const [next, ...later] = input.stages!;
  const n = columns[0]!.length;
  const strata = new Map(final.strata.map((h) => [h.key, h]));
  const psus = new Map<string, { stratum: string; psu: string; rows: number[] }>();
  for (let i = 0; i < n; i++) {
    const stratum = input.strata === undefined ? "" : String(input.strata[i]);
    const psu = String(input.cluster![i]);
    const key = stratum + SEPARATOR + psu;
    let group = psus.get(key);
    if (group === undefined) psus.set(key, (group = { stratum, psu, rows: [] }));
    group.rows.push(i);
  }
  const stageNames = input.names?.stages ?? [];
  const names: DesignColumnNames = {
    ...(input.names?.weights === undefined ? {} : { weights: input.names.weights }),
    ...(input.names?.cluster === undefined ? {} : { strata: input.names.cluster }),
    ...(stageNames[0]?.cluster === undefined ? {} : { cluster: stageNames[0].cluster }),
    ...(stageNames[0]?.fpc === undefined ? {} : { fpc: stageNames[0].fpc }),
    ...(input.names?.columns === undefined ? {} : { columns: input.names.columns }),
    stages: stageNames.slice(1),
  };
  const subsamples: Subsample[] = [];
  const offset = input.rowOffset ?? 0;
  for (const { stratum, psu, rows } of psus.values()) {
    const pick = <T>(values: ArrayLike<T>): T[] => rows.map((i) => values[i]!);
    const w = weights === undefined ? rows.map(() => 1) : pick(weights);
    if (w.every((value) => value === 0)) continue;
    const design = prepareDesign(
      {
        weights: w,
        strata: rows.map(() => psu),
        cluster: pick(next!.cluster),
        fpc: typeof next!.fpc === "number" ? next!.fpc : pick(next!.fpc!),
        stages: later.map((stage) => ({ cluster: pick(stage.cluster), fpc: typeof stage.fpc === "number" ? stage.fpc : pick(stage.fpc!) })),
        names,
      },
      columns.map((column) => pick(column)),
    );
    placeRows(design, rows, offset, (final.stage ?? 1) + 1);
    const h = strata.get(stratum)!;
    subsamples.push({ fraction: h.nPsu / h.fpc!, design, names });
  }
  return { ...final, subsamples };
}

/** Maps a subsample's 0-based row indices (its strata's first rows, at every depth) back to the whole data's, and numbers its stages. */
function placeRows(design: FinalDesignTally, rows: readonly number[], offset: number, stage: number): void {
  design.stage = stage;
  for (const h of design.strata) h.firstRow = rows[h.firstRow]! + offset;
  for (const sub of design.subsamples ?? []) placeRows(sub.design, rows, offset, stage + 1);
}
