/**
 * What a file's bytes say about their encoding, gathered chunk by chunk (so the stream and the
 * in-memory path see the same evidence): where the first byte that cannot be UTF-8 is, and how
 * many valid multi-byte UTF-8 characters there are (a BOM counts as one), and where the first NUL
 * byte is (which no text holds: `E_BINARY_FILE`, before any encoding). Validation follows the
 * WHATWG UTF-8 decoder, so "invalid" here is exactly what a fatal `TextDecoder` refuses.
 */
export class Utf8Evidence {
  /** Offset of the first byte of the first invalid sequence, or -1. */
  firstInvalid = -1;
  /** The byte there. */
  invalidByte = 0;
  /** Valid multi-byte characters seen, anywhere in the bytes. */
  multibyte = 0;
  /** Offset of the first NUL byte, or -1. */
  firstNul = -1;
  private offset: number;
  private needed = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private sequenceStart = 0;
  private sequenceByte = 0;

  /** `startOffset`: the offset of the first byte pushed, for a part of a file. */
  constructor(startOffset = 0) {
    this.offset = startOffset;
  }

  /**
   * Reads the next bytes of the file (a UTF-8 sequence may continue from the previous push).
   *
   * @param bytes - The next bytes.
   */
  push(bytes: Uint8Array): void {
    const length = bytes.length;
    if (this.firstNul < 0) {
      const at = bytes.indexOf(0);
      if (at >= 0) this.firstNul = this.offset + at;
    }
    let i = 0;
    while (i < length) {
      const byte = bytes[i] as number;
      if (this.needed === 0) {
        if (byte < 0x80) {
          i++;
          continue;
        }
        this.sequenceStart = this.offset + i;
        this.sequenceByte = byte;
        if (byte >= 0xc2 && byte <= 0xdf) this.needed = 1;
        else if (byte >= 0xe0 && byte <= 0xef) {
          if (byte === 0xe0) this.lower = 0xa0;
          if (byte === 0xed) this.upper = 0x9f;
          this.needed = 2;
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          if (byte === 0xf0) this.lower = 0x90;
          if (byte === 0xf4) this.upper = 0x8f;
          this.needed = 3;
        } else this.invalid();
        i++;
        continue;
      }
      if (byte < this.lower || byte > this.upper) {
        // The sequence breaks off here; this byte starts afresh (as the WHATWG decoder does).
        this.invalid();
        continue;
      }
      this.lower = 0x80;
      this.upper = 0xbf;
      this.needed -= 1;
      if (this.needed === 0) this.multibyte += 1;
      i++;
    }
    this.offset += length;
  }

  /** Ends the bytes: a multi-byte character cut off by the end is invalid. */
  finish(): this {
    if (this.needed > 0) this.invalid();
    return this;
  }

  /** Adds the evidence of the next part of the same file. */
  join(next: Pick<Utf8Evidence, "firstInvalid" | "invalidByte" | "multibyte" | "firstNul">): void {
    if (this.firstNul < 0) this.firstNul = next.firstNul;
    if (this.firstInvalid < 0 && next.firstInvalid >= 0) {
      this.firstInvalid = next.firstInvalid;
      this.invalidByte = next.invalidByte;
    }
    this.multibyte += next.multibyte;
  }

  private invalid(): void {
    if (this.firstInvalid < 0) {
      this.firstInvalid = this.sequenceStart;
      this.invalidByte = this.sequenceByte;
    }
    this.needed = 0;
    this.lower = 0x80;
    this.upper = 0xbf;
  }
}
