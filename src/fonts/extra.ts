/**
 * The user's extra fonts, read and parsed: files given with the fonts option, then those in fonts/.
 * A file that cannot be used is reported at once (FontError), before any work is done.
 */
import { type FontFace, loadFace } from "./faces.js";
import { extraFontFiles } from "./font-files.js";

export { parseFontSpec } from "./font-files.js";

export function loadExtraFaces(specs: readonly string[], fontsDir: string): FontFace[] {
  return extraFontFiles(specs, fontsDir).map(({ file, faceName }) => loadFace(file, faceName, true));
}
