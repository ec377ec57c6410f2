/**
 * Font fallback chains: which faces may draw a piece of text, in order of preference.
 * Pure functions over code points (for..of walks code points, so characters beyond U+FFFF
 * such as U+20BB7 are looked up whole, never as two surrogates).
 */
import { familiesFor } from "./bundled.js";
import { type FontFace, loadBundledFace } from "./faces.js";

export interface FontChain {
  regular: FontFace[];
  bold: FontFace[];
}

/**
 * The chain for a language: the bundled family that fits the language's script first (see
 * familiesFor), then the other bundled family, then the user's extra faces (the fonts option, then
 * `fonts/`), then faces found on the computer for characters none of those has. Extra faces serve
 * bold text too (faces from the computer as well): a missing rare character printed regular beats
 * a missing character.
 */
export function buildFontChain(
  lang: string,
  extraFaces: readonly FontFace[] = [],
  systemFaces: readonly { face: FontFace }[] = [],
): FontChain {
  const [first, second] = familiesFor(lang);
  return {
    regular: [
      loadBundledFace(first, "regular"),
      loadBundledFace(second, "regular"),
      ...extraFaces,
      ...systemFaces.map((f) => f.face),
    ],
    bold: [
      loadBundledFace(first, "bold"),
      loadBundledFace(second, "bold"),
      ...extraFaces,
      ...systemFaces.map((f) => f.face),
    ],
  };
}

/** Characters that need no glyph: the layout turns them into space or line breaks. */
export function needsNoGlyph(codePoint: number): boolean {
  return codePoint === 0x0a || codePoint === 0x20 || codePoint === 0xa0;
}

/** Glyph coverage per face, remembered: fontkit's cmap lookup is slow enough to show in profiles. */
const coverage = new WeakMap<FontFace, Map<number, boolean>>();

export function hasGlyph(face: FontFace, codePoint: number): boolean {
  let known = coverage.get(face);
  if (!known) coverage.set(face, (known = new Map()));
  let has = known.get(codePoint);
  if (has === undefined) known.set(codePoint, (has = face.font.hasGlyphForCodePoint(codePoint)));
  return has;
}

/** The first face of the chain that has a glyph for the code point, or undefined. */
export function faceFor(codePoint: number, faces: readonly FontFace[]): FontFace | undefined {
  return faces.find((face) => hasGlyph(face, codePoint));
}

/** Splits text into maximal runs drawn with one face each; `face` is undefined where no face has the glyph. */
export function splitByFace(text: string, faces: readonly FontFace[]): { text: string; face: FontFace | undefined }[] {
  const runs: { text: string; face: FontFace | undefined }[] = [];
  const primary = faces[0];
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    // Spaces stay with the run they are in, so a fallback face never breaks a line's spacing.
    const face = needsNoGlyph(codePoint) ? (runs.at(-1)?.face ?? primary) : faceFor(codePoint, faces);
    const last = runs.at(-1);
    if (last && last.face === face) last.text += char;
    else runs.push({ text: char, face });
  }
  return runs;
}
