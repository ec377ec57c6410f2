/**
 * Every use of pdfkit's and fontkit's private internals, in one place. Each patch says why it is
 * there and what it relies on; PATCHES lists them with a check of those assumptions, run by
 * tests/adapters/pdfkit-fontkit.test.ts, which names the patch that an upgrade breaks. The two
 * packages are pinned to exact versions in package.json (PINNED below must agree): an ordinary
 * `npm install` cannot bring a version these patches were not checked against.
 *
 * The patches, and what each relies on:
 *  1. xmp-escape (pdfkit `PDFDocument#_addInfo`, `#info`): pdfkit writes the info values into the
 *     XMP packet without XML escaping, so a name such as "A & <B>" broke the metadata.
 *  2. shared-layout-cache (pdfkit `PDFDocument#_font`, `EmbeddedFont#layoutCache`, `#font`): pdfkit
 *     shapes every word it draws and caches it per document; documents of one font share a cache.
 *  3. subset-headers (fontkit `TTFSubset#_addGlyph`, `#font`, `TTFFont#loca`, `#_getTableStream`,
 *     `#_variationProcessor`, `Glyph#_decode`, `#_getMetrics`): the subsetter decoded each glyph's
 *     whole outline to learn whether it is a composite; the header says it.
 *  4. glyph-reads (fontkit `TTFGlyph#_decode`, `#_getCBox`, `#_font`, `#id`, `TTFFont#loca`): fonts
 *     read on demand (fonts/on-demand.ts) get each glyph's bytes before fontkit reads them.
 *  6. shared-shaping (pdfkit `EmbeddedFont#layoutRun`, `#scale`): pdfkit shapes each piece of text
 *     it draws with fontkit; the layout has already shaped the same pieces to measure them. Drawing
 *     takes them from the same cache (fonts/shaping.ts), scaled as pdfkit scales its own.
 *  5. text-runs (pdfkit `PDFDocument#_font`, `#page.fonts`, `EmbeddedFont#layout`, `#subset`,
 *     `#unicode`, `#widths`, `#scale`, `#id`, `#ref`): the layout places every run of text itself;
 *     drawing it through pdfkit's text machinery (options, a second measuring of each run, a
 *     graphics state saved and flipped for every run) was a fifth of a document's rendering. The
 *     same glyphs, advances and subset, written as one text object each, encoded as pdfkit's
 *     `encode` does but with the characters a reader copies taken from the text (encodeAsTyped).
 */
import type * as fontkit from "fontkit";
import { ensureGlyph, type GlyphTable } from "../fonts/on-demand.js";
import { shapeText } from "../fonts/shaping.js";

/** The versions these patches were written and checked against; package.json pins the same. */
export const PINNED = { pdfkit: "0.20.2", fontkit: "2.0.4" } as const;

// 1. xmp-escape ------------------------------------------------------------------------------

interface DocumentInternals {
  info: Record<string, unknown>;
  _addInfo: () => void;
  _font?: EmbeddedFontInternals;
  page: { fonts: Record<string, unknown> };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.codePointAt(0)};`);
}

/**
 * Escapes the info values for the XMP packet only; the info dictionary, written before, keeps the
 * literal text.
 */
export function escapeXmpValues(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as DocumentInternals;
  const addInfo = internals._addInfo.bind(doc);
  internals._addInfo = () => {
    const literal = internals.info;
    internals.info = Object.fromEntries(
      Object.entries(literal).map(([k, v]) => [k, typeof v === "string" ? escapeXml(v) : v]),
    );
    try {
      addInfo();
    } finally {
      internals.info = literal;
    }
  };
}

// 2. shared-layout-cache ---------------------------------------------------------------------

/** pdfkit's font for the current `doc.font(...)`: the parsed font and its word-layout cache. */
interface EmbeddedFontInternals {
  font: fontkit.Font;
  /** 1000 / units per em: pdfkit keeps positions in thousandths of an em. */
  scale: number;
  layoutRun(
    text: string,
    features?: unknown,
  ): { glyphs: readonly fontkit.Glyph[]; positions: GlyphPosition[]; advanceWidth: number };
  layoutCache?: Record<string, unknown>;
  /** The font's resource name on a page ("F1"). */
  id: string;
  ref(): unknown;
  /** The text's glyphs as drawn and their positions in 1/1000 em (pdfkit's shaping, cached). */
  layout(text: string): { glyphs: readonly fontkit.Glyph[]; positions: readonly GlyphPosition[] };
  /** The font's subset: the original glyph id of each subset glyph, in order. */
  subset: { glyphs: number[]; includeGlyph(glyphId: number): number };
  /** Per subset glyph: its advance (1/1000 em) and the code points the ToUnicode map gives it. */
  widths: number[];
  unicode: (readonly number[] | undefined)[];
  /** Writes the ToUnicode map from #unicode, and (embed) the font with the advances of #widths. */
  toUnicodeCmap(): unknown;
  embed(): void;
}

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** Documents served by one shared layout cache before it starts afresh, to bound its memory. */
const DOCUMENTS_PER_LAYOUT_CACHE = 200;
const sharedLayouts = new WeakMap<object, { runs: Record<string, unknown>; documents: number }>();
const sharedFonts = new WeakSet<object>();

/**
 * Gives the document's current font (set by `doc.font(...)`) the layout cache shared by every
 * document using the same parsed font. The shaped runs depend only on the font and the text.
 */
export function shareCurrentFontLayoutCache(doc: PDFKit.PDFDocument): void {
  const embedded = (doc as unknown as DocumentInternals)._font;
  if (!embedded || sharedFonts.has(embedded)) return;
  sharedFonts.add(embedded);
  useSharedShaping(embedded);
  if (!embedded.layoutCache) return;
  let shared = sharedLayouts.get(embedded.font);
  if (!shared || shared.documents >= DOCUMENTS_PER_LAYOUT_CACHE) {
    shared = { runs: Object.create(null) as Record<string, unknown>, documents: 0 };
    sharedLayouts.set(embedded.font, shared);
  }
  shared.documents++;
  embedded.layoutCache = shared.runs;
}

// 6. shared-shaping -------------------------------------------------------------------------

/**
 * pdfkit's `layoutRun(text)` is fontkit's `font.layout(text)` with the positions scaled to
 * thousandths of an em (in place) and each glyph's own advance added; the same, from the shared
 * cache. A fresh copy each time: pdfkit keeps and may change what it is given.
 */
function useSharedShaping(embedded: EmbeddedFontInternals): void {
  const original = embedded.layoutRun.bind(embedded);
  embedded.layoutRun = (text, features) => {
    if (features) return original(text, features);
    const run = shapeText(embedded.font, text);
    const scale = embedded.scale;
    let advanceWidth = 0;
    const positions = run.positions.map((position, i): GlyphPosition => {
      advanceWidth += position.xAdvance * scale;
      return {
        xAdvance: position.xAdvance * scale,
        yAdvance: position.yAdvance * scale,
        xOffset: position.xOffset * scale,
        yOffset: position.yOffset * scale,
        advanceWidth: run.glyphs[i]!.advanceWidth * scale,
      };
    });
    return { glyphs: run.glyphs, positions, advanceWidth };
  };
}

// 3. subset-headers --------------------------------------------------------------------------

interface SubsetInternals {
  font: TTFFontInternals;
  _addGlyph(gid: number): number;
}
interface TTFFontInternals {
  loca: { offsets: number[] };
  _variationProcessor?: unknown;
  _getTableStream(tag: string): { pos: number; readInt16BE(): number };
  getGlyph(gid: number): GlyphInternals;
  directory: { tables: Record<string, unknown> };
  createSubset(): object;
}
interface GlyphInternals {
  _decode?: () => unknown;
  _getMetrics(): unknown;
  _getCBox?: () => unknown;
  _font: object;
  id: number;
}

const patchedSubsetters = new WeakSet<object>();
const seenFonts = new WeakSet<object>();

/** numberOfContours from the glyph's header, or null for an empty glyph (no outline at all). */
function contourCount(font: TTFFontInternals, gid: number): number | null {
  const start = font.loca.offsets[gid];
  const end = font.loca.offsets[gid + 1];
  if (start === undefined || end === undefined || end <= start) return null;
  const stream = font._getTableStream("glyf");
  stream.pos += start;
  return stream.readInt16BE();
}

/**
 * For every glyph it copies, fontkit's `TTFSubset._addGlyph` decodes the whole outline only to
 * learn whether the glyph is a composite, whose components must be copied too (a sixth of a
 * document pair's time for CJK glyphs). The header's numberOfContours (negative for a composite)
 * says the same: fontkit decodes only composites and variable fonts. The bytes written are the
 * same (tests/render/subset-speedup.test.ts compares them).
 */
export function speedUpSubsetting(font: fontkit.Font): void {
  if (seenFonts.has(font)) return;
  seenFonts.add(font);
  const internals = font as unknown as TTFFontInternals;
  // Only TrueType outlines (a glyf table); CFF fonts have another subsetter.
  if (!internals.directory.tables["glyf"]) return;
  const proto = Object.getPrototypeOf(internals.createSubset()) as SubsetInternals;
  if (patchedSubsetters.has(proto) || typeof proto._addGlyph !== "function") return;
  patchedSubsetters.add(proto);
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

// 4. glyph-reads -----------------------------------------------------------------------------

const onDemandFonts = new WeakMap<object, GlyphTable>();
const patchedGlyphClasses = new WeakSet<object>();
const GLYPH_READERS = ["_decode", "_getCBox"] as const;

/**
 * Makes glyph `gid` of `font` readable, if `font` is read on demand: at the offsets fontkit's own
 * readers take from its loca (an id loca does not cover is left to fontkit).
 */
export function ensureGlyphBytes(font: object, gid: number): void {
  const table = onDemandFonts.get(font);
  if (!table) return;
  const offsets = (font as TTFFontInternals).loca.offsets;
  const start = offsets[gid];
  if (start !== undefined) ensureGlyph(table, start, offsets[gid + 1] ?? start);
}

/**
 * Registers `font` (parsed from `table`'s buffer) as read on demand: fontkit's two glyph readers,
 * `_decode` (the outline) and `_getCBox` (the header, for metrics), first make the glyph's bytes
 * present; for any other font they do what they did. False when fontkit's glyph class does not
 * look as expected: the caller must then read the whole file.
 */
export function readGlyphsOnDemand(font: fontkit.Font, table: GlyphTable): boolean {
  const glyph = (font as unknown as { getGlyph(gid: number): object }).getGlyph(0);
  const proto = Object.getPrototypeOf(glyph) as Record<string, unknown>;
  if (!patchedGlyphClasses.has(proto)) {
    if (!GLYPH_READERS.every((name) => typeof proto[name] === "function")) return false;
    for (const name of GLYPH_READERS) {
      const original = proto[name] as (...args: unknown[]) => unknown;
      proto[name] = function (this: GlyphInternals, ...args: unknown[]): unknown {
        ensureGlyphBytes(this._font, this.id);
        return original.apply(this, args);
      };
    }
    patchedGlyphClasses.add(proto);
  }
  onDemandFonts.set(font, table);
  return true;
}

// 5. text-runs ------------------------------------------------------------------------------

/** A number in a content stream: a thousandth of a point or of a text unit is finer than print. */
function num(n: number): string {
  const rounded = Math.round(n * 1000) / 1000;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

/** Per embedded font: the subset glyph that stands for an original glyph typed as another character. */
const typedVariants = new WeakMap<object, Map<string, number>>();

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((codePoint, i) => codePoint === b[i]);
}

/**
 * pdfkit's `EmbeddedFont#encode` (the glyphs of `text` as hexadecimal subset ids, each new subset
 * glyph's advance and characters recorded), with one difference: the characters a reader copies
 * are the ones typed. A PDF says which characters a glyph stands for once per subset glyph (the
 * ToUnicode map), and pdfkit took them from fontkit's glyph object, which fontkit makes once per
 * glyph id and per process with the characters of its first use. Where a font draws two characters
 * with one glyph (U+2F42 ⽂, a Kangxi radical, and U+6587 文), the one typed second, in this
 * document or in any earlier one of the process, was copied back as the first, and a document's
 * bytes depended on what the process had made before. Now a glyph's characters come from the
 * text (when the run has a glyph per character), and a glyph typed as another character in the
 * same document gets a subset glyph of its own: the same outline, twice in the subset.
 */
function encodeAsTyped(font: EmbeddedFontInternals, text: string): [string[], GlyphPosition[]] {
  const { glyphs, positions } = font.layout(text);
  const typed = Array.from(text, (c) => c.codePointAt(0)!);
  // Only a run of one glyph per character can be matched glyph by glyph (ligatures and marks that
  // combine keep fontkit's characters; so does a right-to-left run, whose glyphs come reversed).
  const oneToOne = typed.length === glyphs.length;
  const encoded: string[] = [];
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i]!;
    let chars: readonly number[] = glyph.codePoints;
    if (oneToOne) {
      const char = typed[i]!;
      const fits = chars.length === 1 && chars[0] === char;
      if (!fits && font.font.glyphForCodePoint(char).id === glyph.id) chars = [char];
    }
    let gid = font.subset.includeGlyph(glyph.id);
    const recorded = font.unicode[gid];
    if (recorded === undefined) {
      font.unicode[gid] = chars;
      font.widths[gid] = glyph.advanceWidth * font.scale;
    } else if (!sameCodePoints(recorded, chars)) {
      gid = typedVariant(font, glyph.id, chars, gid);
    }
    encoded.push(`0000${gid.toString(16)}`.slice(-4));
  }
  return [encoded, positions as GlyphPosition[]];
}

/** The subset glyph drawing original glyph `glyphId` that copies as `chars`, added the first time. */
function typedVariant(font: EmbeddedFontInternals, glyphId: number, chars: readonly number[], gid: number): number {
  let variants = typedVariants.get(font);
  if (!variants) typedVariants.set(font, (variants = new Map()));
  const key = `${glyphId}:${chars.join(",")}`;
  let variant = variants.get(key);
  if (variant === undefined) {
    font.subset.glyphs.push(glyphId);
    variant = font.subset.glyphs.length - 1;
    font.widths[variant] = font.widths[gid]!;
    font.unicode[variant] = chars;
    variants.set(key, variant);
  }
  return variant;
}

/**
 * Draws `text` in the document's current font (`doc.font(...)`) at `size`, its baseline's left
 * end at (x, y) in the page's top-down coordinates. pdfkit's page content is flipped (y down), so
 * the text matrix flips back ([1 0 0 -1 x y]) instead of a saved and restored transformation per
 * run. Glyphs are placed as pdfkit places them: advances by the TJ adjustments, a glyph moved off
 * its advance (a combining mark) by a text matrix of its own.
 */
export function drawTextRun(doc: PDFKit.PDFDocument, x: number, y: number, size: number, text: string): void {
  const internals = doc as unknown as DocumentInternals;
  const font = internals._font!;
  internals.page.fonts[font.id] ??= font.ref();
  const [encoded, positions] = encodeAsTyped(font, text);
  const scale = size / 1000;
  const out: string[] = [`BT\n1 0 0 -1 ${num(x)} ${num(y)} Tm\n/${font.id} ${num(size)} Tf`];
  let segment: string[] = [];
  const parts: string[] = [];
  const flush = () => {
    if (segment.length > 0) parts.push(`<${segment.join("")}>`);
    segment = [];
    if (parts.length > 0) out.push(`[${parts.join(" ")}] TJ`);
    parts.length = 0;
  };
  let penX = x;
  for (let i = 0; i < encoded.length; i++) {
    const position = positions[i]!;
    if (position.xOffset || position.yOffset) {
      // A glyph off its advance: set on its own, then the pen goes back to the run's line.
      flush();
      out.push(
        `1 0 0 -1 ${num(penX + position.xOffset * scale)} ${num(y - position.yOffset * scale)} Tm`,
        `[<${encoded[i]}>] TJ`,
      );
      penX += position.xAdvance * scale;
      out.push(`1 0 0 -1 ${num(penX)} ${num(y)} Tm`);
      continue;
    }
    segment.push(encoded[i]!);
    const adjust = position.xAdvance - position.advanceWidth;
    if (adjust !== 0) {
      parts.push(`<${segment.join("")}>`, num(-adjust));
      segment = [];
    }
    penX += position.xAdvance * scale;
  }
  flush();
  out.push("ET");
  doc.addContent(out.join("\n"));
}

// The checks -------------------------------------------------------------------------------

export interface PatchCheck {
  name: string;
  /** The internals the patch relies on, described for the person upgrading. */
  relies: string;
  /** Why it no longer holds, or undefined when it does. */
  problem(deps: { pdfkit: typeof import("pdfkit"); font: fontkit.Font }): string | undefined;
}

const isFunction = (value: unknown) => typeof value === "function";

/** What each patch relies on, checked against the installed packages (see the module comment). */
export const PATCHES: readonly PatchCheck[] = [
  {
    name: "xmp-escape",
    relies: "pdfkit PDFDocument#_addInfo() reading this.info",
    problem({ pdfkit }) {
      const doc = new pdfkit({
        autoFirstPage: false,
        font: null,
      } as unknown as PDFKit.PDFDocumentOptions) as unknown as DocumentInternals;
      if (!isFunction(doc._addInfo)) return "PDFDocument#_addInfo is gone";
      if (typeof doc.info !== "object" || doc.info === null) return "PDFDocument#info is not an object";
      return /this\.info/.test(String(doc._addInfo)) ? undefined : "_addInfo no longer reads this.info";
    },
  },
  {
    name: "shared-layout-cache",
    relies: "pdfkit PDFDocument#_font (the current EmbeddedFont) with #font and #layoutCache",
    problem({ pdfkit, font }) {
      const doc = new pdfkit({ autoFirstPage: false, font: null } as unknown as PDFKit.PDFDocumentOptions);
      doc.registerFont("probe", font as unknown as Buffer);
      doc.font("probe");
      const embedded = (doc as unknown as DocumentInternals)._font;
      if (!embedded) return "PDFDocument#_font is not set by doc.font()";
      if (embedded.font !== font) return "EmbeddedFont#font is not the fontkit font given";
      return typeof embedded.layoutCache === "object" && embedded.layoutCache !== null
        ? undefined
        : "EmbeddedFont#layoutCache is not an object";
    },
  },
  {
    name: "subset-headers",
    relies:
      "fontkit TTFSubset#_addGlyph/#font, TTFFont#loca.offsets/#_getTableStream/#_variationProcessor, Glyph#_decode/#_getMetrics",
    problem({ font }) {
      const internals = font as unknown as TTFFontInternals;
      const subset = Object.getPrototypeOf(internals.createSubset()) as SubsetInternals;
      if (!isFunction(subset._addGlyph)) return "TTFSubset#_addGlyph is gone";
      if (!Array.isArray(internals.loca?.offsets)) return "TTFFont#loca.offsets is not an array";
      if (!isFunction(internals._getTableStream)) return "TTFFont#_getTableStream is gone";
      const glyph = internals.getGlyph(1) as GlyphInternals;
      const proto = Object.getPrototypeOf(glyph) as GlyphInternals;
      return isFunction(proto._decode) && isFunction(glyph._getMetrics)
        ? undefined
        : "Glyph#_decode or #_getMetrics is gone";
    },
  },
  {
    name: "text-runs",
    relies:
      "pdfkit PDFDocument#_font (an EmbeddedFont with #id, #ref(), #layout(text) giving glyphs and positions, #subset.includeGlyph/#glyphs, #unicode, #widths, #scale) and #page.fonts",
    problem({ pdfkit, font }) {
      const doc = new pdfkit({ autoFirstPage: false, font: null } as unknown as PDFKit.PDFDocumentOptions);
      doc.addPage();
      doc.registerFont("probe", font as unknown as Buffer);
      doc.font("probe");
      const internals = doc as unknown as DocumentInternals;
      const embedded = internals._font;
      if (!embedded || typeof embedded.id !== "string" || !isFunction(embedded.ref) || !isFunction(embedded.layout))
        return "EmbeddedFont#id, #ref or #layout is gone";
      if (typeof internals.page?.fonts !== "object") return "PDFPage#fonts is not an object";
      if (!isFunction(embedded.subset?.includeGlyph) || !Array.isArray(embedded.subset.glyphs))
        return "EmbeddedFont#subset lacks includeGlyph or glyphs";
      if (!Array.isArray(embedded.unicode) || !Array.isArray(embedded.widths) || typeof embedded.scale !== "number")
        return "EmbeddedFont#unicode, #widths or #scale is gone";
      // The subset glyph the encoding writes, and its ToUnicode entry, are what pdfkit embeds.
      const gid = embedded.subset.includeGlyph(font.glyphForCodePoint(0x41).id);
      if (embedded.subset.glyphs[gid] !== font.glyphForCodePoint(0x41).id)
        return "EmbeddedFont#subset.includeGlyph no longer indexes #subset.glyphs";
      if (!/this\.unicode/.test(String(embedded.toUnicodeCmap)) || !/this\.widths/.test(String(embedded.embed)))
        return "EmbeddedFont#toUnicodeCmap or #embed no longer read #unicode or #widths";
      const { glyphs, positions } = embedded.layout("Ab");
      if (!Array.isArray(glyphs) || glyphs.length !== 2 || typeof glyphs[0]?.id !== "number")
        return "EmbeddedFont#layout no longer gives fontkit glyphs";
      const position = positions[0];
      return position &&
        ["xAdvance", "yAdvance", "xOffset", "yOffset", "advanceWidth"].every(
          (key) => typeof position[key as keyof GlyphPosition] === "number",
        )
        ? undefined
        : "EmbeddedFont#layout's positions lack xAdvance, yAdvance, xOffset, yOffset or advanceWidth";
    },
  },
  {
    name: "glyph-reads",
    relies: "fontkit TTFGlyph#_decode/#_getCBox on the prototype, Glyph#_font and #id",
    problem({ font }) {
      const glyph = (font as unknown as TTFFontInternals).getGlyph(1) as GlyphInternals;
      const proto = Object.getPrototypeOf(glyph) as Record<string, unknown>;
      if (!GLYPH_READERS.every((name) => isFunction(proto[name]))) return "TTFGlyph#_decode or #_getCBox is gone";
      return glyph._font === font && glyph.id === 1
        ? undefined
        : "Glyph#_font or #id no longer name the glyph's font and id";
    },
  },
];
