import type { RecordBatch } from "../../load/stream/CsvRecordScanner";
import { decodeField } from "../../load/stream/decodeField";
import { duplicateIdIssue } from "../../survey/duplicateIdIssue";
import type { IssueLog } from "../../survey/IssueLog";

/**
 * The respondent ids of a stream of records, as the in-memory path checks them: a record whose
 * trimmed id repeats an earlier record's is reported (`E_DUPLICATE_ID`) and left out of every
 * question; empty ids are not compared. Each id seen is kept with its row, so this is the one
 * part of the stream whose memory grows with the respondents (when `respondentId` is set, and
 * only then); a file with a respondent id is therefore read on one thread, so that every id is
 * compared with every earlier one.
 */
export class RespondentIds {
  /** Trimmed id → spreadsheet row of its first record. */
  private readonly firstRow = new Map<string, number>();

  constructor(
    private readonly column: string,
    /** The id column's place among the kept fields (`ColumnPlaces`). */
    private readonly place: number,
    private readonly decoder: TextDecoder,
    private readonly issues: IssueLog,
  ) {}

  /** Whether batch record `row` repeats an earlier id (reported when it does). */
  repeated(bytes: Uint8Array, batch: RecordBatch, row: number): boolean {
    const at = 2 * (this.place * batch.capacity + row);
    const id = decodeField(bytes, batch.bounds[at] as number, batch.bounds[at + 1] as number, this.decoder).trim();
    if (id === "") return false;
    const spreadsheetRow = (batch.linesBefore[row] as number) + 1;
    const first = this.firstRow.get(id);
    if (first === undefined) {
      this.firstRow.set(id, spreadsheetRow);
      return false;
    }
    this.issues.push(duplicateIdIssue(spreadsheetRow, this.column, id, first));
    return true;
  }
}
