import type { DesignSpec } from "../codebook";
import { SurveyError } from "../errors";
import type { CsvTable } from "../load";

/** The design variables of every respondent, read from the columns the design names. */
export interface DesignColumns {
  weights?: Float64Array;
  strata?: string[];
  cluster?: string[];
  /** Population size per row (an fpc column), or one number for the whole design. */
  fpc?: Float64Array | number;
  /** The column names, for error messages of the design computations. */
  names: { weights?: string; strata?: string; cluster?: string; fpc?: string };
}

/**
 * Reads the weight, stratum, cluster and fpc columns a design names (as R `svydesign(weights =,
 * strata =, ids =, fpc =)` reads them). Returns undefined for a simple random sample (no design
 * column). A weight or fpc that is not a number is an error naming its row, column and value:
 * a design needs every respondent's weight, so it cannot be left out like a bad answer.
 */
export function readDesignColumns(table: CsvTable, design: DesignSpec): DesignColumns | undefined {
  const { weights, strata, cluster, fpc } = design;
  if (weights === undefined && strata === undefined && cluster === undefined && typeof fpc !== "string") return undefined;
  const column = (name: string): string[] => {
    const index = table.header.indexOf(name);
    if (index < 0) {
      throw new SurveyError("E_CODEBOOK", `the design names a column the file does not have; columns are: ${table.header.join(", ")}`, {
        column: name,
        path: "design",
      });
    }
    return table.rows.map((row) => (row[index] ?? "").trim());
  };
  const numbers = (name: string, code: "E_BAD_WEIGHT" | "E_FPC"): Float64Array =>
    Float64Array.from(column(name), (text, i) => {
      const value = Number(text.replace(",", "."));
      if (text === "" || !Number.isFinite(value)) {
        throw new SurveyError(code, "must be a number for every respondent", { row: table.rowNumbers[i] as number, column: name, value: text });
      }
      return value;
    });
  return {
    ...(weights === undefined ? {} : { weights: numbers(weights, "E_BAD_WEIGHT") }),
    ...(strata === undefined ? {} : { strata: column(strata) }),
    ...(cluster === undefined ? {} : { cluster: column(cluster) }),
    ...(fpc === undefined ? {} : { fpc: typeof fpc === "number" ? fpc : numbers(fpc, "E_FPC") }),
    names: {
      ...(weights === undefined ? {} : { weights }),
      ...(strata === undefined ? {} : { strata }),
      ...(cluster === undefined ? {} : { cluster }),
      ...(typeof fpc === "string" ? { fpc } : {}),
    },
  };
}
