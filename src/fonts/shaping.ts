/**
 * Text shaped once per process: the glyphs and positions fontkit gives a piece of text in a font,
 * kept for the layout (which measures with them) and for the renderer (which draws with them:
 * see the shared-shaping patch in adapters/pdfkit-fontkit.ts), so no piece is shaped twice.
 * Bounded: cleared when full, so a long batch never grows without limit.
 *
 * The command line's bundle also carries the bundled templates' pieces already shaped at build
 * time, by fontkit itself, for the exact bundled font files (prebuilt-shaping.ts): shaping a cold
 * start's five hundred pieces in not yet optimised code was a third of its time. Only text fontkit
 * has shaped is ever used: tests compare every prebuilt run with fontkit's own, and with
 * SIM_CANCEL_VERIFY_SHAPING=1 every run taken from the table is checked against fontkit as it is used.
 */
import type * as fontkit from "fontkit";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PREBUILT_SHAPING, type PrebuiltRun } from "./prebuilt-shaping.js";
import { PROJECT_ROOT } from "../paths.js";

/** Where the build writes the prebuilt runs' files. */
export const PREBUILT_SHAPING_DIR = join(PROJECT_ROOT, "dist", "fonts", "prebuilt-shaping");

/** A piece of text shaped in one font: positions in font units, as fontkit gives them. */
export interface ShapedRun {
  readonly glyphs: readonly fontkit.Glyph[];
  readonly positions: readonly fontkit.GlyphPosition[];
  /** The sum of the positions' advances, in font units. */
  readonly advanceWidth: number;
}

/**
 * Runs kept per process, then the cache starts again. A run fontkit shaped costs about 1.7 KB of
 * heap and a batch row adds a dozen runs of its own (names, numbers, addresses), so this bounds the
 * cache near 9 MB, which a worker's 64 MB heap holds beside a document (src/worker-limits.ts). One
 * pair of documents needs some 600 runs, and those of the bundled templates come back from the
 * prebuilt table after a clear.
 */
export const MAX_RUNS = 5_000;
/** Runs by font, then text: left-to-right runs and right-to-left ones apart. */
let runs = new WeakMap<fontkit.Font, Map<string, ShapedRun>>();
let rtlRuns = new WeakMap<fontkit.Font, Map<string, ShapedRun>>();
let count = 0;

/**
 * The way a piece of text is set, as the layout resolved it (UAX #9): right to left for a piece at
 * an odd bidi level (see layout/lines.ts), left to right for every other. Never fontkit's guess:
 * given no direction, fontkit takes the default one of the first script it meets in the piece, so
 * "‴۰" (U+06F0 is an Arabic-script digit of bidi class EN, set left to right after Latin or Chinese
 * text) came out reversed and copied as "۰‴".
 */
export type Direction = "ltr" | "rtl";

interface FontInternals {
  head: { checkSumAdjustment: number };
  getGlyph(id: number, codePoints?: readonly number[]): fontkit.Glyph;
}

/**
 * What identifies a font file for the prebuilt table: its PostScript name, glyph count and
 * whole-file checksum (head.checkSumAdjustment), all read from tables a document reads anyway.
 */
export function fontKey(font: fontkit.Font): string {
  return `${font.postscriptName}|${font.numGlyphs}|${(font as unknown as FontInternals).head.checkSumAdjustment}`;
}

/** Each font's prebuilt runs, found once (undefined: none for this font file). */
const prebuiltFor = new WeakMap<fontkit.Font, ReadonlyMap<string, PrebuiltRun> | null>();

function prebuiltRuns(font: fontkit.Font): ReadonlyMap<string, PrebuiltRun> | null {
  let table = prebuiltFor.get(font);
  if (table === undefined) {
    const key = PREBUILT_SHAPING.size > 0 ? fontKey(font) : undefined;
    const file = key === undefined ? undefined : PREBUILT_SHAPING.get(key);
    table = file === undefined ? null : readPrebuilt(file, key!);
    prebuiltFor.set(font, table);
  }
  return table;
}

/** The prebuilt runs of a file: { key, runs: [text, run][] }. */
export interface PrebuiltFile {
  key: string;
  runs: [string, PrebuiltRun][];
}

/**
 * A table of prebuilt runs, if it is the one made for this very font file; none (null) when it
 * cannot be read or was made for another: fontkit then shapes everything, as without a table.
 */
function readPrebuilt(file: string, key: string): ReadonlyMap<string, PrebuiltRun> | null {
  try {
    const prebuilt = JSON.parse(readFileSync(join(PREBUILT_SHAPING_DIR, file), "utf8")) as PrebuiltFile;
    return prebuilt.key === key ? new Map(prebuilt.runs) : null;
  } catch {
    return null;
  }
}

/**
 * A prebuilt run as fontkit's: its glyphs (fontkit's own objects, made as its layout makes them:
 * the character map's glyph for each character, unless the run names others) and positions.
 */
export function fromPrebuilt(font: fontkit.Font, text: string, prebuilt: PrebuiltRun): ShapedRun {
  const internals = font as unknown as FontInternals;
  const glyphs = prebuilt.ids
    ? prebuilt.ids.map((id, i) => internals.getGlyph(id, prebuilt.codePoints![i]!))
    : Array.from(text, (char) => font.glyphForCodePoint(char.codePointAt(0)!));
  let advanceWidth = 0;
  const positions = glyphs.map((glyph, i) => {
    const xAdvance = glyph.advanceWidth + (prebuilt.dx?.[i] ?? 0);
    advanceWidth += xAdvance;
    return {
      xAdvance,
      yAdvance: 0,
      xOffset: prebuilt.offsets?.[i]?.[0] ?? 0,
      yOffset: prebuilt.offsets?.[i]?.[1] ?? 0,
    };
  });
  return { glyphs, positions, advanceWidth };
}

/** fontkit's own shaping of `text` set in `direction`, in the form the cache keeps. */
export function shapeLive(font: fontkit.Font, text: string, direction: Direction = "ltr"): ShapedRun {
  const shaped = font.layout(text, undefined, undefined, undefined, direction);
  return { glyphs: shaped.glyphs, positions: shaped.positions, advanceWidth: shaped.advanceWidth };
}

/** Where two shapings of one text differ, or undefined when they give the same glyphs and positions. */
export function shapingDifference(a: ShapedRun, b: ShapedRun): string | undefined {
  if (a.glyphs.length !== b.glyphs.length) return `${a.glyphs.length} glyphs against ${b.glyphs.length}`;
  for (let i = 0; i < a.glyphs.length; i++) {
    const [ga, gb, pa, pb] = [a.glyphs[i]!, b.glyphs[i]!, a.positions[i]!, b.positions[i]!];
    if (ga.id !== gb.id) return `glyph ${i}: id ${ga.id} against ${gb.id}`;
    if (String(ga.codePoints) !== String(gb.codePoints))
      return `glyph ${i}: code points ${ga.codePoints} against ${gb.codePoints}`;
    if (
      pa.xAdvance !== pb.xAdvance ||
      pa.yAdvance !== pb.yAdvance ||
      pa.xOffset !== pb.xOffset ||
      pa.yOffset !== pb.yOffset
    ) {
      return `glyph ${i}: position ${JSON.stringify(pa)} against ${JSON.stringify(pb)}`;
    }
  }
  return undefined;
}

const VERIFY = process.env["SIM_CANCEL_VERIFY_SHAPING"] === "1";

/**
 * Called with every left-to-right piece shaped, when set (the build collects the bundled
 * templates' pieces with it; the prebuilt table holds left-to-right runs only).
 */
let recorder: ((font: fontkit.Font, text: string) => void) | undefined;

export function recordShaping(callback: ((font: fontkit.Font, text: string) => void) | undefined): void {
  recorder = callback;
}

/** Runs in the cache now (for the test that fills every cache to its cap). */
export function shapingCacheSize(): number {
  return count;
}

/** `text` shaped in `font` with fontkit's default features, set in `direction`. */
export function shapeText(font: fontkit.Font, text: string, direction: Direction = "ltr"): ShapedRun {
  return direction === "rtl" ? shapeRtl(font, text) : shapeLtr(font, text);
}

function shapeLtr(font: fontkit.Font, text: string): ShapedRun {
  let known = runs.get(font);
  if (!known) runs.set(font, (known = new Map()));
  let run = known.get(text);
  if (!run) {
    recorder?.(font, text);
    const prebuilt = prebuiltRuns(font)?.get(text);
    run = prebuilt ? fromPrebuilt(font, text, prebuilt) : shapeLive(font, text);
    if (prebuilt && VERIFY) {
      const difference = shapingDifference(run, shapeLive(font, text));
      if (difference)
        throw new Error(
          `the prebuilt shaping of ${JSON.stringify(text)} in ${font.postscriptName} differs from fontkit's: ${difference}`,
        );
    }
    if (countRun()) runs.set(font, (known = new Map()));
    known.set(text, run);
  }
  return run;
}

/** Right-to-left pieces: only the user's Hebrew, Arabic and the like, never in the prebuilt table. */
function shapeRtl(font: fontkit.Font, text: string): ShapedRun {
  let known = rtlRuns.get(font);
  if (!known) rtlRuns.set(font, (known = new Map()));
  let run = known.get(text);
  if (!run) {
    run = shapeLive(font, text, "rtl");
    if (countRun()) rtlRuns.set(font, (known = new Map()));
    known.set(text, run);
  }
  return run;
}

/** Counts a run added; true when the cache was full and has been cleared (both directions). */
function countRun(): boolean {
  if (++count <= MAX_RUNS) return false;
  runs = new WeakMap();
  rtlRuns = new WeakMap();
  count = 1;
  return true;
}
