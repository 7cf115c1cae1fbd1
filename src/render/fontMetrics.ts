import { readFileSync } from "node:fs";

/** Advance widths of a TrueType font, enough to measure a line of text without a canvas. */
export interface FontMetrics {
  /** Width of `text` at `fontSize` pixels, from the glyphs' advance widths (no kerning). */
  width(text: string, fontSize: number): number;
}

/**
 * Reads the advance widths of a TrueType file: its `cmap` (format 4, the Unicode BMP subtable)
 * maps characters to glyphs, `hmtx` gives each glyph's advance, `head` the units per em
 * (Apple TrueType Reference Manual; OpenType spec, tables cmap/head/hhea/hmtx).
 */
export function readFontMetrics(path: string): FontMetrics {
  const bytes = readFileSync(path);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableOffsets(view);
  const unitsPerEm = view.getUint16(tables.head + 18);
  const metricCount = view.getUint16(tables.hhea + 34);
  const advanceOf = (glyph: number) => view.getUint16(tables.hmtx + 4 * Math.min(glyph, metricCount - 1));
  const glyphOf = unicodeGlyphLookup(view, tables.cmap);
  const cache = new Map<number, number>();
  const advance = (codePoint: number) => {
    let units = cache.get(codePoint);
    if (units === undefined) {
      units = advanceOf(glyphOf(codePoint));
      cache.set(codePoint, units);
    }
    return units;
  };
  return {
    width(text, fontSize) {
      let units = 0;
      for (const character of text) units += advance(character.codePointAt(0)!);
      return (units / unitsPerEm) * fontSize;
    },
  };
}

function tableOffsets(view: DataView): Record<"cmap" | "head" | "hhea" | "hmtx", number> {
  const count = view.getUint16(4);
  const offsets: Record<string, number> = {};
  for (let index = 0; index < count; index++) {
    const record = 12 + 16 * index;
    const tag = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3));
    offsets[tag] = view.getUint32(record + 8);
  }
  for (const tag of ["cmap", "head", "hhea", "hmtx"]) if (offsets[tag] === undefined) throw new Error(`font has no ${tag} table`);
  return offsets as Record<"cmap" | "head" | "hhea" | "hmtx", number>;
}

/** The glyph lookup of the cmap's Windows Unicode BMP subtable (platform 3, encoding 1, format 4); glyph 0 when missing. */
function unicodeGlyphLookup(view: DataView, cmap: number): (codePoint: number) => number {
  const subtableCount = view.getUint16(cmap + 2);
  for (let index = 0; index < subtableCount; index++) {
    const record = cmap + 4 + 8 * index;
    const subtable = cmap + view.getUint32(record + 4);
    if (view.getUint16(record) === 3 && view.getUint16(record + 2) === 1 && view.getUint16(subtable) === 4) {
      return format4Lookup(view, subtable);
    }
  }
  throw new Error("font has no Unicode BMP cmap subtable");
}

function format4Lookup(view: DataView, subtable: number): (codePoint: number) => number {
  const segments = view.getUint16(subtable + 6) / 2;
  const endCodes = subtable + 14;
  const startCodes = endCodes + 2 * segments + 2;
  const deltas = startCodes + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (codePoint) => {
    if (codePoint > 0xffff) return 0;
    for (let segment = 0; segment < segments; segment++) {
      if (codePoint > view.getUint16(endCodes + 2 * segment)) continue;
      const start = view.getUint16(startCodes + 2 * segment);
      if (codePoint < start) return 0;
      const delta = view.getInt16(deltas + 2 * segment);
      const rangeOffsetAddress = rangeOffsets + 2 * segment;
      const rangeOffset = view.getUint16(rangeOffsetAddress);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsetAddress + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
