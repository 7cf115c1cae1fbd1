import { calibratedRaoScottTest, raoScottTest, replicateRaoScottTest, type RaoScottResult } from "../stats/design";
import type { DesignColumns } from "../survey";
import { calibrationFor } from "./calibrationOf";
import { replicateDesignOf } from "./replicateDesignOf";

/** The two questions' categories per respondent (null: no answer) and the levels the table keeps. */
export interface DesignTable {
  rows: (string | null)[];
  cols: (string | null)[];
  rowLevels: string[];
  colLevels: string[];
  statistic: "F" | "Chisq";
}

/**
 * R `svychisq` on whatever the design is: the linearised Rao–Scott test of weights, strata and
 * (multistage) clusters; on a calibrated design the calibration's residuals
 * (`calibratedRaoScottTest`); on replicate weights their covariance (`replicateRaoScottTest`).
 */
export function designRaoScott(design: DesignColumns, respondents: number, table: DesignTable): RaoScottResult {
  const replicate = replicateDesignOf(design);
  if (replicate) return replicateRaoScottTest({ ...table, design: replicate });
  const calibration = calibrationFor(design, respondents);
  const { weights: _, calibration: __, ...sampling } = design;
  if (calibration) return calibratedRaoScottTest({ ...sampling, ...table, calibration });
  return raoScottTest({ ...design, ...table });
}
