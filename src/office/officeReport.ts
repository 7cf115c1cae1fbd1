import type { TopLevelSpec } from "vega-lite";
import type { FormatOptions } from "../report";
import type { CalibrationResult } from "../stats/design";
import type { ValidationReport } from "../survey";
import type { Estimate } from "../types";

/** One part of a report: a heading, its chart (a Vega-Lite spec from `svyprop`'s charts) and the rows it shows. */
export interface OfficeSection {
  /** The section's heading (a sheet name, a PDF heading, a slide title). */
  heading: string;
  /** Drawn as vectors in a PDF and as a PNG on a slide; the workbook keeps the numbers only. */
  chart?: TopLevelSpec;
  /** The estimates its table shows. */
  rows: readonly Estimate[];
}

/** What a workbook, a PDF or a slide deck is made of: the same content as the HTML report. */
export interface OfficeReport {
  /** The document's title. */
  title: string;
  /** The data's citation: printed under the title and in each table's note ("Source: …"). */
  source?: string;
  /** The sections, in order. */
  sections: readonly OfficeSection[];
  /** The loading report (rows read, used, left out and why): the workbook's "Notes" sheet and the PDF's last section. */
  validation?: ValidationReport;
  /** The weights' calibration, summarised in the notes when the design is calibrated. */
  calibration?: CalibrationResult;
}

/** How every office document is written: numbers and words of `locale`, and one date for every timestamp. */
export interface OfficeOptions extends FormatOptions {
  /**
   * The document's creation date, written wherever the format records one (document properties,
   * zip entries), so the same input and date give the same bytes. Default: now.
   */
  created?: Date;
}
