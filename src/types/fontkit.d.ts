// Minimal typings for the parts of fontkit this project uses (the package ships none).
declare module "fontkit" {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    /** The code points the glyph stands for (several for a ligature). */
    codePoints: number[];
    /** The outline's bounds, in font units from the glyph's origin. */
    bbox: { minX: number; minY: number; maxX: number; maxY: number };
  }
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
    advanceWidth: number;
  }
  export interface Font {
    postscriptName: string;
    familyName: string;
    subfamilyName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    capHeight: number;
    numGlyphs: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    /**
     * Without a direction, fontkit takes the default direction of the first script it finds in
     * the text (Script.forString): "۰" (U+06F0, an Arabic-script digit) makes a run right to left.
     */
    layout(
      text: string,
      features?: string[] | Record<string, boolean>,
      script?: string,
      language?: string,
      direction?: "ltr" | "rtl",
    ): GlyphRun;
  }
  export interface FontCollection {
    type: "TTC" | "DFont";
    fonts: Font[];
    getFont(name: string): Font | null;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
}
