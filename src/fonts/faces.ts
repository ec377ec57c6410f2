/**
 * Font faces: a parsed font file plus the name the renderer registers it under.
 * Font files are read and parsed once per process and shared by every document.
 */
import { readFileSync, type Stats, statSync } from "node:fs";
import { formatBytes } from "../input/read.js";
import { basename } from "node:path";
import * as fontkit from "fontkit";
import { FontError } from "../errors.js";
import { bundledFontFile, type BundledFamily, type Weight } from "./bundled.js";
import { keepGlyphCharacters, readGlyphsOnDemand } from "../adapters/pdfkit-fontkit.js";
import { openTrueTypeOnDemand, type GlyphTable } from "./on-demand.js";

export interface FontFace {
  /** Unique name, used as the pdfkit font name and in PageLayout text items. */
  readonly name: string;
  /** Where the face came from, for messages. */
  readonly file: string;
  /** For a collection (TTC), the face's PostScript name. */
  readonly faceName?: string;
  /** The parsed font, shared by the layout (metrics) and pdfkit (embedding). */
  readonly font: fontkit.Font;
}

export { FontError };

/**
 * A face read from disk on first use: a CJK font is 7–10 MB, and fallback faces are often never
 * needed, so reading them only when a glyph is looked up keeps start-up fast.
 */
class LazyFace implements FontFace {
  private loaded?: fontkit.Font;

  constructor(
    readonly name: string,
    readonly file: string,
    readonly faceName?: string,
  ) {}

  get font(): fontkit.Font {
    return this.load();
  }

  /** Reads and parses now, so a broken font file of the user's is reported before any work is done. */
  load(): fontkit.Font {
    this.loaded ??= parseFace(this.file, this.faceName);
    return this.loaded;
  }
}

/**
 * Font files whose bytes another thread already read, shared without copying (a batch's workers
 * get the bundled fonts from the main thread in SharedArrayBuffers: 10 MB per face, per worker).
 */
const sharedBytes = new Map<string, Buffer>();

export function useSharedFontBytes(files: Readonly<Record<string, SharedArrayBuffer>>): void {
  for (const [file, bytes] of Object.entries(files)) sharedBytes.set(file, Buffer.from(bytes));
}

/** The largest font file read: CJK collections are 20-40 MB; anything far beyond is not a font. */
export const MAX_FONT_BYTES = 128 * 1024 * 1024;

/** A user's font file must be a regular file of a sane size: a font given as /dev/zero must not be read forever. */
function checkFontFile(file: string): void {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      throw new FontError([{ code: "font.missing", option: "fonts", params: { file } }]);
    throw new FontError([
      { code: "font.unreadable", option: "fonts", params: { file, reason: code ?? (error as Error).message } },
    ]);
  }
  if (!stats.isFile()) {
    const kind = stats.isDirectory()
      ? "folder"
      : stats.isFIFO()
        ? "pipe"
        : stats.isCharacterDevice() || stats.isBlockDevice()
          ? "device"
          : "special";
    throw new FontError([{ code: "font.notAFile", option: "fonts", params: { file, kind } }]);
  }
  if (stats.size > MAX_FONT_BYTES)
    throw new FontError([
      {
        code: "font.tooLarge",
        option: "fonts",
        params: { file, size: formatBytes(stats.size), max: formatBytes(MAX_FONT_BYTES) },
      },
    ]);
}

/**
 * fontkit reads tables lazily, so a truncated or damaged file parses "fine" and fails later, deep
 * inside the layout, with a message about undefined properties. Reading what every document needs
 * (metrics, the character map, one glyph) now turns that into a problem naming the file.
 */
function checkStructure(font: fontkit.Font, file: string): void {
  try {
    if (!(font.unitsPerEm > 0) || !(font.numGlyphs > 0)) throw new Error("no glyphs or no units per em");
    const glyph = font.glyphForCodePoint(0x20);
    if (!Number.isFinite(glyph.advanceWidth)) throw new Error("glyph metrics cannot be read");
  } catch (error) {
    throw new FontError([
      { code: "font.notAFont", option: "fonts", params: { file, detail: (error as Error).message } },
    ]);
  }
}

function parseFace(file: string, faceName?: string): fontkit.Font {
  let bytes: Buffer;
  let onDemand: GlyphTable | undefined;
  if (!sharedBytes.has(file)) checkFontFile(file);
  try {
    // A plain TrueType file is read on demand (see on-demand.ts); shared bytes are already read.
    onDemand = sharedBytes.has(file) ? undefined : openTrueTypeOnDemand(file);
    bytes = sharedBytes.get(file) ?? onDemand?.file.bytes ?? readFileSync(file);
  } catch (error) {
    throw new FontError([
      {
        code: "font.unreadable",
        option: "fonts",
        params: { file, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message },
      },
    ]);
  }
  let parsed: fontkit.Font | fontkit.FontCollection;
  try {
    parsed = fontkit.create(bytes, faceName);
  } catch (error) {
    onDemand?.file.close();
    throw new FontError([
      { code: "font.notAFont", option: "fonts", params: { file, detail: (error as Error).message } },
    ]);
  }
  if ("fonts" in parsed) {
    const faces = parsed.fonts.map((f) => f.postscriptName).join(", ");
    throw new FontError([
      faceName
        ? { code: "font.noSuchFace", option: "fonts", params: { file, face: faceName, faces } }
        : { code: "font.collectionNeedsFace", option: "fonts", params: { file, faces } },
    ]);
  }
  // A fontkit whose glyph class we do not know gets the whole file, as it always did.
  if (onDemand && !readGlyphsOnDemand(parsed, onDemand)) onDemand.file.ensure(0, bytes.length);
  keepGlyphCharacters(parsed);
  checkStructure(parsed, file);
  return parsed;
}

/** Faces are shared by every document of the process: each file is read and parsed once. */
const cache = new Map<string, LazyFace>();

/**
 * A TTF, OTF or a face of a TTC collection. Collections need a face name, because picking the
 * first face silently would be a guess. `eager` checks the file at once (user-given fonts).
 */
export function loadFace(file: string, faceName?: string, eager = false): FontFace {
  const key = `${file}#${faceName ?? ""}`;
  let face = cache.get(key);
  if (!face) {
    face = new LazyFace(`F${cache.size + 1}-${basename(file).replace(/\.\w+$/, "")}`, file, faceName);
    cache.set(key, face);
  }
  if (eager) face.load();
  return face;
}

/** A bundled face, parsed on first use like any other. */
export function loadBundledFace(family: BundledFamily, weight: Weight): FontFace {
  return loadFace(bundledFontFile(family, weight));
}
