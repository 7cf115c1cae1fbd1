/**
 * Bytes 0x80–0x9F of Windows-1252 (WHATWG index-windows-1252): € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ.
 * Node ≥ 20.18.3 decodes them as Latin-1 control characters (nodejs/node#60888), so the
 * apostrophe ’ and € of French Excel files are mapped here.
 */
const C1_AS_WINDOWS_1252 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * A Windows-1252 `TextDecoder` that gives the WHATWG characters for 0x80–0x9F on every Node
 * version. One byte is one character, so chunks may be decoded one by one (`{ stream: true }`).
 */
export class Windows1252Decoder extends TextDecoder {
  constructor() {
    super("windows-1252");
  }

  override decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
    return super.decode(input, options).replace(/[\u0080-\u009f]/g, (c) => C1_AS_WINDOWS_1252[c.charCodeAt(0) - 0x80] as string);
  }
}
