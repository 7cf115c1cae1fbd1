/**
 * Whether bytes begin with the UTF-8 byte order mark (EF BB BF), which Excel's "CSV UTF-8" export
 * writes. A BOM says UTF-8 whatever encoding was asked for (`chooseEncoding`).
 */
export function startsWithUtf8Bom(bytes: ArrayLike<number>): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
