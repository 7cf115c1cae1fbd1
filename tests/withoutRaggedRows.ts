import { parseCsv } from "../src/load";

/**
 * A CSV less its ragged records (CRLF line ends), for comparing designs between the reading
 * paths: the in-memory path keeps a ragged record's design cells in the design while the stream
 * skips the record (docs/architecture.md), which changes the variance whether or not the sample is split.
 */
export function withoutRaggedRows(csv: string): string {
  const { header, rows } = parseCsv(csv);
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return [header, ...rows.filter((row) => row.length === header.length)].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}
