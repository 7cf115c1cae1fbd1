import { parseNumberAnswer, type CalibrationSpec, type DesignSpec, type ReplicatesSpec } from "../codebook";
import { samplingStages, type SamplingStage } from "../codebook/samplingStages";
import { SurveyError } from "../errors";
import { checkWeight, setStratumFpc } from "./designCellChecks";
import { missingColumn, namedColumns } from "./indexColumns";
import { cutValue } from "../load/cutValue";
import type { CsvTable } from "../load";

/** The design variables of every respondent, read from the columns the design names. */
export interface DesignColumns {
  /** Each respondent's sampling weight (absent: every weight 1). */
  weights?: Float64Array;
  /** Each respondent's stratum (absent: one stratum). */
  strata?: string[];
  /** Each respondent's primary sampling unit (absent: every respondent is one). */
  cluster?: string[];
  /** Population size per row (an fpc column), or one number for the whole design. */
  fpc?: Float64Array | number;
  /** The later stages of a multistage design, stage 2 first: each stage's unit and population count per row. */
  stages?: Array<{
    /** The stage's unit per row, nested within the unit of the stage before. */
    cluster: string[];
    /** The population count of the stage's units within the unit before, per row or one number. */
    fpc?: Float64Array | number;
  }>;
  /** Single-PSU strata (R `survey.lonely.psu`); default "fail". */
  lonelyPsu?: NonNullable<DesignSpec["lonelyPsu"]>;
  /** The calibration the design asks for, with each margin's value per respondent. */
  calibration?: CalibrationColumns;
  /** Replicate weights (then `weights` holds the full-sample weights and no strata, cluster or fpc). */
  replicates?: ReplicateColumns;
  /** The column names, for error messages of the design computations. */
  names: {
    /** The weights column's name. */
    weights?: string;
    /** The strata column's name. */
    strata?: string;
    /** The cluster column's name. */
    cluster?: string;
    /** The population-size column's name. */
    fpc?: string;
    /** The later stages' cluster (and population-size) column names, stage 2 first. */
    stages?: Array<{
      /** The column of the stage's units. */
      cluster: string;
      /** The column of the stage's population counts. */
      fpc?: string;
    }>;
  };
}

/** The calibration a design asks for, with each margin's column read. */
export interface CalibrationColumns extends Omit<CalibrationSpec, "margins"> {
  /** The margins, each with its column's value per respondent (trimmed). */
  margins: Array<
    CalibrationSpec["margins"][number] & {
      /** The margin column's value for each respondent. */
      values: string[];
    }
  >;
}

/** The replicate weight columns a design names, read, with the variance settings the codebook gives. */
export interface ReplicateColumns extends Omit<ReplicatesSpec, "columns"> {
  /** One full analysis weight per respondent, per replicate (in the order named, or the file's for a pattern). */
  weights: Float64Array[];
  /** The replicate columns' names, in the same order. */
  names: string[];
}

/** The error code of a bad number in a design column: a weight, or a population size. */
export type DesignNumberCode = "E_BAD_WEIGHT" | "E_FPC";

/**
 * A weight or population size as a design column holds it: a decimal number with a decimal point
 * or comma, read by the same `parseNumberAnswer` as numeric answers (so `0x10`, `0b11`, `1e3` or
 * `Infinity` are not numbers); an empty cell or one that is not a number is an error naming its
 * row, column and value.
 *
 * @param text - The cell.
 * @param code - The error code for a bad value: "E_BAD_WEIGHT" or "E_FPC".
 * @param where - The cell's spreadsheet row and column, for the error.
 * @returns The number.
 * @throws {@link SurveyError} with `code` for an empty cell or one that is not a number.
 *
 * @example
 * ```ts
 * import { designNumber } from "svyprop";
 *
 * designNumber("1,5", "E_BAD_WEIGHT", { row: 2, column: "weight" }); // → 1.5
 * ```
 */
export function designNumber(text: string, code: DesignNumberCode, where: { row: number; column: string }): number {
  const value = parseNumberAnswer(text);
  if (!Number.isFinite(value)) throw new SurveyError(code, "must be a number for every respondent", { ...where, value: cutValue(text) });
  return value;
}

/**
 * A file's design columns as a reader holds them: the header and rows, and per respondent the
 * trimmed text of a column (strings shared per distinct value) or its numbers.
 */
export interface DesignCells {
  header: readonly string[];
  rowNumbers: readonly number[];
  /** Each respondent's trimmed cell of a column the file has. */
  text(name: string): string[];
  /** Each respondent's number in a column the file has (`parseNumberAnswer`: NaN for a cell that is none), and the first such cell. */
  numbers(name: string): NumberCells;
}

/** A design column's numbers, and its first cell that is not one (its spreadsheet row and trimmed text). */
interface NumberCells {
  values: Float64Array;
  firstBad?: { row: number; text: string };
}

/**
 * The columns a design reads from a file with this header: as text (strata, clusters, margins) and as numbers.
 *
 * @internal
 */
export function designColumnNames(design: DesignSpec, header: readonly string[]): { text: string[]; numbers: string[] } {
  const { weights, strata, calibration, replicates } = design;
  const stages = samplingStages(design);
  const replicateNames =
    replicates === undefined ? [] : Array.isArray(replicates.columns) ? replicates.columns : header.filter((name) => new RegExp((replicates.columns as { pattern: string }).pattern).test(name));
  return {
    text: [strata, ...stages.map((stage) => stage.cluster), ...(calibration?.margins.map((margin) => margin.column) ?? [])].filter((name): name is string => name !== undefined),
    numbers: [weights, ...stages.map((stage) => (typeof stage.fpc === "string" ? stage.fpc : undefined)), ...replicateNames].filter((name): name is string => name !== undefined),
  };
}

/**
 * Reads the weight, stratum, cluster and fpc columns a design names (as R `svydesign(weights =,
 * strata =, ids =, fpc =)` reads them). Returns undefined for a simple random sample (no design
 * column). A weight or fpc that is not a number is an error naming its row, column and value:
 * a design needs every respondent's weight, so it cannot be left out like a bad answer.
 *
 * @param table - The parsed table.
 * @param design - The codebook's design.
 * @returns The design columns, or undefined for a simple random sample.
 * @throws {@link SurveyError} `E_UNKNOWN_COLUMN`, `E_BAD_WEIGHT` or `E_FPC` naming the row, column and value.
 *
 * @example
 * ```ts
 * import { parseCsv, readDesignColumns } from "svyprop";
 *
 * const table = parseCsv("w,st\n1,a\n2,b\n");
 * readDesignColumns(table, { weights: "w", strata: "st" }); // → { weights: [1, 2], strata: ["a", "b"] }
 * readDesignColumns(table, {}); // → undefined
 * ```
 */
export function readDesignColumns(table: CsvTable, design: DesignSpec): DesignColumns | undefined {
  const index = (name: string) => table.header.indexOf(name);
  const text = (name: string) => table.rows.map((row) => (row[index(name)] ?? "").trim());
  return designColumnsOf(
    {
      header: table.header,
      rowNumbers: table.rowNumbers,
      text,
      numbers: (name) => {
        const cells = text(name);
        const values = Float64Array.from(cells, parseNumberAnswer);
        const bad = values.findIndex((value) => !Number.isFinite(value));
        return { values, ...(bad < 0 ? {} : { firstBad: { row: table.rowNumbers[bad] as number, text: cells[bad] as string } }) };
      },
    },
    design,
  );
}

/**
 * The design columns of a file as any reader holds them (`DesignCells`): what `readDesignColumns`
 * and the survey builder share (see there).
 *
 * @internal
 */
export function designColumnsOf(cells: DesignCells, design: DesignSpec): DesignColumns | undefined {
  const { weights, strata, calibration, lonelyPsu, replicates } = design;
  const [{ cluster, fpc }, ...later] = samplingStages(design);
  if (weights === undefined && strata === undefined && cluster === undefined && typeof fpc !== "string" && calibration === undefined) return undefined;
  const header = cells.header;
  // A column the file lacks: the reading paths' own refusal (`requireColumns`), with the JSON path of the field naming it.
  const pathOf = new Map(namedColumns({ questions: [], design }).reverse().map(({ column, path }) => [column, path]));
  const present = (name: string, path?: string): void => {
    if (!header.includes(name)) throw missingColumn(name, path ?? (pathOf.get(name) as string), header);
  };
  const column = (name: string, path?: string): string[] => {
    present(name, path);
    return cells.text(name);
  };
  const numbers = (name: string, code: DesignNumberCode, path?: string): Float64Array => {
    present(name, path);
    const { values, firstBad } = cells.numbers(name);
    if (firstBad) badNumber(firstBad, code, name);
    return values;
  };
  // The weights and population sizes the stream checks record by record: checked here in its order (`checkRecordByRecord`).
  const weightCells = weights === undefined ? undefined : (present(weights), cells.numbers(weights));
  const fpcCells = typeof fpc === "string" ? (present(fpc), cells.numbers(fpc)) : undefined;
  const strataCells = strata === undefined ? undefined : column(strata);
  checkRecordByRecord(cells.rowNumbers, { weights: weightCells, fpc: fpcCells, strata: strataCells }, { weights, fpc: typeof fpc === "string" ? fpc : undefined });
  // Every respondent needs a population count for their value of each margin.
  const readCalibration = (spec: CalibrationSpec): CalibrationColumns => ({
    ...spec,
    margins: spec.margins.map((margin, k) => {
      const values = column(margin.column);
      values.forEach((value, i) => {
        if (!Object.hasOwn(margin.population, value)) {
          throw new SurveyError("E_BAD_VALUE", `has no population count in design.calibration.margins[${k}]; counts are given for ${Object.keys(margin.population).join(", ")}`, {
            row: cells.rowNumbers[i] as number,
            column: margin.column,
            value,
          });
        }
      });
      return { ...margin, values };
    }),
  });
  const readReplicates = ({ columns, ...settings }: ReplicatesSpec): ReplicateColumns => {
    const names = Array.isArray(columns) ? columns : header.filter((name) => new RegExp(columns.pattern).test(name));
    if (names.length < 2) {
      throw new SurveyError("E_CODEBOOK", `matches ${names.length} column(s), a replicate design needs at least two; columns are: ${header.join(", ")}`, {
        path: "design.replicates.columns.pattern",
        value: (columns as { pattern: string }).pattern,
      });
    }
    if (Array.isArray(settings.rscales) && settings.rscales.length !== names.length) {
      throw new SurveyError("E_CODEBOOK", `has ${settings.rscales.length} entries for ${names.length} replicate columns`, { path: "design.replicates.rscales" });
    }
    return { ...settings, weights: names.map((name) => numbers(name, "E_BAD_WEIGHT", "design.replicates.columns")), names };
  };
  // Stage k + 1 of a multistage design (cluster[k], fpc[k]): its units and population counts.
  const readStage = (stage: SamplingStage) => ({
    cluster: column(stage.cluster!),
    ...(stage.fpc === undefined ? {} : { fpc: typeof stage.fpc === "number" ? stage.fpc : numbers(stage.fpc, "E_FPC") }),
  });
  return {
    ...(weightCells === undefined ? {} : { weights: weightCells.values }),
    ...(replicates === undefined ? {} : { replicates: readReplicates(replicates) }),
    ...(strataCells === undefined ? {} : { strata: strataCells }),
    ...(cluster === undefined ? {} : { cluster: column(cluster) }),
    ...(fpc === undefined ? {} : { fpc: typeof fpc === "number" ? fpc : (fpcCells as NumberCells).values }),
    ...(later.length === 0 ? {} : { stages: later.map(readStage) }),
    ...(lonelyPsu === undefined ? {} : { lonelyPsu }),
    ...(calibration === undefined ? {} : { calibration: readCalibration(calibration) }),
    names: {
      ...(weights === undefined ? {} : { weights }),
      ...(strata === undefined ? {} : { strata }),
      ...(cluster === undefined ? {} : { cluster }),
      ...(typeof fpc === "string" ? { fpc } : {}),
      ...(later.length === 0 ? {} : { stages: later.map((stage) => ({ cluster: stage.cluster!, ...(typeof stage.fpc === "string" ? { fpc: stage.fpc } : {}) })) }),
    },
  };
}

/** The error of a design column's first cell that is not a number (`designNumber`'s). */
function badNumber(cell: { row: number; text: string }, code: DesignNumberCode, column: string): never {
  designNumber(cell.text, code, { row: cell.row, column });
  throw new Error("unreachable: the cell is not a number");
}

/**
 * The checks of weights and population sizes that the stream makes record by record (`DesignReader`,
 * `DesignSlots.addRow`), in its order, so that both paths name the same first bad cell: per record,
 * a weight that is not a number (`E_BAD_WEIGHT`), then a population size that is not one (`E_FPC`),
 * then a weight that is negative or infinite (`checkWeight`), then a population size that is not
 * positive or differs from the earlier records of its stratum (`setStratumFpc`).
 */
function checkRecordByRecord(
  rowNumbers: readonly number[],
  cells: { weights: NumberCells | undefined; fpc: NumberCells | undefined; strata: readonly string[] | undefined },
  names: { weights: string | undefined; fpc: string | undefined },
): void {
  const { weights, fpc, strata } = cells;
  if (weights === undefined && fpc === undefined) return;
  const strataFpc = new Map<string, { key: string; fpc: number | undefined }>();
  for (let i = 0; i < rowNumbers.length; i++) {
    const row = rowNumbers[i] as number;
    if (weights?.firstBad?.row === row) badNumber(weights.firstBad, "E_BAD_WEIGHT", names.weights as string);
    if (fpc?.firstBad?.row === row) badNumber(fpc.firstBad, "E_FPC", names.fpc as string);
    if (weights) checkWeight(weights.values[i] as number, row, names.weights);
    if (fpc === undefined) continue;
    const key = strata?.[i] ?? "";
    let stratum = strataFpc.get(key);
    if (stratum === undefined) strataFpc.set(key, (stratum = { key, fpc: undefined }));
    setStratumFpc(stratum, fpc.values[i] as number, row, names.fpc);
  }
}
