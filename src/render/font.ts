import { createRequire } from "node:module";
import { isAbsolute } from "node:path";

/** The font family that PNGs are drawn with: DejaVu Sans, which covers Latin accents and "€", "–", " ". */
export const PNG_FONT_FAMILY = "DejaVu Sans";

const FONT_FILES = ["dejavu-fonts-ttf/ttf/DejaVuSans.ttf", "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"];

/**
 * Paths of the bundled DejaVu Sans files (the `dejavu-fonts-ttf` package), so text renders the
 * same on a fresh machine without system fonts. Resolved from this module's own location:
 * `__filename` in the CommonJS build, `import.meta.url` in the ES module build (and in a worker
 * thread started from source code, whose `__filename` is "[worker eval]").
 */
export function bundledFontFiles(): string[] {
  const here = typeof __filename === "string" && isAbsolute(__filename) ? __filename : import.meta.url;
  const { resolve } = createRequire(here);
  return FONT_FILES.map((file) => resolve(file));
}
