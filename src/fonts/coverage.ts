/**
 * The glyph coverage check run before anything is drawn: a character no face can draw is an
 * error naming the character, its code point and where it came from, never a .notdef box.
 */
import { formatCodePoint } from "../show.js";
import type { FontFace } from "./faces.js";
import { faceFor, needsNoGlyph } from "./chain.js";

export interface MissingGlyph {
  char: string;
  /** "U+20BB7" */
  codePoint: string;
  /** Where the text came from: a details field ("name") or a template. */
  source: string;
}

/** Every distinct (character, source) pair that no face in `faces` covers. */
export function findMissingGlyphs(
  texts: readonly { source: string; text: string }[],
  faces: readonly FontFace[],
): MissingGlyph[] {
  const missing: MissingGlyph[] = [];
  const seen = new Set<string>();
  for (const { source, text } of texts) {
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      if (needsNoGlyph(codePoint) || faceFor(codePoint, faces)) continue;
      const key = `${source}\u0000${char}`;
      if (seen.has(key)) continue;
      seen.add(key);
      missing.push({ char, codePoint: formatCodePoint(codePoint), source });
    }
  }
  return missing;
}
