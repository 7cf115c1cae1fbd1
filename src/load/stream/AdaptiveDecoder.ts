import { encodingFromEvidence, type Encoding } from "../decodeBytes";
import { binaryFileError } from "../rejectBinary";
import { startsWithUtf8Bom } from "../startsWithUtf8Bom";
import { Utf8Evidence } from "../Utf8Evidence";
import { textDecoderFor } from "./textDecoderFor";

/**
 * The decoder of a file read once, chunk by chunk, whose encoding `chooseEncoding`'s rule decides
 * from all its bytes — without a second pass. Each chunk's evidence (`Utf8Evidence`, a NUL byte
 * among it) is taken by `observe` before the chunk is decoded. It decodes as UTF-8 until the first byte
 * that cannot be UTF-8; if no valid multi-byte UTF-8 character came before (or in that chunk),
 * every byte before it was ASCII, which both encodings read alike, and it decodes as Windows-1252
 * from there on. `end` closes the evidence before the last record is decoded; `finish` then gives the rule's answer on the whole file: UTF-8, Windows-1252 (what
 * was decoded), or the `E_ENCODING` of a file that mixes the two; `E_BINARY_FILE` before either.
 */
export class AdaptiveDecoder implements TextDecoder {
  readonly fatal = false;
  readonly ignoreBOM = false;
  private current: TextDecoder;
  private readonly evidence = new Utf8Evidence();
  private readonly head: number[] = [];

  constructor(private readonly asked?: Encoding) {
    this.current = textDecoderFor(asked === "windows-1252" ? "windows-1252" : "utf-8");
  }

  get encoding(): string {
    return this.current.encoding;
  }

  decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
    return this.current.decode(input, options);
  }

  /** Takes the evidence of the next chunk, before any of it is decoded. */
  observe(chunk: Uint8Array): void {
    for (let i = 0; this.head.length < 3 && i < chunk.length; i++) this.head.push(chunk[i] as number);
    this.evidence.push(chunk);
    this.decide();
  }

  /** Ends the bytes (a multi-byte character cut off by the end is not UTF-8), before the last record is decoded. */
  end(): void {
    this.evidence.finish();
    this.decide();
  }

  private decide(): void {
    if (this.decidedByAsking()) return;
    if (this.current.encoding === "utf-8" && this.asked !== "utf-8" && this.evidence.firstInvalid >= 0 && this.evidence.multibyte === 0) {
      this.current = textDecoderFor("windows-1252");
    } else if (this.asked === "windows-1252" && this.current.encoding !== "utf-8") {
      // A BOM says UTF-8 whatever was asked (`chooseEncoding`).
      this.current = textDecoderFor("utf-8");
    }
  }

  /** Whether the file's bytes make it an `E_ENCODING` (after `end`). */
  get mixed(): boolean {
    return !this.decidedByAsking() && this.evidence.firstInvalid >= 0 && (this.asked === "utf-8" || this.evidence.multibyte > 0);
  }

  /** Offset of the first byte that is not UTF-8, or -1. */
  get firstInvalid(): number {
    return this.evidence.firstInvalid;
  }

  /**
   * The file's encoding, from all its bytes: a NUL byte is `E_BINARY_FILE` (as `rejectBinary`), a
   * file mixing encodings `E_ENCODING` naming the first bad byte and, when given, its row.
   */
  finish(row?: number): Encoding {
    if (this.evidence.firstNul >= 0) throw binaryFileError(this.evidence.firstNul);
    if (this.decidedByAsking()) return "windows-1252";
    return encodingFromEvidence(this.evidence, this.asked, row === undefined ? undefined : () => row);
  }

  /** Windows-1252 asked for, and no UTF-8 BOM. */
  private decidedByAsking(): boolean {
    return this.asked === "windows-1252" && !startsWithUtf8Bom(this.head);
  }
}
