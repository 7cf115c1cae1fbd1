const QUOTE = 34;

/**
 * The text of one raw CSV field (as `CsvRecordScanner` delimits it): decoded with `decoder`,
 * with the surrounding quotes of a quoted field removed and its `""` escapes undone.
 */
export function decodeField(bytes: Uint8Array, start: number, end: number, decoder: TextDecoder): string {
  if (end - start >= 2 && bytes[start] === QUOTE && bytes[end - 1] === QUOTE) {
    return decoder.decode(bytes.subarray(start + 1, end - 1)).replaceAll('""', '"');
  }
  return decoder.decode(bytes.subarray(start, end));
}
