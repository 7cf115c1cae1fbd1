const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * A likely record start at or after `from` in a window of a CSV file, for splitting the file
 * between workers: the byte after the first line break that quote parity says lies outside a
 * quoted field. From an arbitrary offset parity cannot be known for sure, so the next quote
 * decides: a quote right after a delimiter or line break opens a field (the line break was
 * outside quotes); a quote before a delimiter or line break closes one (it was inside, so look
 * past that quote). Callers must still verify the split — the part before it must end outside
 * quotes — and fall back to one worker when it does not. Returns -1 when the window has no
 * line break after `from`.
 */
export function findRecordStart(bytes: Uint8Array, from: number, delimiter: number): number {
  let lineBreak = bytes.indexOf(LF, from);
  while (lineBreak >= 0) {
    const quote = bytes.indexOf(QUOTE, lineBreak + 1);
    if (quote < 0) return lineBreak + 1;
    const before = bytes[quote - 1];
    const after = bytes[quote + 1];
    const opens = before === delimiter || before === LF;
    const closes = after === undefined || after === delimiter || after === LF || after === CR;
    if (opens || !closes) return lineBreak + 1;
    lineBreak = bytes.indexOf(LF, quote + 1);
  }
  return -1;
}
