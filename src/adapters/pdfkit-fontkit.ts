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
 *  2. subset-headers (fontkit `TTFSubset#_addGlyph`, `#font`, `TTFFont#loca`, `#_getTableStream`,
 *     `#_variationProcessor`, `Glyph#_decode`, `#_getMetrics`): the subsetter decoded each glyph's
 *     whole outline to learn whether it is a composite; the header says it.
 *  3. glyph-reads (fontkit `TTFGlyph#_decode`, `#_getCBox`, `#_font`, `#id`, `TTFFont#loca`): fonts
 *     read on demand (fonts/on-demand.ts) get each glyph's bytes before fontkit reads them.
 *  4. text-runs (pdfkit `PDFDocument#_font`, `#_fontCount`, `#_fontFamilies`, `#page.fonts`,
 *     `EmbeddedFont`'s constructor, `#subset`, `#unicode`, `#widths`, `#scale`, `#id`, `#ref`): the
 *     layout places every run of text itself, shaped once per process (fonts/shaping.ts); drawing
 *     it through pdfkit's text machinery (options, a second shaping and measuring of each run, a
 *     graphics state saved and flipped for every run) was a fifth of a document's rendering. The
 *     same glyphs, advances and subsets, written as one text object per run, encoded as pdfkit's
 *     `encode` does but with the characters a reader copies taken from the text (GlyphRun).
 *  5. shared-subsets (pdfkit `EmbeddedFont#embed`, `#toUnicodeCmap`, `#dictionary`, `#document`,
 *     `PDFReference#compress`, `#data`): each face is drawn with two subsets, the glyphs of the
 *     templates' text (embedded from bytes made once per process) and the user's own (FaceSubsets);
 *     the objects pdfkit's `embed` writes are written the same, from those bytes.
 *  6. glyph-characters (fontkit `TTFFont#getGlyph(id, characters)`, `#_glyphs`, the glyph classes'
 *     constructor (id, codePoints, font)): fontkit makes one glyph object per id and per process,
 *     with the characters of its first use, and its layout hands that object out for every later
 *     use: a ligature ("fi") shaped after someone typed U+FB01 ﬁ copied as ﬁ, in every document
 *     the process made after. A use that stands for other characters now gets a glyph of its own.
 */
import { createHash } from "node:crypto";
import type * as fontkit from "fontkit";
import { deflateSync } from "node:zlib";
import { ensureGlyph, type GlyphTable } from "../fonts/on-demand.js";
import { type Direction, shapeText } from "../fonts/shaping.js";

/** The versions these patches were written and checked against; package.json pins the same. */
export const PINNED = { pdfkit: "0.20.2", fontkit: "2.0.4" } as const;

// 1. xmp-escape ------------------------------------------------------------------------------

interface DocumentInternals {
  info: Record<string, unknown>;
  _addInfo: () => void;
  _font?: EmbeddedFontInternals;
  page: { fonts: Record<string, unknown> };
  /** pdfkit's count of fonts made (their ids are F1, F2, ...) and the fonts it embeds at the end. */
  _fontCount: number;
  _fontFamilies: Record<string, unknown>;
}

/** A PDF object pdfkit writes (PDFReference). */
interface ReferenceInternals {
  data: Record<string, unknown>;
  compress: boolean;
  write(chunk: Uint8Array): void;
  end(chunk?: Uint8Array): void;
}

/** The document as a font sees it: objects to write, and the PDF/A part (1 for PDF/A-1). */
interface FontDocumentInternals {
  ref(data?: Record<string, unknown>): ReferenceInternals;
  subset?: number;
}

/** The fontkit tables a font's descriptor is made from. */
interface FontTables {
  "OS/2"?: { sFamilyClass?: number };
  post: { isFixedPitch?: number | boolean };
  head: { macStyle: { italic?: boolean } };
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  italicAngle: number;
  capHeight: number;
  ascent: number;
  xHeight: number;
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

/** pdfkit's embedded font (EmbeddedFont): the parsed font, its subset and what it embeds. */
interface EmbeddedFontInternals {
  font: fontkit.Font;
  /** 1000 / units per em: pdfkit keeps advances in thousandths of an em. */
  scale: number;
  /** The font's resource name on a page ("F1"). */
  id: string;
  ref(): unknown;
  /** The font's subset: the original glyph id of each subset glyph, in order. */
  subset: { glyphs: number[]; includeGlyph(glyphId: number): number; encode(): Uint8Array; cff?: unknown };
  document: FontDocumentInternals;
  /** The font's dictionary (made by #ref()), filled by #embed() at the end of the document. */
  dictionary: ReferenceInternals;
  ascender: number;
  descender: number;
  /** Per subset glyph: its advance (1/1000 em) and the code points the ToUnicode map gives it. */
  widths: number[];
  unicode: (readonly number[] | undefined)[];
  /** Writes the ToUnicode map from #unicode, and (embed) the font with the advances of #widths. */
  toUnicodeCmap(): unknown;
  embed(): void;
}

// 2. subset-headers --------------------------------------------------------------------------

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

// 3. glyph-reads -----------------------------------------------------------------------------

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

// 6. glyph-characters ------------------------------------------------------------------------

interface GlyphClassInternals {
  codePoints: readonly number[];
  constructor: new (id: number, codePoints: readonly number[], font: object) => GlyphClassInternals;
}
interface GetGlyphOwner {
  getGlyph(id: number, characters?: readonly number[]): GlyphClassInternals | null;
}

const patchedGetGlyph = new WeakSet<object>();

/** The prototype that defines `getGlyph` for `font` (fontkit's TTFFont, which WOFF and TTC faces share). */
function getGlyphOwner(font: object): GetGlyphOwner | undefined {
  for (let proto = Object.getPrototypeOf(font); proto; proto = Object.getPrototypeOf(proto))
    if (Object.hasOwn(proto, "getGlyph")) return proto as GetGlyphOwner;
  return undefined;
}

/**
 * fontkit's `getGlyph(id, characters)` keeps the first glyph object made for an id, with the
 * characters of that first use, and returns it for every later use, whatever it stands for; so
 * what a reader copied from a glyph (its ToUnicode entry, and the shared subset's key) depended on
 * the documents the process had made before. A use standing for other characters than the kept
 * glyph's now gets a glyph object of its own, not kept: the same glyph, its own characters.
 */
export function keepGlyphCharacters(font: fontkit.Font): void {
  const owner = getGlyphOwner(font);
  if (!owner || patchedGetGlyph.has(owner)) return;
  patchedGetGlyph.add(owner);
  const getGlyph = owner.getGlyph;
  owner.getGlyph = function (this: object, id: number, characters: readonly number[] = []) {
    const glyph = getGlyph.call(this, id, characters);
    if (!glyph || characters.length === 0 || sameCodePoints(glyph.codePoints, characters)) return glyph;
    return new glyph.constructor(id, characters, this);
  };
}

// 4. text-runs ------------------------------------------------------------------------------

/** A number in a content stream: a thousandth of a point or of a text unit is finer than print. */
function num(n: number): string {
  const rounded = Math.round(n * 1000) / 1000;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

/** Subset glyph ids as a content stream writes them (four hexadecimal digits), each made once. */
const HEX: string[] = [];
function hex4(n: number): string {
  return (HEX[n] ??= `0000${n.toString(16)}`.slice(-4));
}

/** Per embedded font: the subset glyph that stands for an original glyph typed as another character. */
const typedVariants = new WeakMap<object, Map<string, number>>();

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((codePoint, i) => codePoint === b[i]);
}

/**
 * A run of text as drawn in one face: fontkit's glyphs and positions (font units), cut and shaped
 * as pdfkit's `EmbeddedFont#layout` cuts and shapes (after each space and tab, each piece alone),
 * from the shaping cache the layout measured with; and the characters a reader copies for each.
 *
 * Those characters are the ones typed, not fontkit's: a PDF says which characters a glyph stands
 * for once per subset glyph (the ToUnicode map), and pdfkit took them from fontkit's glyph object,
 * which fontkit makes once per glyph id and per process with the characters of its first use.
 * Where a font draws two characters with one glyph (U+2F42 ⽂, a Kangxi radical, and U+6587 文),
 * the one typed second, in this document or in any earlier one of the process, was copied back as
 * the first, and a document's bytes depended on what the process had made before. Now a glyph's
 * characters come from the text (when the run has a glyph per character), and a glyph typed as
 * another character in the same document gets a subset glyph of its own: the same outline, twice.
 */
export interface GlyphRun {
  readonly glyphs: readonly fontkit.Glyph[];
  readonly positions: readonly fontkit.GlyphPosition[];
  readonly chars: readonly (readonly number[])[];
  /**
   * The glyphs where the run may go from one of its face's two subsets to the other (see
   * FaceSubsets): where a piece starts (pieces are shaped alone), or between two glyphs neither
   * kerned against each other nor moved off their advance. Drawn from two fonts, a kerned pair
   * would look to a reader's tool like two pieces of text overlapping.
   */
  readonly clusters: readonly number[];
}

/**
 * Runs already cut, shaped and matched, per font: a batch's documents, and a server's, draw most
 * of their lines again and again (the templates' own text). Never changed once made. Bounded and
 * cleared when full like the other caches: a document pair draws some 700 runs, a batch row adds
 * about 40 of its own; 2,000 runs (1-2 KB each) keep a render worker's heap room to spare
 * (tests/fonts/cache-bounds.e2e.test.ts).
 */
export const MAX_GLYPH_RUNS = 2_000;
let glyphRuns = new WeakMap<fontkit.Font, Map<string, GlyphRun>>();
let rtlGlyphRuns = new WeakMap<fontkit.Font, Map<string, GlyphRun>>();
let glyphRunCount = 0;

/** Runs in the cache now (for the test that fills every cache to its cap). */
export function glyphRunCacheSize(): number {
  return glyphRunCount;
}

function cachedGlyphRun(font: fontkit.Font, text: string, direction: Direction): GlyphRun {
  let known = (direction === "rtl" ? rtlGlyphRuns : glyphRuns).get(font);
  let run = known?.get(text);
  if (run) return run;
  run = glyphRun(font, text, direction);
  if (++glyphRunCount > MAX_GLYPH_RUNS) {
    glyphRuns = new WeakMap();
    rtlGlyphRuns = new WeakMap();
    glyphRunCount = 1;
    known = undefined;
  }
  if (!known) (direction === "rtl" ? rtlGlyphRuns : glyphRuns).set(font, (known = new Map()));
  known.set(text, run);
  return run;
}

function glyphRun(font: fontkit.Font, text: string, direction: Direction): GlyphRun {
  const glyphs: fontkit.Glyph[] = [];
  const positions: fontkit.GlyphPosition[] = [];
  const pieces: number[] = [];
  const addPiece = (piece: string) => {
    pieces.push(glyphs.length);
    const shaped = shapeText(font, piece, direction);
    for (let i = 0; i < shaped.glyphs.length; i++) {
      glyphs.push(shaped.glyphs[i]!);
      positions.push(shaped.positions[i]!);
    }
  };
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x20 || unit === 0x09) {
      addPiece(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) addPiece(text.slice(start));
  const rtl = direction === "rtl";
  const chars: (readonly number[])[] = glyphs.map((glyph) =>
    rtl && glyph.codePoints.length > 1 ? rtlGlyphCharacters(glyph.codePoints) : glyph.codePoints,
  );
  // Only a run of one glyph per character can be matched glyph by glyph (ligatures and marks that
  // combine keep fontkit's characters); a right-to-left run's glyphs match the text backwards.
  const typed = [...text];
  if (rtl && typed.length > glyphs.length) markInsideLigature(glyphs, chars, typed);
  if (typed.length === glyphs.length) {
    for (let i = 0; i < glyphs.length; i++) {
      const char = typed[rtl ? glyphs.length - 1 - i : i]!.codePointAt(0)!;
      const own = chars[i]!;
      if (!(own.length === 1 && own[0] === char) && font.glyphForCodePoint(char).id === glyphs[i]!.id)
        chars[i] = [char];
    }
  }
  const clusters: number[] = [];
  const moved = (i: number) => positions[i]!.xOffset !== 0 || positions[i]!.yOffset !== 0;
  for (let i = 0, piece = 0; i < glyphs.length; i++) {
    while (pieces[piece + 1] !== undefined && pieces[piece + 1]! <= i) piece++;
    const pieceStart = pieces[piece] === i;
    const apart = i > 0 && positions[i - 1]!.xAdvance === glyphs[i - 1]!.advanceWidth && !moved(i - 1) && !moved(i);
    if (i === 0 || pieceStart || apart) clusters.push(i);
  }
  return { glyphs, positions, chars, clusters };
}

/**
 * A vowel typed between the two letters of a ligature ("مَلَاك": a fatha on the lam of lam-alef):
 * fontkit makes the ligature and puts the vowel's glyph after it (before it, drawn right to left).
 * Read backwards, the ligature's letters then the vowel, the vowel came back on the alef. So the
 * vowel's glyph copies as the letters after it and itself, and the ligature as those before:
 * read backwards, "lam, fatha, alef". (The vowel's characters hold a mark, so a reader still
 * takes that glyph for a zero-width mark, as it is; the ligature's hold none.) Anything the
 * alignment does not expect leaves the run as it was. `chars` is in drawing order, changed here.
 */
function markInsideLigature(glyphs: readonly fontkit.Glyph[], chars: (readonly number[])[], typed: string[]): void {
  const text = typed.map((char) => char.codePointAt(0)!);
  const n = glyphs.length;
  let at = 0;
  // Logical order is the drawing order backwards: glyph n-1 first.
  for (let g = n - 1; g >= 0; g--) {
    const own = glyphs[g]!.codePoints;
    if (own.length < 2) {
      if (text[at] !== own[0]) return;
      at++;
      continue;
    }
    const vowel = g > 0 && glyphs[g - 1]!.codePoints.length === 1 ? glyphs[g - 1]!.codePoints[0]! : undefined;
    let matched = 0;
    let split = -1;
    let q = at;
    while (matched < own.length && q < text.length) {
      if (text[q] === own[matched]) matched++;
      else if (split < 0 && matched > 0 && text[q] === vowel && /^\p{M}$/u.test(typed[q]!)) split = matched;
      else return;
      q++;
    }
    if (matched < own.length) return;
    at = q;
    // Drawn first, the vowel's glyph is read in front of the word whatever it copies as: giving it
    // the alef too would move the alef there. It keeps its own character (the vowel alone moves).
    if (split < 0 || g - 1 === 0) continue;
    chars[g] = own.slice(0, split).reverse();
    chars[g - 1] = [...own.slice(split).reverse(), vowel!];
    g--;
  }
}

/** Hebrew presentation forms (U+FB1D-FB4F) by their canonical decomposition ("\u05D9\u05B4": U+FB1D). */
let presentationForms: Map<string, number> | undefined;

/**
 * The characters a glyph of a right-to-left run that stands for several copies as. A reader reads
 * such a run's glyphs backwards, character by character: a ligature of letters (lam-alef, "لا")
 * copies its letters in reverse, or "سلام" came back as "سالم". A letter and its mark composed
 * in one glyph (yod with hiriq, "יִ", drawn by the font as U+FB1D) copies as that one presentation
 * character, canonically the same text: pdf.js takes a glyph whose text has a mark for a
 * zero-width mark, and set the word's last letter apart from the word, in front of it.
 */
function rtlGlyphCharacters(codePoints: readonly number[]): readonly number[] {
  if (!presentationForms) {
    presentationForms = new Map();
    for (let cp = 0xfb1d; cp <= 0xfb4f; cp++) {
      const decomposed = String.fromCodePoint(cp).normalize("NFD");
      if (decomposed.length > 1) presentationForms.set(decomposed, cp);
    }
  }
  const form = presentationForms.get(String.fromCodePoint(...codePoints).normalize("NFD"));
  return form === undefined ? [...codePoints].reverse() : [form];
}

/**
 * A run that copies as `copyAs` (a bracket the layout mirrored: ")" drawn for a typed "("): its
 * glyphs copy as those characters, one each, when there are as many. Single characters: not cached.
 */
function copiedAs(run: GlyphRun, copyAs: string | undefined): GlyphRun {
  if (copyAs === undefined) return run;
  const typed = [...copyAs];
  if (typed.length !== run.glyphs.length) return run;
  return { ...run, chars: typed.map((char) => [char.codePointAt(0)!]) };
}

/** A glyph drawn as some characters, as a key: a number for one character (the usual case). */
function glyphKey(glyph: fontkit.Glyph, chars: readonly number[]): number | string {
  return chars.length === 1 ? glyph.id * 0x110000 + chars[0]! : `${glyph.id}:${chars.join(",")}`;
}

/**
 * pdfkit's `EmbeddedFont#encode` for one glyph: its subset id, the subset glyph's advance and
 * characters recorded the first time; a glyph already copying as other characters gets a
 * subset glyph of its own (typedVariant).
 */
function includeGlyph(font: EmbeddedFontInternals, glyph: fontkit.Glyph, chars: readonly number[]): number {
  const gid = font.subset.includeGlyph(glyph.id);
  const recorded = font.unicode[gid];
  if (recorded === undefined) {
    font.unicode[gid] = chars;
    font.widths[gid] = glyph.advanceWidth * font.scale;
    return gid;
  }
  return sameCodePoints(recorded, chars) ? gid : typedVariant(font, glyph.id, chars, gid);
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

/** pdfkit's embedded fonts a FaceSubsets already draws its shared subset with. */
const claimedFonts = new WeakSet<object>();

/**
 * A document's two subsets of one face (see 5. shared-subsets): the glyphs its templates' text
 * draws, shared with every document drawing the same, and its own (what only the user's values
 * draw). Runs are given first (glyphRun), the shared subset is fixed (settle), then drawn.
 */
export class FaceSubsets {
  private readonly shared: EmbeddedFontInternals;
  private readonly own: EmbeddedFontInternals;
  /** The glyphs the templates' text draws, met so far. */
  private readonly candidates = new Map<number | string, { glyph: fontkit.Glyph; chars: readonly number[] }>();
  private sharedIds: ReadonlyMap<number | string, number> | undefined;
  /** The shared subset, once settled (read by the shared-subsets check too). */
  sharedGlyphs: SharedSubset | undefined;

  /** The face registered as `name` (`doc.registerFont`) in `doc`. */
  constructor(doc: PDFKit.PDFDocument, name: string) {
    const internals = doc as unknown as DocumentInternals;
    doc.font(name);
    const first = internals._font!;
    // pdfkit gives one EmbeddedFont per font file, whatever name it is registered under: the
    // document's own subset is made as pdfkit makes its fonts (the next id) and listed for
    // embedding; so is the shared one of a second face of the same file (two faces, two subsets).
    const EmbeddedFont = first.constructor as new (
      document: unknown,
      font: fontkit.Font,
      id: string,
    ) => EmbeddedFontInternals;
    const another = (suffix: string) => {
      const font = new EmbeddedFont(doc, first.font, `F${++internals._fontCount}`);
      internals._fontFamilies[`${name}\u0000${suffix}`] = font;
      return font;
    };
    this.shared = claimedFonts.has(first) ? another("shared") : first;
    claimedFonts.add(this.shared);
    this.own = another("own");
  }

  /** pdfkit's scale of the face's units: 1000 / units per em. */
  get scale(): number {
    return this.shared.scale;
  }

  /**
   * `text` as drawn in this face, set in `direction` (the layout's, see fonts/shaping.ts);
   * `shared`: it is the templates' text, not the user's.
   */
  glyphRun(text: string, shared: boolean, direction: Direction = "ltr", copyAs?: string): GlyphRun {
    const run = copiedAs(cachedGlyphRun(this.shared.font, text, direction), copyAs);
    if (shared && this.sharedIds === undefined) {
      for (let i = 0; i < run.glyphs.length; i++) {
        const glyph = run.glyphs[i]!;
        if (glyph.id === 0) continue;
        const key = glyphKey(glyph, run.chars[i]!);
        if (!this.candidates.has(key)) this.candidates.set(key, { glyph, chars: run.chars[i]! });
      }
    }
    return run;
  }

  /** Fixes the shared subset, once every run is known and before any is drawn. */
  settle(): void {
    if (this.sharedIds !== undefined) return;
    if (this.candidates.size === 0) {
      this.sharedIds = new Map();
      return;
    }
    const subset = sharedSubset(this.shared, this.candidates);
    this.sharedGlyphs = subset;
    this.sharedIds = subset.ids;
    this.shared.widths = subset.widths;
    this.shared.unicode = subset.unicode;
    // An own property: this document's shared subset is embedded from the process's copy.
    this.shared.embed = () => embedSharedSubset(this.shared, subset);
  }

  /**
   * The subset that draws glyphs `start` to `end` (a cluster, see GlyphRun) of `run`: the shared
   * one if it has them all, else the document's own.
   */
  subsetFor(run: GlyphRun, start: number, end: number): EmbeddedFontInternals {
    const shared = this.sharedIds!;
    for (let i = start; i < end; i++) if (!shared.has(glyphKey(run.glyphs[i]!, run.chars[i]!))) return this.own;
    return this.shared;
  }

  /**
   * The TJ array (glyph ids and adjustments, as drawTextRun writes them) of `run` drawn wholly
   * from the shared subset, or undefined when it is not (a glyph of the document's own, a glyph
   * moved off its advance). Made once per run and shared subset: a batch's documents draw the
   * templates' lines again and again with the same subset, whatever size or place they are at.
   */
  sharedArray(run: GlyphRun): { font: EmbeddedFontInternals; array: string } | undefined {
    const ids = this.sharedIds!;
    let known = sharedArrays.get(run);
    if (known?.ids !== ids) sharedArrays.set(run, (known = { ids, array: tjArray(run, ids, this.shared.scale) }));
    return known.array === null ? undefined : { font: this.shared, array: known.array };
  }

  /** The id in `font` (one of this face's two subsets) that draws `glyph` copying as `chars`. */
  glyphId(font: EmbeddedFontInternals, glyph: fontkit.Glyph, chars: readonly number[]): number {
    return font === this.shared ? this.sharedIds!.get(glyphKey(glyph, chars))! : includeGlyph(this.own, glyph, chars);
  }
}

/** Per run: the shared subset it was last drawn with (its ids), and its TJ array then (null: not wholly shared). */
const sharedArrays = new WeakMap<GlyphRun, { ids: ReadonlyMap<number | string, number>; array: string | null }>();

/** The TJ array of `run` in the subset of `ids`, written as drawTextRun writes it; null if it cannot be. */
function tjArray(run: GlyphRun, ids: ReadonlyMap<number | string, number>, unitScale: number): string | null {
  let array = "";
  let glyphs = "";
  for (let i = 0; i < run.glyphs.length; i++) {
    const glyph = run.glyphs[i]!;
    const position = run.positions[i]!;
    const gid = ids.get(glyphKey(glyph, run.chars[i]!));
    if (gid === undefined || position.xOffset || position.yOffset) return null;
    glyphs += hex4(gid);
    const adjust = position.xAdvance * unitScale - glyph.advanceWidth * unitScale;
    if (adjust !== 0) {
      array = array === "" ? `<${glyphs}>` : `${array} <${glyphs}>`;
      array = `${array} ${num(-adjust)}`;
      glyphs = "";
    }
  }
  if (glyphs !== "") array = array === "" ? `<${glyphs}>` : `${array} <${glyphs}>`;
  return array;
}

/**
 * Draws `run` (from `fonts.glyphRun`) at `size`, its baseline's left end at (x, y) in the page's
 * top-down coordinates. pdfkit's page content is flipped (y down), so the text matrix flips back
 * ([1 0 0 -1 x y]) instead of a saved and restored transformation per run. Glyphs are placed as
 * pdfkit places them: advances by the TJ adjustments, a glyph moved off its advance (a combining
 * mark) by a text matrix of its own; where the run goes from one of the face's subsets to the
 * other, the font changes and the pen keeps its place.
 */
export function drawTextRun(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  size: number,
  fonts: FaceSubsets,
  run: GlyphRun,
): void {
  const pageFonts = (doc as unknown as DocumentInternals).page.fonts;
  const whole = run.glyphs.length > 0 ? fonts.sharedArray(run) : undefined;
  if (whole) {
    pageFonts[whole.font.id] ??= whole.font.ref();
    doc.addContent(`BT\n1 0 0 -1 ${num(x)} ${num(y)} Tm\n/${whole.font.id} ${num(size)} Tf\n[${whole.array}] TJ\nET`);
    return;
  }
  const scale = size / 1000;
  const unitScale = fonts.scale;
  let out = `BT\n1 0 0 -1 ${num(x)} ${num(y)} Tm`;
  let current: EmbeddedFontInternals | undefined;
  // The TJ array being written, and the glyphs since its last adjustment.
  let array = "";
  let glyphs = "";
  const part = (text: string) => {
    array = array === "" ? text : `${array} ${text}`;
  };
  const flush = () => {
    if (glyphs !== "") part(`<${glyphs}>`);
    glyphs = "";
    if (array !== "") out += `\n[${array}] TJ`;
    array = "";
  };
  let penX = x;
  let cluster = 0;
  let clusterEnd = 0;
  for (let i = 0; i < run.glyphs.length; i++) {
    if (i === clusterEnd) {
      clusterEnd = run.clusters[++cluster] ?? run.glyphs.length;
      const font = fonts.subsetFor(run, i, clusterEnd);
      if (font !== current) {
        flush();
        current = font;
        pageFonts[current.id] ??= current.ref();
        out += `\n/${current.id} ${num(size)} Tf`;
      }
    }
    const glyph = run.glyphs[i]!;
    const position = run.positions[i]!;
    const gid = fonts.glyphId(current!, glyph, run.chars[i]!);
    // In thousandths of an em, as pdfkit keeps them.
    const xAdvance = position.xAdvance * unitScale;
    if (position.xOffset || position.yOffset) {
      // A glyph off its advance: set on its own, then the pen goes back to the run's line.
      flush();
      const xOffset = position.xOffset * unitScale;
      const yOffset = position.yOffset * unitScale;
      out += `\n1 0 0 -1 ${num(penX + xOffset * scale)} ${num(y - yOffset * scale)} Tm\n[<${hex4(gid)}>] TJ`;
      penX += xAdvance * scale;
      out += `\n1 0 0 -1 ${num(penX)} ${num(y)} Tm`;
      continue;
    }
    glyphs += hex4(gid);
    const adjust = xAdvance - glyph.advanceWidth * unitScale;
    if (adjust !== 0) {
      part(`<${glyphs}>`);
      part(num(-adjust));
      glyphs = "";
    }
    penX += xAdvance * scale;
  }
  flush();
  doc.addContent(`${out}\nET`);
}

// 5. shared-subsets --------------------------------------------------------------------------

/**
 * Subsetting a font and compressing it was a third of a warm document pair's time, and a batch
 * did it again for every row, though most of each subset is the same from row to row: the glyphs
 * of the templates' own text. So a document draws each face with two subsets: the glyphs its
 * templates' text draws (the layout marks what is the user's), in glyph id order, and its own,
 * for what only the user's values draw. The first is the same for every document that draws the
 * same template glyphs, and its embedded bytes (font program, ToUnicode map) are made once per
 * process. Which glyphs are shared depends only on the document itself, never on what the process
 * made before, so a document's bytes are the same in a batch, in the web form and alone; and a
 * document holds no glyph it does not draw.
 */
interface SharedSubset {
  /** Each shared glyph's subset id, by glyphKey. */
  ids: ReadonlyMap<number | string, number>;
  /** The original glyph id of each subset glyph, in order (.notdef first). */
  glyphOrder: number[];
  /** pdfkit's #widths and #unicode for these subset glyphs (never changed once made). */
  widths: number[];
  unicode: (readonly number[] | undefined)[];
  /** The font program and ToUnicode map, compressed as pdfkit compresses them: made at first use. */
  bytes?: { fontFile: Uint8Array; toUnicode: Uint8Array };
}

/**
 * Shared subsets kept per process, cleared when full like the other caches: about 100 KB of heap
 * each for a Chinese checklist's (500 glyphs), and its compressed bytes (60-80 KB) outside the
 * heap. A 1,000-row batch mixing plans and channels made 13; every language, plan and channel
 * together make more, and a cleared cache only costs their first documents' time again.
 */
export const MAX_SHARED_SUBSETS = 24;
let sharedSubsets = new WeakMap<object, Map<string, SharedSubset>>();
let sharedSubsetCount = 0;

/** Shared subsets kept now (for the test that fills every cache to its cap). */
export function sharedSubsetCacheSize(): number {
  return sharedSubsetCount;
}

/** Forgets every shared subset (tests: the same document from a cold and a warm cache). */
export function clearSharedSubsets(): void {
  sharedSubsets = new WeakMap();
  sharedSubsetCount = 0;
}

/**
 * The shared subset of these glyphs in `font`'s face, from the process's copy or made: each glyph
 * copying as one character in glyph id order, then the others (ligatures) by key, after .notdef.
 */
function sharedSubset(
  font: EmbeddedFontInternals,
  glyphs: ReadonlyMap<number | string, { glyph: fontkit.Glyph; chars: readonly number[] }>,
): SharedSubset {
  const numbers = new Float64Array(glyphs.size);
  const others: string[] = [];
  let count = 0;
  for (const key of glyphs.keys()) {
    if (typeof key === "number") numbers[count++] = key;
    else others.push(key);
  }
  const ordered = [...numbers.subarray(0, count).sort(), ...others.sort()];
  const key = createHash("sha256")
    .update(new Uint8Array(numbers.buffer, 0, count * 8))
    .update(others.join("\n"))
    .digest("base64");
  let known = sharedSubsets.get(font.font);
  const found = known?.get(key);
  if (found) return found;

  // As pdfkit's EmbeddedFont starts: .notdef, with pdfkit's own advance and characters for it.
  const subset: SharedSubset = {
    ids: new Map(),
    glyphOrder: [0],
    widths: [font.widths[0]!],
    unicode: [font.unicode[0]],
  };
  for (const glyphKeyOf of ordered) {
    const { glyph, chars } = glyphs.get(glyphKeyOf)!;
    const gid = subset.glyphOrder.length;
    subset.glyphOrder.push(glyph.id);
    subset.widths[gid] = glyph.advanceWidth * font.scale;
    subset.unicode[gid] = chars;
    (subset.ids as Map<number | string, number>).set(glyphKeyOf, gid);
  }
  if (++sharedSubsetCount > MAX_SHARED_SUBSETS) {
    clearSharedSubsets();
    sharedSubsetCount = 1;
    known = undefined;
  }
  if (!known) sharedSubsets.set(font.font, (known = new Map()));
  known.set(key, subset);
  return subset;
}

/** A fontkit subset of `glyphOrder` (after .notdef), each glyph where the order puts it. */
function fontkitSubset(font: fontkit.Font, glyphOrder: readonly number[]): EmbeddedFontInternals["subset"] {
  const subset = (font as unknown as TTFFontInternals).createSubset() as EmbeddedFontInternals["subset"];
  const included = new Set<number>([0]);
  for (const glyphId of glyphOrder.slice(1)) {
    // A glyph copying as two sets of characters is there twice, as typedVariant puts it.
    if (included.has(glyphId)) subset.glyphs.push(glyphId);
    else {
      included.add(glyphId);
      subset.includeGlyph(glyphId);
    }
  }
  return subset;
}

/**
 * pdfkit's `EmbeddedFont#embed` for a shared subset, its bytes made the first time (a subset of
 * the face holding its glyphs in order; a glyph copying as two sets of characters is there twice,
 * as typedVariant puts it), then reused.
 */
function embedSharedSubset(font: EmbeddedFontInternals, subset: SharedSubset): void {
  if (!subset.bytes) {
    subset.bytes = {
      fontFile: deflateSync(fontkitSubset(font.font, subset.glyphOrder).encode()),
      toUnicode: deflateSync(Buffer.from(`${toUnicodeText(subset.unicode)}\n`, "latin1")),
    };
  }
  writeFontObjects(font, subset.bytes);
}

/** A stream object of already compressed bytes, its dictionary in the order pdfkit writes it. */
function compressedStream(font: EmbeddedFontInternals, bytes: Uint8Array, data: Record<string, unknown> = {}) {
  const ref = font.document.ref(data);
  ref.compress = false;
  ref.write(bytes);
  ref.data["Filter"] = "FlateDecode";
  ref.end();
  return ref;
}

/** pdfkit's ToUnicode map text (`EmbeddedFont#toUnicodeCmap`), for the subset glyphs' characters. */
function toUnicodeText(unicode: readonly (readonly number[] | undefined)[]): string {
  const hex = (n: number) => `0000${n.toString(16)}`.slice(-4);
  const entries = unicode.map((codePoints) => {
    const encoded: string[] = [];
    for (let value of codePoints ?? []) {
      if (value > 0xffff) {
        value -= 0x10000;
        encoded.push(hex(((value >>> 10) & 0x3ff) | 0xd800));
        value = 0xdc00 | (value & 0x3ff);
      }
      encoded.push(hex(value));
    }
    return `<${encoded.join(" ")}>`;
  });
  const ranges: string[] = [];
  for (let start = 0; start < entries.length; start += 256) {
    const end = Math.min(start + 256, entries.length);
    ranges.push(`<${hex(start)}> <${hex(end - 1)}> [${entries.slice(start, end).join(" ")}]`);
  }
  return `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${ranges.length} beginbfrange
${ranges.join("\n")}
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
}

/** The objects pdfkit's `EmbeddedFont#embed` writes, in its order, with the given streams. */
function writeFontObjects(font: EmbeddedFontInternals, bytes: { fontFile: Uint8Array; toUnicode: Uint8Array }): void {
  const doc = font.document;
  const fontkitFont = font.font as unknown as FontTables;
  const isCFF = font.subset.cff != null;
  const fontFile = compressedStream(font, bytes.fontFile, isCFF ? { Subtype: "CIDFontType0C" } : {});
  const familyClass = (fontkitFont["OS/2"]?.sFamilyClass || 0) >> 8;
  let flags = 0;
  if (fontkitFont.post.isFixedPitch) flags |= 1 << 0;
  if (1 <= familyClass && familyClass <= 7) flags |= 1 << 1;
  flags |= 1 << 2;
  if (familyClass === 10) flags |= 1 << 3;
  if (fontkitFont.head.macStyle.italic) flags |= 1 << 6;
  const tag = [1, 2, 3, 4, 5, 6].map((i) => String.fromCharCode((font.id.charCodeAt(i) || 73) + 17)).join("");
  const name = `${tag}+${font.font.postscriptName?.replaceAll(" ", "_")}`;
  const { bbox } = fontkitFont;
  const descriptor = doc.ref({
    Type: "FontDescriptor",
    FontName: name,
    Flags: flags,
    FontBBox: [bbox.minX * font.scale, bbox.minY * font.scale, bbox.maxX * font.scale, bbox.maxY * font.scale],
    ItalicAngle: fontkitFont.italicAngle,
    Ascent: font.ascender,
    Descent: font.descender,
    CapHeight: (fontkitFont.capHeight || fontkitFont.ascent) * font.scale,
    XHeight: (fontkitFont.xHeight || 0) * font.scale,
    StemV: 0,
  });
  descriptor.data[isCFF ? "FontFile3" : "FontFile2"] = fontFile;
  // PDF/A-1 only (pdfkit's `subset` 1): the set of glyphs present.
  if (doc.subset === 1) {
    const maxCID = font.widths.length - 1;
    const cidSet = new Uint8Array(Math.ceil((maxCID + 1) / 8));
    for (let cid = 0; cid <= maxCID; cid++)
      if (font.widths[cid] != null) cidSet[Math.floor(cid / 8)]! |= 0x80 >> (cid % 8);
    const cidSetRef = doc.ref();
    cidSetRef.write(cidSet);
    cidSetRef.end();
    descriptor.data["CIDSet"] = cidSetRef;
  }
  descriptor.end();
  const descendantFont = doc.ref({
    Type: "Font",
    Subtype: isCFF ? "CIDFontType0" : "CIDFontType2",
    BaseFont: name,
    CIDSystemInfo: { Registry: new String("Adobe"), Ordering: new String("Identity"), Supplement: 0 },
    FontDescriptor: descriptor,
    W: [0, font.widths],
    ...(isCFF ? {} : { CIDToGIDMap: "Identity" }),
  });
  descendantFont.end();
  font.dictionary.data = {
    Type: "Font",
    Subtype: "Type0",
    BaseFont: name,
    Encoding: "Identity-H",
    DescendantFonts: [descendantFont],
    ToUnicode: compressedStream(font, bytes.toUnicode),
  };
  font.dictionary.end();
}

// The checks -------------------------------------------------------------------------------

/** For the shared-subsets check: the shared subset embedded by pdfkit's own `embed`, as pdfkit would. */
function embedWithPdfkit(fonts: FaceSubsets): void {
  const { shared } = fonts as unknown as { shared: EmbeddedFontInternals };
  const { sharedGlyphs } = fonts;
  if (!sharedGlyphs) return;
  shared.subset = fontkitSubset(shared.font, sharedGlyphs.glyphOrder);
  delete (shared as Partial<EmbeddedFontInternals>).embed;
}

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
      "pdfkit PDFDocument#_font (an EmbeddedFont with #font, #id, #ref(), #subset.includeGlyph/#glyphs, #unicode, #widths, #scale, constructed as (document, font, id)), #_fontCount, #_fontFamilies and #page.fonts",
    problem({ pdfkit, font }) {
      const doc = new pdfkit({ autoFirstPage: false, font: null } as unknown as PDFKit.PDFDocumentOptions);
      doc.addPage();
      doc.registerFont("probe", font as unknown as Buffer);
      doc.font("probe");
      const internals = doc as unknown as DocumentInternals;
      const embedded = internals._font;
      if (!embedded || embedded.font !== font) return "PDFDocument#_font is not the EmbeddedFont of the font given";
      if (typeof embedded.id !== "string" || !isFunction(embedded.ref)) return "EmbeddedFont#id or #ref is gone";
      if (typeof internals.page?.fonts !== "object") return "PDFPage#fonts is not an object";
      if (typeof internals._fontCount !== "number" || typeof internals._fontFamilies !== "object")
        return "PDFDocument#_fontCount or #_fontFamilies is gone";
      if (!Object.values(internals._fontFamilies).includes(embedded))
        return "PDFDocument#_fontFamilies no longer lists the fonts made";
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
      const EmbeddedFont = embedded.constructor as new (
        document: unknown,
        font: fontkit.Font,
        id: string,
      ) => {
        document?: unknown;
        font?: unknown;
        id?: unknown;
      };
      const made = new EmbeddedFont(doc, font, "F9");
      return made.document === doc && made.font === font && made.id === "F9"
        ? undefined
        : "EmbeddedFont is no longer constructed as (document, font, id)";
    },
  },
  {
    name: "shared-subsets",
    relies:
      "pdfkit EmbeddedFont#embed (the font file, descriptor, CID font with W and Type0 font with ToUnicode it writes), #toUnicodeCmap, #dictionary, #document, PDFReference#compress/#data/#write/#end",
    problem({ pdfkit, font }) {
      // A document drawing a shared subset, embedded by pdfkit's own embed, then by the patch's
      // (cold and warm): the files must be the same bytes.
      const render = (embed: "pdfkit" | "patch") => {
        const doc = new pdfkit({
          autoFirstPage: false,
          font: null,
          info: { CreationDate: new Date(0), ModDate: new Date(0) },
        } as unknown as PDFKit.PDFDocumentOptions);
        doc.addPage();
        doc.registerFont("probe", font as unknown as Buffer);
        const fonts = new FaceSubsets(doc, "probe");
        const runs = [fonts.glyphRun("Shared ffi ⽂文 text", true), fonts.glyphRun("own: Zq 文 ⽂", false)];
        fonts.settle();
        if (embed === "pdfkit") embedWithPdfkit(fonts);
        for (const [i, run] of runs.entries()) drawTextRun(doc, 10, 20 + 20 * i, 12, fonts, run);
        doc.end();
        // The whole file, read at once: pdfkit's stream emits its data only on a later tick.
        const chunks: Buffer[] = [];
        for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null)
          chunks.push(chunk);
        const file = Buffer.concat(chunks);
        if (!file.includes("FontFile2")) throw new Error("the probe document embedded no font");
        return file;
      };
      clearSharedSubsets();
      const byPdfkit = render("pdfkit");
      clearSharedSubsets();
      const cold = render("patch");
      const warm = render("patch");
      if (!byPdfkit.equals(cold)) return "the shared subset's objects differ from those EmbeddedFont#embed writes";
      return cold.equals(warm) ? undefined : "a shared subset embedded from the process's copy differs from the first";
    },
  },
  {
    name: "glyph-characters",
    relies:
      "fontkit TTFFont#getGlyph(id, characters) keeping one glyph per id; glyph classes constructed as (id, codePoints, font)",
    problem({ font }) {
      const owner = getGlyphOwner(font);
      if (!owner || !isFunction(owner.getGlyph)) return "TTFFont#getGlyph is gone";
      keepGlyphCharacters(font);
      // U+6587 文 and U+2F42 ⽂ share a glyph in Noto Sans SC: each use keeps its own characters.
      const id = font.glyphForCodePoint(0x6587).id;
      if (font.glyphForCodePoint(0x2f42).id !== id) return "the probe font no longer draws U+2F42 and U+6587 alike";
      const first = (font as unknown as GetGlyphOwner).getGlyph(id, [0x6587]);
      const second = (font as unknown as GetGlyphOwner).getGlyph(id, [0x2f42]);
      if (!first || !second) return "TTFFont#getGlyph returned no glyph";
      if (String(first.codePoints) !== String([0x6587]) && String(first.codePoints) !== String([0x2f42]))
        return "Glyph#codePoints no longer holds the characters given";
      return String(second.codePoints) === String([0x2f42]) && (second as unknown as { id: number }).id === id
        ? undefined
        : "a glyph made for other characters does not keep them (Glyph's constructor changed?)";
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
