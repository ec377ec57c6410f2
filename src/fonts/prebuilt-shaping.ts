/**
 * Pieces of text already shaped by fontkit at build time, by font file (see shaping.ts). Empty
 * here: the command line's bundle (scripts/bundle.mjs) replaces this module with the pieces the
 * bundled pack's documents draw, in every language, plan and channel, shaped in the bundled fonts.
 */

/**
 * A piece's glyphs and positions, in font units, in as little as tells them apart from the font's
 * plain mapping (one glyph per character, from the character map, at its own advance):
 *  - `dx`: each glyph's advance minus the glyph's own (kerning); absent when all are 0;
 *  - `ids`, `codePoints`: the glyphs and what each stands for, when they are not the characters'
 *    own glyphs one by one (a ligature, a contextual form); `offsets`: a glyph moved off its advance.
 */
export interface PrebuiltRun {
  readonly dx?: readonly number[];
  readonly ids?: readonly number[];
  readonly codePoints?: readonly (readonly number[])[];
  readonly offsets?: readonly (readonly [number, number] | null)[];
}

/**
 * Font key (shaping.ts's fontKey) -> the file (in dist/fonts/, beside the bundle's modules) of its
 * runs, the JSON of [text, run] pairs: read only for a font a document uses (a Chinese checklist's
 * traditional font, say, never is), and kept out of the bundle, whose code cache every start reads.
 */
export const PREBUILT_SHAPING: ReadonlyMap<string, string> = new Map();
