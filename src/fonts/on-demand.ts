/**
 * TrueType font files read on demand. A bundled CJK face is a 10.3 MB file of which 9.9 MB are
 * glyph outlines (the glyf table: 30,898 of them), and a document pair draws a few hundred.
 * Reading whole files took 30 ms per face on a cold start, most of it the kernel handing out fresh
 * memory pages. Here the file's bytes go into a zero-filled buffer of the file's size (pages that
 * are never written cost neither time nor memory): every table but glyf at once, and each glyph's
 * outline the first time fontkit reads it (see adapters/pdfkit-fontkit.ts). fontkit sees an ordinary buffer.
 *
 * Only plain TrueType files qualify (no collection, no CFF, colour or variation tables, whose
 * readers take other paths); any other file is read whole. The file stays open for the life of
 * the process, which is how a replaced file (npm update) keeps giving the old bytes on Unix.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

const PAGE = 4096;
/** Tables whose glyph readers the adapter (adapters/pdfkit-fontkit.ts) does not cover: such fonts are read whole. */
const OTHER_GLYPH_TABLES = ["CFF ", "CFF2", "COLR", "SVG ", "sbix", "fvar", "gvar", "CBDT", "EBDT"];

/** A file's bytes, filled in as they are asked for. */
export class OnDemandFile {
  /** One flag per 4 KB page of the file: read yet or not. */
  private readonly loaded: Uint8Array;
  /** How many bytes of the file have been read so far. */
  bytesRead = 0;

  private constructor(
    private readonly fd: number,
    readonly bytes: Buffer,
  ) {
    this.loaded = new Uint8Array(Math.ceil(bytes.length / PAGE));
  }

  static open(file: string): OnDemandFile {
    const fd = openSync(file, "r");
    try {
      return new OnDemandFile(fd, Buffer.alloc(fstatSync(fd).size));
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** Makes bytes [start, end) of the file present, reading the missing pages in as few reads as possible. */
  ensure(start: number, end: number): void {
    const last = Math.min(Math.ceil(end / PAGE), this.loaded.length);
    for (let page = Math.floor(start / PAGE); page < last; page++) {
      if (this.loaded[page]) continue;
      let stop = page;
      while (stop < last && !this.loaded[stop]) stop++;
      const from = page * PAGE;
      const length = Math.min(stop * PAGE, this.bytes.length) - from;
      for (let done = 0; done < length; ) {
        const read = readSync(this.fd, this.bytes, from + done, length - done, from + done);
        if (read === 0) throw new Error("the font file is shorter than when it was opened");
        done += read;
      }
      // Marked only once read: after a failed read the pages are tried again, never taken as zeros.
      this.loaded.fill(1, page, stop);
      this.bytesRead += length;
      page = stop - 1;
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** A TrueType file read on demand, and where its glyph outlines (the glyf table) begin. */
export interface GlyphTable {
  readonly file: OnDemandFile;
  readonly glyfOffset: number;
}

/** A glyph's header (numberOfContours and its bounding box), which fontkit reads even for an empty glyph. */
const GLYPH_HEADER = 10;

/**
 * Makes the bytes of a glyph present, given its offsets in glyf (from loca, as fontkit reads
 * them): its outline, and always at least a header's worth, since fontkit's metrics read a header
 * there even when the glyph is empty (the bytes of the next glyph, as with a whole file).
 */
export function ensureGlyph(table: GlyphTable, start: number, end: number): void {
  table.file.ensure(table.glyfOffset + start, table.glyfOffset + Math.max(end, start + GLYPH_HEADER));
}

/**
 * Opens a plain TrueType file on demand: its header, table directory and every table but glyf
 * read now. Undefined (file closed) when the file is anything else or looks inconsistent, so the
 * caller reads it whole and lets fontkit judge it.
 */
export function openTrueTypeOnDemand(path: string): GlyphTable | undefined {
  const file = OnDemandFile.open(path);
  const bytes = file.bytes;
  const tables = new Map<string, { offset: number; length: number }>();
  try {
    file.ensure(0, 12);
    if (bytes.length < 12 || ![0x00010000, 0x74727565 /* "true" */].includes(bytes.readUInt32BE(0)))
      throw new Error("not a TrueType file");
    const count = bytes.readUInt16BE(4);
    file.ensure(12, 12 + 16 * count);
    for (let i = 0; i < count; i++) {
      const record = 12 + 16 * i;
      const offset = bytes.readUInt32BE(record + 8);
      const length = bytes.readUInt32BE(record + 12);
      if (offset + length > bytes.length) throw new Error("a table lies beyond the end of the file");
      tables.set(bytes.toString("latin1", record, record + 4), { offset, length });
    }
    const glyf = tables.get("glyf");
    if (!glyf || !tables.has("loca") || OTHER_GLYPH_TABLES.some((tag) => tables.has(tag)))
      throw new Error("not a plain TrueType font");
    for (const [tag, { offset, length }] of tables) if (tag !== "glyf") file.ensure(offset, offset + length);
    return { file, glyfOffset: glyf.offset };
  } catch {
    file.close();
    return undefined;
  }
}
