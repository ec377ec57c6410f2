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

/**
 * Texts every character of which some face draws, per list of faces: a batch's documents, and a
 * server's, check the same template texts again and again. Bounded, cleared when full.
 */
const coveredTexts = new Map<string, Set<string>>();
let coveredCount = 0;
export const MAX_COVERED_TEXTS = 2_000;

/** Texts remembered now (for the test that fills every cache to its cap). */
export function coveredTextsSize(): number {
  return coveredCount;
}

/** Every distinct (character, source) pair that no face in `faces` covers. */
export function findMissingGlyphs(
  texts: readonly { source: string; text: string }[],
  faces: readonly FontFace[],
): MissingGlyph[] {
  const facesKey = faces.map((face) => face.name).join("\u0000");
  let covered = coveredTexts.get(facesKey);
  if (!covered) coveredTexts.set(facesKey, (covered = new Set()));
  const missing: MissingGlyph[] = [];
  const seen = new Set<string>();
  for (const { source, text } of texts) {
    if (covered.has(text)) continue;
    let complete = true;
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      if (needsNoGlyph(codePoint) || faceFor(codePoint, faces)) continue;
      complete = false;
      const key = `${source}\u0000${char}`;
      if (seen.has(key)) continue;
      seen.add(key);
      missing.push({ char, codePoint: formatCodePoint(codePoint), source });
    }
    if (complete) {
      if (++coveredCount > MAX_COVERED_TEXTS) {
        coveredTexts.clear();
        coveredTexts.set(facesKey, (covered = new Set()));
        coveredCount = 1;
      }
      covered.add(text);
    }
  }
  return missing;
}
