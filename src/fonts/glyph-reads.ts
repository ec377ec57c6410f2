/**
 * The hook between fonts read on demand (on-demand.ts) and fontkit. fontkit reads a TrueType
 * glyph's bytes in two methods of its glyph class: `_decode` (the outline, for drawing and
 * subsetting) and `_getCBox` (the header, for metrics); our subsetting speed-up reads headers and
 * copies outlines itself (render/subset-speedup.ts, through ensureGlyphBytes). Patched once, the
 * two methods first make the glyph's bytes present when its font is read on demand; for any other
 * font they do what they did.
 */
import type * as fontkit from "fontkit";
import { ensureGlyph, type GlyphTable } from "./on-demand.js";

interface GlyphInternals {
  _font: object;
  id: number;
}

/** fontkit's decoded loca table: where each glyph's bytes start in glyf (one more for the end). */
interface FontInternals {
  loca: { offsets: number[] };
}

const onDemandFonts = new WeakMap<object, GlyphTable>();
const patchedClasses = new WeakSet<object>();
const GLYPH_READERS = ["_decode", "_getCBox"] as const;

/**
 * Makes glyph `gid` of `font` readable, if `font` is read on demand: at the offsets fontkit's own
 * readers take from its loca (an id loca does not cover is left to fontkit).
 */
export function ensureGlyphBytes(font: object, gid: number): void {
  const table = onDemandFonts.get(font);
  if (!table) return;
  const offsets = (font as FontInternals).loca.offsets;
  const start = offsets[gid];
  if (start !== undefined) ensureGlyph(table, start, offsets[gid + 1] ?? start);
}

/**
 * Registers `font` (parsed from `table`'s buffer) as read on demand. False when fontkit's glyph
 * class does not look as expected (another fontkit version): the caller must then read the whole file.
 */
export function readGlyphsOnDemand(font: fontkit.Font, table: GlyphTable): boolean {
  const glyph = (font as unknown as { getGlyph(gid: number): object }).getGlyph(0);
  const proto = Object.getPrototypeOf(glyph) as Record<string, unknown>;
  if (!patchedClasses.has(proto)) {
    if (!GLYPH_READERS.every((name) => typeof proto[name] === "function")) return false;
    for (const name of GLYPH_READERS) {
      const original = proto[name] as (...args: unknown[]) => unknown;
      proto[name] = function (this: GlyphInternals, ...args: unknown[]): unknown {
        ensureGlyphBytes(this._font, this.id);
        return original.apply(this, args);
      };
    }
    patchedClasses.add(proto);
  }
  onDemandFonts.set(font, table);
  return true;
}
