import { argumentError } from "../errors";

/** Options of `renderPng`. */
export interface RenderPngOptions {
  /** Pixels per SVG unit (default 2, sharp enough for print at a column's width). */
  scale?: number;
}

/** The scale of a PNG from `renderPng`'s options: 2 by default, `E_ARGUMENT` outside (0, 10]. */
export function pngScale({ scale = 2 }: RenderPngOptions): number {
  if (!(scale > 0 && scale <= 10)) throw argumentError("scale", "must be a number in (0, 10]", scale);
  return scale;
}
