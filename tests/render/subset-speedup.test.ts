/**
 * The subsetting speed-up must not change a single byte of the fonts pdfkit embeds: the same
 * glyphs, simple, composite and empty, give the same subset with and without it.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { speedUpSubsetting } from "../../src/adapters/pdfkit-fontkit.js";

const require = createRequire(import.meta.url);
const NOTO_SC = require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf");
// Noto Sans SC has no composite glyphs; DejaVu Sans (Debian's fonts-dejavu-core) builds its
// accented letters from components, like many fonts users pass with --font.
const DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const TEXT = "注销手机号码检查余额 Résiliation n° 76 12 34 éèàçôÉÀ «»：；！？";

type Subset = { includeGlyph(gid: number): number; encode(): Uint8Array };
type Glyph = { _decode(): { numberOfContours: number } | null };
type InternalFont = fontkit.Font & {
  createSubset(): Subset;
  getGlyph(gid: number): Glyph;
  glyphsForString(text: string): { id: number }[];
};

const open = (file: string) => fontkit.create(readFileSync(file)) as InternalFont;

function subsetBytes(font: InternalFont, gids: number[]): Buffer {
  const subset = font.createSubset();
  for (const gid of gids) subset.includeGlyph(gid);
  return Buffer.from(subset.encode());
}

function glyphKinds(font: InternalFont, gids: number[]): string[] {
  const kinds = gids.map((gid) => {
    const header = font.getGlyph(gid)._decode();
    return header === null ? "empty" : header.numberOfContours < 0 ? "composite" : "simple";
  });
  return [...new Set(kinds)].sort();
}

/** Subsets `file`'s glyphs for TEXT before and after the patch, which is global once applied. */
function compare(file: string, expectedKinds: string[]): void {
  const font = open(file);
  const gids = [...new Set(font.glyphsForString(TEXT).map((g) => g.id))];
  // The sample must exercise the paths the test claims, or the comparison proves less than it says.
  expect(glyphKinds(font, gids)).toEqual(expectedKinds);
  const before = subsetBytes(open(file), gids);
  speedUpSubsetting(font);
  expect(subsetBytes(open(file), gids).equals(before)).toBe(true);
  expect(subsetBytes(font, gids).equals(before)).toBe(true);
}

describe("the subsetting speed-up", () => {
  it("writes the same subset of the bundled font (simple and empty glyphs) as fontkit alone", () => {
    compare(NOTO_SC, ["empty", "simple"]);
  });

  const dejavuMissing = !existsSync(DEJAVU);
  if (dejavuMissing) console.log(`skipped: the composite-glyph comparison needs ${DEJAVU} (Debian: fonts-dejavu-core)`);
  it.skipIf(dejavuMissing)("writes the same subset of a font with composite glyphs as fontkit alone", () => {
    compare(DEJAVU, ["composite", "empty", "simple"]);
  });
});
