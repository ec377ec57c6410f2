/**
 * Fonts from the computer: found by reading the font folders' character maps (the path without
 * fontconfig, pointed at folders by SIM_CANCEL_FONT_DIRS), nothing when no font has the
 * character, and no lookup at all when the bundled faces cover everything.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { buildFontChain } from "../../src/fonts/chain.js";
import { checkGlyphs } from "../../src/fonts/glyph-check.js";
import { defaultFontDirs, findSystemFonts } from "../../src/fonts/system.js";
import * as system from "../../src/fonts/system.js";

vi.mock(import("../../src/fonts/system.js"), async (importOriginal) => {
  const original = await importOriginal();
  return { ...original, findSystemFonts: vi.fn(original.findSystemFonts) };
});

const DEJAVU_DIR = "/usr/share/fonts/truetype/dejavu";
const NOTO_DIR = "/usr/share/fonts/opentype/noto";
let empty = "";
afterAll(async () => {
  if (empty) await rm(empty, { recursive: true, force: true });
});
const emptyDir = async () => (empty ||= await mkdtemp(join(tmpdir(), "sim-cancel-no-fonts-")));
const only = (dir: string) => ({ SIM_CANCEL_FONT_DIRS: dir });
const bundled = buildFontChain("zh-Hans").regular;

describe("system font lookup", () => {
  it.skipIf(!existsSync(DEJAVU_DIR))("finds the regular sans face for Hebrew in a font folder", () => {
    const [match, ...rest] = findSystemFonts([0x5d3, 0x5d5], only(DEJAVU_DIR));
    expect(rest).toEqual([]);
    expect(match!.face).toEqual({ file: `${DEJAVU_DIR}/DejaVuSans.ttf`, family: "DejaVu Sans" });
    expect(match!.codePoints).toEqual([0x5d3, 0x5d5]);
  });

  it.skipIf(!existsSync(NOTO_DIR))(
    "picks the Korean regular face of a collection for Hangul, by its PostScript name",
    () => {
      const [match] = findSystemFonts([0xae40], only(NOTO_DIR));
      expect(match!.face.faceName).toBe("NotoSansCJKkr-Regular");
    },
  );

  it.skipIf(!existsSync(NOTO_DIR) || !existsSync(DEJAVU_DIR))(
    "uses one face per character when none has them all",
    () => {
      const matches = findSystemFonts([0x5d3, 0xae40], only(`${NOTO_DIR}:${DEJAVU_DIR}`));
      expect(matches.map((m) => [m.face.family, m.codePoints])).toEqual([
        ["DejaVu Sans", [0x5d3]],
        ["Noto Sans CJK KR", [0xae40]],
      ]);
    },
  );

  it("finds nothing in an empty folder, or when turned off", async () => {
    expect(findSystemFonts([0xae40], only(await emptyDir()))).toEqual([]);
    expect(findSystemFonts([0xae40], only(""))).toEqual([]);
  });

  it("knows each platform's usual font folders", () => {
    expect(defaultFontDirs("linux", { HOME: "/home/u" })).toEqual([
      "/home/u/.local/share/fonts",
      "/home/u/.fonts",
      "/usr/local/share/fonts",
      "/usr/share/fonts",
    ]);
    expect(defaultFontDirs("darwin", { HOME: "/Users/u" })).toContain("/System/Library/Fonts");
    expect(
      defaultFontDirs("win32", { WINDIR: "C:\\Windows", LOCALAPPDATA: "C:\\Users\\u\\AppData\\Local" }).join("|"),
    ).toMatch(/Fonts/);
  });
});

describe("the glyph check", () => {
  it("costs no lookup when the bundled faces cover every character", () => {
    vi.mocked(system.findSystemFonts).mockClear();
    const result = checkGlyphs(
      [{ source: "name", text: "王小明 Zoé N'GUYEN" }],
      [{ source: "template letter", text: "Madame, Monsieur" }],
      bundled,
    );
    expect(result).toEqual({ systemFaces: [], missingInDetails: [], missingInTemplates: [] });
    expect(system.findSystemFonts).not.toHaveBeenCalled();
  });

  it("reports what no font on the machine has, with its field and code", async () => {
    const result = checkGlyphs(
      [
        { source: "name", text: "김민" },
        { source: "address", text: "12 rue 𠮷" },
      ],
      [],
      bundled,
      only(await emptyDir()),
    );
    expect(result.missingInDetails).toEqual([
      { char: "김", codePoint: "U+AE40", source: "name" },
      { char: "민", codePoint: "U+BBFC", source: "name" },
      { char: "𠮷", codePoint: "U+20BB7", source: "address" },
    ]);
    expect(result.systemFaces).toEqual([]);
  });

  it.skipIf(!existsSync(NOTO_DIR))("lends a face from the computer for the characters the bundled ones lack", () => {
    const result = checkGlyphs([{ source: "name", text: "김민준" }], [], bundled, only(NOTO_DIR));
    expect(result.missingInDetails).toEqual([]);
    expect(result.systemFaces.map((f) => f.family)).toEqual(["Noto Sans CJK KR"]);
  });
});
