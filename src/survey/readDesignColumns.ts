import { parseNumberAnswer, type CalibrationSpec, type DesignSpec, type ReplicatesSpec } from "../codebook";
import { SurveyError } from "../errors";
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
  const { weights, strata, cluster, fpc, calibration, lonelyPsu, replicates } = design;
  if (weights === undefined && strata === undefined && cluster === undefined && typeof fpc !== "string" && calibration === undefined) return undefined;
  const column = (name: string, path = "design"): string[] => {
    const index = table.header.indexOf(name);
    if (index < 0) {
      throw new SurveyError("E_CODEBOOK", `the design names a column the file does not have; columns are: ${table.header.join(", ")}`, {
        column: name,
        path,
      });
    }
    return table.rows.map((row) => (row[index] ?? "").trim());
  };
  const numbers = (name: string, code: DesignNumberCode, path?: string): Float64Array =>
    Float64Array.from(column(name, path), (text, i) => designNumber(text, code, { row: table.rowNumbers[i] as number, column: name }));
  // Every respondent needs a population count for their value of each margin.
  const readCalibration = (spec: CalibrationSpec): CalibrationColumns => ({
    ...spec,
    margins: spec.margins.map((margin, k) => {
      const values = column(margin.column, `design.calibration.margins[${k}].column`);
      values.forEach((value, i) => {
        if (!Object.hasOwn(margin.population, value)) {
          throw new SurveyError("E_BAD_VALUE", `has no population count in design.calibration.margins[${k}]; counts are given for ${Object.keys(margin.population).join(", ")}`, {
            row: table.rowNumbers[i] as number,
            column: margin.column,
            value,
          });
        }
      });
      return { ...margin, values };
    }),
  });
  const readReplicates = ({ columns, ...settings }: ReplicatesSpec): ReplicateColumns => {
    const names = Array.isArray(columns) ? columns : table.header.filter((name) => new RegExp(columns.pattern).test(name));
    if (names.length < 2) {
      throw new SurveyError("E_CODEBOOK", `matches ${names.length} column(s), a replicate design needs at least two; columns are: ${table.header.join(", ")}`, {
        path: "design.replicates.columns.pattern",
        value: (columns as { pattern: string }).pattern,
      });
    }
    if (Array.isArray(settings.rscales) && settings.rscales.length !== names.length) {
      throw new SurveyError("E_CODEBOOK", `has ${settings.rscales.length} entries for ${names.length} replicate columns`, { path: "design.replicates.rscales" });
    }
    return { ...settings, weights: names.map((name) => numbers(name, "E_BAD_WEIGHT", "design.replicates.columns")), names };
  };
  return {
    ...(weights === undefined ? {} : { weights: numbers(weights, "E_BAD_WEIGHT") }),
    ...(replicates === undefined ? {} : { replicates: readReplicates(replicates) }),
    ...(strata === undefined ? {} : { strata: column(strata) }),
    ...(cluster === undefined ? {} : { cluster: column(cluster) }),
    ...(fpc === undefined ? {} : { fpc: typeof fpc === "number" ? fpc : numbers(fpc, "E_FPC") }),
    ...(lonelyPsu === undefined ? {} : { lonelyPsu }),
    ...(calibration === undefined ? {} : { calibration: readCalibration(calibration) }),
    names: {
      ...(weights === undefined ? {} : { weights }),
      ...(strata === undefined ? {} : { strata }),
      ...(cluster === undefined ? {} : { cluster }),
      ...(typeof fpc === "string" ? { fpc } : {}),
    },
  };
}
