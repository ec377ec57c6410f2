/**
 * A speed-up for fontkit's TrueType subsetter, which pdfkit runs once per document per font.
 *
 * For every glyph it copies, fontkit 2.0's `TTFSubset._addGlyph` decodes the glyph's whole outline
 * (`glyph._decode()`, every point of every contour) only to learn whether the glyph is a composite,
 * whose component glyphs must be copied too. CJK glyphs have many points, so this decoding was a
 * sixth of the time of a document pair. The glyph header's first field (numberOfContours, negative
 * for a composite) says the same; this patch reads it and lets fontkit decode only composites and
 * variable fonts, whose outlines it really needs. The bytes fontkit writes are unchanged.
 */
import type * as fontkit from "fontkit";
import { ensureGlyphBytes } from "../fonts/glyph-reads.js";

interface SubsetInternals {
  font: FontInternals;
  _addGlyph(gid: number): number;
}
interface FontInternals {
  loca: { offsets: number[] };
  _variationProcessor?: unknown;
  _getTableStream(tag: string): { pos: number; readInt16BE(): number };
  getGlyph(gid: number): GlyphInternals;
}
interface GlyphInternals {
  _decode?: () => unknown;
  _getMetrics(): unknown;
}

const patched = new WeakSet<object>();
const seenFonts = new WeakSet<object>();

/** numberOfContours from the glyph's header, or null for an empty glyph (no outline at all). */
function contourCount(font: FontInternals, gid: number): number | null {
  const start = font.loca.offsets[gid];
  const end = font.loca.offsets[gid + 1];
  if (start === undefined || end === undefined || end <= start) return null;
  const stream = font._getTableStream("glyf");
  stream.pos += start;
  return stream.readInt16BE();
}

/** Patches the subsetter class of this (TrueType) font, once per fontkit copy. */
export function speedUpSubsetting(font: fontkit.Font): void {
  if (seenFonts.has(font)) return;
  seenFonts.add(font);
  // Only TrueType outlines (a glyf table); CFF fonts have another subsetter.
  if (!(font as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables["glyf"]) return;
  const subset = (font as unknown as { createSubset(): object }).createSubset();
  const proto = Object.getPrototypeOf(subset) as SubsetInternals;
  if (patched.has(proto) || typeof proto._addGlyph !== "function") return;
  patched.add(proto);
  const addGlyph = proto._addGlyph;
  proto._addGlyph = function (this: SubsetInternals, gid: number): number {
    // The glyph's bytes are read below without fontkit's readers: a font read on demand needs them first.
    ensureGlyphBytes(this.font, gid);
    const contours = this.font._variationProcessor ? -1 : contourCount(this.font, gid);
    if (contours !== null && contours < 0) return addGlyph.call(this, gid);
    const glyph = this.font.getGlyph(gid);
    // Metrics first: fontkit may derive them from the outline, which must then be the real one.
    glyph._getMetrics();
    const header = contours === null ? null : { numberOfContours: contours };
    // An own property shadows the prototype's decoder for this one call only.
    glyph._decode = () => header;
    try {
      return addGlyph.call(this, gid);
    } finally {
      delete glyph._decode;
    }
  };
}
