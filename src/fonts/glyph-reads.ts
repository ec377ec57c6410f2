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

const onDemandFonts = new WeakMap<object, GlyphTable>();
const patchedClasses = new WeakSet<object>();
const GLYPH_READERS = ["_decode", "_getCBox"] as const;

/** Makes glyph `gid` of `font` readable, if `font` is read on demand. */
export function ensureGlyphBytes(font: object, gid: number): void {
  const table = onDemandFonts.get(font);
  if (table) ensureGlyph(table, gid);
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
