/**
 * The visual order of mixed-direction lines against GNU FriBidi, an implementation of the Unicode
 * bidirectional algorithm that shares nothing with the layout's (bidi-js): for random lines of
 * Latin, Chinese, Hebrew and Arabic words, digits of three kinds, neutral signs and brackets, the
 * characters as the layout sets them from left to right (its pieces sorted by x, each read
 * backwards when it is set right to left) are FriBidi's visual order, mirrored brackets included.
 *
 * Needs the `fribidi` command (Debian's libfribidi-bin) and DejaVu Sans (fonts-dejavu-core) for
 * the Hebrew and Arabic glyphs; .ci/run installs both. Without them the test is skipped.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildFontChain } from "../../src/fonts/chain.js";
import { loadFace } from "../../src/fonts/faces.js";
import { breakLines, type Line } from "../../src/layout/lines.js";
import { mixedDirectionLines } from "../support/bidi-words.js";

const DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const HAS_FRIBIDI = (() => {
  try {
    execFileSync("fribidi", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
const READY = HAS_FRIBIDI && existsSync(DEJAVU);
if (!READY) console.log("skipping the visual order check: it needs fribidi (libfribidi-bin) and DejaVu Sans");

/** FriBidi's visual order of a line set left to right: for each visual position, the logical one. */
function fribidiOrder(line: string): { order: number[]; visual: string[] } {
  const out = execFileSync("fribidi", ["--ltr", "--nopad", "--nobreak", "--vtol"], {
    input: `${line}\n`,
    encoding: "utf8",
  }).split("\n");
  return { visual: [...out[0]!], order: out[1]!.trim().split(/\s+/).map(Number) };
}

/** The layout's visual order of its one line: logical positions, left to right, and the characters drawn. */
function layoutOrder(line: Line): { order: number[]; visual: string[] } {
  // Runs come in logical order (with their visual x): number their characters in that order.
  let next = 0;
  const pieces = line.runs.map((run) => {
    const chars = [...run.text];
    const positions = chars.map(() => next++);
    return { x: run.x, chars: run.rtl ? chars.reverse() : chars, positions: run.rtl ? positions.reverse() : positions };
  });
  pieces.sort((a, b) => a.x - b.x);
  return { order: pieces.flatMap((p) => p.positions), visual: pieces.flatMap((p) => p.chars) };
}

/**
 * The order without combining marks: FriBidi's command line keeps a mark after its letter
 * (--reordernsm is its default), the layout leaves it inside its letter's piece and the font
 * places it on the letter. Where a mark is drawn is the font's business; the letters' order is
 * compared.
 */
function withoutMarks(typed: string, { order, visual }: { order: number[]; visual: string[] }) {
  const chars = [...typed];
  const keep = order.map((position) => !/^\p{M}$/u.test(chars[position]!));
  return { order: order.filter((_, i) => keep[i]), visual: visual.filter((_, i) => keep[i]) };
}

/** FriBidi's command line shapes Arabic (presentation forms, U+FB50-FEFF); the layout leaves that to the font. */
const ARABIC_PRESENTATION = /^[\ufb50-\ufdff\ufe70-\ufeff]$/u;

describe.skipIf(!READY)("visual order of mixed-direction lines", () => {
  const fonts = buildFontChain("zh-Hans", [loadFace(DEJAVU, undefined, true)]);

  it("is FriBidi's, character for character, mirrored brackets included (400 random lines)", () => {
    fc.assert(
      fc.property(mixedDirectionLines(["", " ", "\u00a0"]), (typed) => {
        const laid = breakLines([{ kind: "text", text: typed, user: true }], { size: 10.5, width: 1e6, fonts });
        expect(laid).toHaveLength(1);
        const ours = withoutMarks(typed, layoutOrder(laid[0]!));
        const theirs = withoutMarks(typed, fribidiOrder(typed));
        expect(ours.order, typed).toEqual(theirs.order);
        ours.visual.forEach((char, i) => {
          const expected = theirs.visual[i]!;
          if (!ARABIC_PRESENTATION.test(expected)) expect(char, `${typed}: visual position ${i}`).toBe(expected);
        });
      }),
      { numRuns: 400 },
    );
  });

  it("tells a wrong order from the right one (the comparison is not blind)", () => {
    const [line] = breakLines([{ kind: "text", text: "à רחוב (הרצל) 12, Nouméa" }], { size: 10.5, width: 1e6, fonts });
    const ours = layoutOrder(line!);
    expect(ours.visual.join("")).toBe("à 12 (לצרה) בוחר, Nouméa");
    // A right-to-left piece read forwards is caught.
    const forwards = layoutOrder({ ...line!, runs: line!.runs.map((run) => ({ ...run, rtl: false })) });
    expect(forwards.order).not.toEqual(fribidiOrder("à רחוב (הרצל) 12, Nouméa").order);
  });
});
