import type { DesignSpec } from "../../codebook";
import { SurveyError } from "../../errors";
import type { RecordBatch } from "../../load/stream/CsvRecordScanner";
import { decodeField } from "../../load/stream/decodeField";
import { designNumber } from "../../survey/readDesignColumns";
import type { DesignColumnNames } from "../designTally";

/**
 * Reads the design columns (weights, strata, cluster, fpc) of streamed records, one batch at a
 * time, as `readDesignColumns` reads them in memory: cells trimmed, numbers by `designNumber`.
 */
export class DesignReader {
  readonly names: DesignColumnNames;
  readonly weights: Float64Array | undefined;
  readonly strata: string[] | undefined;
  readonly cluster: string[] | undefined;
  readonly fpc: Float64Array | number | undefined;
  private readonly fields: { weights?: number; strata?: number; cluster?: number; fpc?: number };

  constructor(design: DesignSpec, columnIndex: ReadonlyMap<string, number>, batchSize: number) {
    const field = (name: string): number => {
      const index = columnIndex.get(name);
      if (index === undefined) {
        throw new SurveyError("E_CODEBOOK", `the design names a column the file does not have; columns are: ${[...columnIndex.keys()].join(", ")}`, {
          column: name,
          path: "design",
        });
      }
      return index;
    };
    const { weights, strata, cluster, fpc } = design;
    this.fields = {
      ...(weights === undefined ? {} : { weights: field(weights) }),
      ...(strata === undefined ? {} : { strata: field(strata) }),
      ...(cluster === undefined ? {} : { cluster: field(cluster) }),
      ...(typeof fpc === "string" ? { fpc: field(fpc) } : {}),
    };
    this.names = {
      ...(weights === undefined ? {} : { weights }),
      ...(strata === undefined ? {} : { strata }),
      ...(cluster === undefined ? {} : { cluster }),
      ...(typeof fpc === "string" ? { fpc } : {}),
    };
    this.weights = weights === undefined ? undefined : new Float64Array(batchSize);
    this.strata = strata === undefined ? undefined : new Array<string>(batchSize);
    this.cluster = cluster === undefined ? undefined : new Array<string>(batchSize);
    this.fpc = typeof fpc === "number" ? fpc : fpc === undefined ? undefined : new Float64Array(batchSize);
  }

  /** Reads the design cells of the batch's records `rows` (row indexes into the batch) into slots 0, 1, …. */
  readBatch(bytes: Uint8Array, batch: RecordBatch, rows: readonly number[], decoder: TextDecoder): void {
    const cell = (field: number, row: number): string => {
      const at = 2 * (field * batch.capacity + row);
      return decodeField(bytes, batch.bounds[at] as number, batch.bounds[at + 1] as number, decoder).trim();
    };
    const number = (field: number, row: number, column: string, code: "E_BAD_WEIGHT" | "E_FPC"): number =>
      designNumber(cell(field, row), code, { row: (batch.linesBefore[row] as number) + 1, column });
    const { fields, names } = this;
    rows.forEach((row, slot) => {
      if (this.weights) this.weights[slot] = number(fields.weights as number, row, names.weights as string, "E_BAD_WEIGHT");
      if (this.strata) this.strata[slot] = cell(fields.strata as number, row);
      if (this.cluster) this.cluster[slot] = cell(fields.cluster as number, row);
      if (this.fpc instanceof Float64Array) this.fpc[slot] = number(fields.fpc as number, row, names.fpc as string, "E_FPC");
    });
  }
}
