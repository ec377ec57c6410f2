/**
 * Fonts read on demand must give fontkit exactly the bytes it reads: the same outlines, metrics
 * and subsets as the whole file, while most of the file is never read.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { readGlyphsOnDemand, speedUpSubsetting } from "../../src/adapters/pdfkit-fontkit.js";
import { OnDemandFile, openTrueTypeOnDemand, type GlyphTable } from "../../src/fonts/on-demand.js";
import { ROOT, tempDir } from "../support/cli.js";

const require = createRequire(import.meta.url);
const NOTO_SC = require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf");
const NOTO_TC_BOLD = require.resolve("@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf");
// A font with composite glyphs (accented letters built from components), as users pass with --font.
const DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const NOTO_CJK_TTC = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const TEXT = "注销手机号码检查余额 Résiliation n° 76 12 34 éèàçôÉÀ «»：；！？ 臺灣繁體";

type Subset = { includeGlyph(gid: number): number; encode(): Uint8Array };
type InternalFont = fontkit.Font & {
  createSubset(): Subset;
  glyphsForString(text: string): { id: number }[];
  getGlyph(gid: number): fontkit.Glyph & {
    path: { toSVG(): string };
    cbox: object;
    _getMetrics(): object;
    _decode(): { numberOfContours: number } | null;
  };
};

function openOnDemand(file: string): { font: InternalFont; table: GlyphTable } {
  const table = openTrueTypeOnDemand(file);
  if (!table) throw new Error(`${file} was not opened on demand`);
  const font = fontkit.create(table.file.bytes) as InternalFont;
  expect(readGlyphsOnDemand(font, table)).toBe(true);
  return { font, table };
}

function subsetBytes(font: InternalFont, gids: number[]): Buffer {
  speedUpSubsetting(font);
  const subset = font.createSubset();
  for (const gid of gids) subset.includeGlyph(gid);
  return Buffer.from(subset.encode());
}

/** Outlines, metrics and subset of TEXT's glyphs, from the whole file and on demand. */
function compare(file: string): { table: GlyphTable; kinds: Set<string> } {
  const whole = fontkit.create(readFileSync(file)) as InternalFont;
  const { font, table } = openOnDemand(file);
  const gids = [...new Set(whole.glyphsForString(TEXT).map((g) => g.id))];
  // Outlines first, in a font nothing else has read yet: the path reader must load its glyph itself.
  const outlinesFirst = openOnDemand(file).font;
  for (const gid of gids) expect(outlinesFirst.getGlyph(gid).path.toSVG()).toBe(whole.getGlyph(gid).path.toSVG());
  for (const gid of gids) {
    // fontkit reads a header even for an empty glyph (the next glyph's bytes): the same ones.
    expect(font.getGlyph(gid).cbox).toEqual(whole.getGlyph(gid).cbox);
    expect(font.getGlyph(gid).advanceWidth).toBe(whole.getGlyph(gid).advanceWidth);
    expect(font.getGlyph(gid)._getMetrics()).toEqual(whole.getGlyph(gid)._getMetrics());
    expect(font.getGlyph(gid).path.toSVG()).toBe(whole.getGlyph(gid).path.toSVG());
  }
  const fresh = openOnDemand(file).font; // subsetting first, before any outline was asked for
  expect(subsetBytes(fresh, gids).equals(subsetBytes(whole, gids))).toBe(true);
  const kinds = new Set(
    gids.map((gid) => {
      const header = whole.getGlyph(gid)._decode();
      return header === null ? "empty" : header.numberOfContours < 0 ? "composite" : "simple";
    }),
  );
  return { table, kinds };
}

describe("a file read on demand", () => {
  it("holds the file's bytes where they were asked for, whole pages at a time, and zeros elsewhere", async () => {
    const file = join(await tempDir(), "random.bin");
    const content = randomBytes(5 * 4096 + 100);
    writeFileSync(file, content);
    const onDemand = OnDemandFile.open(file);
    try {
      expect(onDemand.bytes.length).toBe(content.length);
      expect(onDemand.bytes.every((b) => b === 0)).toBe(true);
      onDemand.ensure(5000, 5010); // page 1
      onDemand.ensure(4 * 4096 + 10, 6 * 4096); // pages 4 and 5 (the short last one)
      expect(onDemand.bytesRead).toBe(4096 + 4096 + 100);
      const present = (from: number, to: number) =>
        onDemand.bytes.subarray(from, to).equals(content.subarray(from, to));
      expect(present(4096, 8192)).toBe(true);
      expect(present(4 * 4096, content.length)).toBe(true);
      expect(onDemand.bytes.subarray(0, 4096).every((b) => b === 0)).toBe(true);
      expect(onDemand.bytes.subarray(8192, 4 * 4096).every((b) => b === 0)).toBe(true);
      onDemand.ensure(0, content.length); // the rest, and nothing twice
      expect(onDemand.bytesRead).toBe(content.length);
      expect(onDemand.bytes.equals(content)).toBe(true);
    } finally {
      onDemand.close();
    }
  });

  it("reads pages again after a failed read rather than taking them for zeros", async () => {
    const file = join(await tempDir(), "shrinking.bin");
    const content = randomBytes(3 * 4096);
    writeFileSync(file, content);
    const onDemand = OnDemandFile.open(file);
    try {
      writeFileSync(file, content.subarray(0, 4096)); // the file shrinks under us
      expect(() => onDemand.ensure(2 * 4096, 3 * 4096)).toThrow(/shorter than when it was opened/);
      writeFileSync(file, content); // and comes back
      onDemand.ensure(2 * 4096, 3 * 4096);
      expect(onDemand.bytes.subarray(2 * 4096).equals(content.subarray(2 * 4096))).toBe(true);
    } finally {
      onDemand.close();
    }
  });

  it("is not used for files that are not plain TrueType fonts", async () => {
    expect(openTrueTypeOnDemand(join(ROOT, "package.json"))).toBeUndefined();
    const truncated = join(await tempDir(), "truncated.ttf");
    writeFileSync(truncated, readFileSync(NOTO_SC).subarray(0, 2000));
    expect(openTrueTypeOnDemand(truncated)).toBeUndefined();
    if (existsSync(NOTO_CJK_TTC)) expect(openTrueTypeOnDemand(NOTO_CJK_TTC)).toBeUndefined();
  });
});

describe("fonts read on demand", () => {
  it("give the bundled fonts' outlines, metrics and subsets byte for byte, reading a small part of them", () => {
    for (const file of [NOTO_SC, NOTO_TC_BOLD]) {
      const { table, kinds } = compare(file);
      expect([...kinds].sort()).toEqual(["empty", "simple"]);
      expect(table.file.bytesRead).toBeLessThan(table.file.bytes.length / 10);
    }
  });

  it("give an empty glyph's header as the whole file does (fontkit reads the next glyph's bytes there)", () => {
    for (const file of [NOTO_SC, NOTO_TC_BOLD]) {
      const whole = fontkit.create(readFileSync(file)) as InternalFont & { loca: { offsets: number[] } };
      const offsets = whole.loca.offsets;
      const empty = Array.from({ length: whole.numGlyphs }, (_, gid) => gid).filter(
        (gid) => offsets[gid] === offsets[gid + 1],
      );
      // The space, U+3000 (the ideographic space) and one more, each far from the others.
      expect(empty).toContain(whole.glyphForCodePoint(0x3000).id);
      for (const gid of empty) {
        const { font, table } = openOnDemand(file); // fresh, so no neighbour has brought the bytes in
        expect(font.getGlyph(gid).cbox).toEqual(whole.getGlyph(gid).cbox);
        table.file.close();
      }
    }
  });

  const dejavuMissing = !existsSync(DEJAVU);
  if (dejavuMissing) console.log(`skipped: the composite-glyph comparison needs ${DEJAVU} (Debian: fonts-dejavu-core)`);
  it.skipIf(dejavuMissing)("read the components of composite glyphs too", () => {
    expect(compare(DEJAVU).kinds.has("composite")).toBe(true);
  });
});
