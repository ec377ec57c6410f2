/**
 * Text measurement with fontkit, cached. The cache is bounded: it is cleared when full, so a long
 * batch never grows memory without limit (a lesson from pdfkit's own unbounded layout caches).
 */
import type { FontFace } from "../fonts/faces.js";
import { type Direction, shapeText } from "../fonts/shaping.js";

/** One pair of documents measures some 900 pieces, every language and situation some 3,300. */
export const MAX_ENTRIES = 20_000;
/** Widths by face, then text: no key string to build for every lookup. Right-to-left pieces apart. */
let widths = new WeakMap<FontFace, Map<string, number>>();
let rtlWidths = new WeakMap<FontFace, Map<string, number>>();
let entries = 0;

/**
 * Han characters, kana and CJK punctuation are set on a fixed em grid without kerning or
 * ligatures, so their width is the sum of their glyphs' advances: no need to shape them.
 */
const FIXED_PITCH = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff01-\uff60]+$/u;

function advanceSum(face: FontFace, text: string): number {
  let sum = 0;
  for (const char of text) sum += face.font.glyphForCodePoint(char.codePointAt(0)!).advanceWidth;
  return sum;
}

/** Widths in the cache now (for the test that fills every cache to its cap). */
export function widthCacheSize(): number {
  return entries;
}

/** Advance width of `text` drawn in `face` at 1 pt, set in `direction` (see fonts/shaping.ts). */
export function unitWidth(face: FontFace, text: string, direction: Direction = "ltr"): number {
  const table = direction === "rtl" ? rtlWidths : widths;
  let known = table.get(face);
  if (!known) table.set(face, (known = new Map()));
  let width = known.get(text);
  if (width === undefined) {
    width =
      (FIXED_PITCH.test(text) ? advanceSum(face, text) : shapeText(face.font, text, direction).advanceWidth) /
      face.font.unitsPerEm;
    if (++entries > MAX_ENTRIES) {
      widths = new WeakMap();
      rtlWidths = new WeakMap();
      (direction === "rtl" ? rtlWidths : widths).set(face, (known = new Map()));
      entries = 1;
    }
    known.set(text, width);
  }
  return width;
}

/**
 * How far, at 1 pt, the ink of a right-to-left piece's first glyph reaches left of the piece's
 * start: a vowel under a word's last letter is drawn first, moved by the font, and can hang out of
 * the word's advances (DejaVu Sans's kasra under a final meem, over the text before it). The
 * layout leaves that room before the piece. The ink, not the mark's origin: a Hebrew point whose
 * origin lies left of the word but whose ink is under its letter needs no room (a gap was seen).
 */
export function leadingOverhang(face: FontFace, text: string): number {
  const run = shapeText(face.font, text, "rtl");
  const [glyph, position] = [run.glyphs[0], run.positions[0]];
  if (!glyph || !position || position.xOffset >= 0) return 0;
  const inkLeft = position.xOffset + glyph.bbox.minX;
  return inkLeft < 0 ? -inkLeft / face.font.unitsPerEm : 0;
}

/**
 * Width of a run as pdfkit draws it: pdfkit shapes a run piece by piece, each piece ending after
 * a space or tab, and sets the pieces one after the other. Summing the same pieces puts the next
 * run exactly where pdfkit's glyphs end, and reuses widths the line breaker has already measured
 * (its segments are mostly these very pieces) instead of shaping every line's text once more.
 */
export function drawnWidth(face: FontFace, text: string, direction: Direction = "ltr"): number {
  let width = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === " " || text[i] === "\t") {
      width += unitWidth(face, text.slice(start, i + 1), direction);
      start = i + 1;
    }
  }
  if (start < text.length) width += unitWidth(face, text.slice(start), direction);
  return width;
}
