/**
 * The independent check of a generated PDF, from the PDF alone: where pdf.js finds the text (its
 * text items, positioned from the glyph widths of the embedded fonts), never the layout's own
 * numbers. Three promises:
 *
 * - every glyph lies in the printable area: 15 mm or more from each edge; the body's text (what
 *   is tagged, as opposed to the header and footer artifacts) 20 mm or more;
 * - no two pieces of text overlap (lines drawn over lines, a header's title under the name);
 * - text conservation: the text of the document model (templates and user fields alike) is all
 *   in the PDF's text, in order (conservation.ts, for callers that have the model).
 *
 * Glyph boxes are em squares: 0.8 em above the baseline and 0.2 em below.
 */

export const MM = 72 / 25.4;
/** Nothing closer to an edge than this. */
export const PRINTABLE_MM = 15;
/** The body's text no closer to an edge than this. */
export const BODY_MM = 20;
/** Overlaps smaller than this (kerning, rounding) are not overlaps. */
const OVERLAP_TOLERANCE = 0.5;
/** Rounding slack for the areas. */
const EDGE_TOLERANCE = 0.01;

export interface PdfTextItem {
  str: string;
  /** Left edge, baseline (top-down) and advance width, in points. */
  x: number;
  y: number;
  width: number;
  size: number;
  /** Header, footer and other artifacts: not the body. */
  artifact: boolean;
  /**
   * A right-to-left item whose first drawn glyph is a nonspacing mark (a vowel under the last
   * letter, drawn first): pdf.js gives the item the mark's origin, which the font may put left of
   * the word's advances, so its left edge says less than other items'.
   */
  leadingMark?: boolean;
}

export interface PdfCheckPage {
  width: number;
  height: number;
  items: PdfTextItem[];
}

export interface PdfProblem {
  code: "glyph.outsidePrintable" | "body.outsideMargins" | "text.overlap" | "text.lost" | "text.marksLost";
  page?: number;
  detail: string;
}

export class PdfCheckError extends Error {
  constructor(readonly problems: PdfProblem[]) {
    super(
      `the PDF fails the geometry and text check:\n${problems
        .slice(0, 20)
        .map((p) => `  - ${p.page ? `page ${p.page}: ` : ""}${p.code}: ${p.detail}`)
        .join("\n")}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ""}`,
    );
  }
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * How far from its word's start a mark's origin may lie, either way: in DejaVu Sans up to 0.21 em
 * left (a sheva under yod) and 0.17 em right (a fatha on the lam of lam-alef).
 */
const MARK_ORIGIN_EM = 0.3;

export function glyphBox(item: PdfTextItem): Box {
  const box = {
    left: item.x,
    right: item.x + item.width,
    top: item.y - 0.8 * item.size,
    bottom: item.y + 0.2 * item.size,
  };
  if (!item.leadingMark) return box;
  // The item's box is where its first drawn glyph, a mark, was put, not where the word's advances
  // start: anywhere within MARK_ORIGIN_EM of it. The box kept is what is surely the word's (the
  // layout keeps the mark's own ink off the text before it, see src/layout/measure.ts).
  const slack = Math.min(MARK_ORIGIN_EM * item.size, item.width / 2);
  return { ...box, left: box.left + slack, right: box.right - slack };
}

const shown = (item: PdfTextItem) => JSON.stringify(item.str.length > 30 ? `${item.str.slice(0, 30)}…` : item.str);
const pt = (n: number) => n.toFixed(1);

/** The geometry problems of a PDF's pages (none: an empty list). */
export function geometryProblems(pages: readonly PdfCheckPage[]): PdfProblem[] {
  const problems: PdfProblem[] = [];
  pages.forEach((page, index) => {
    const number = index + 1;
    // Whitespace items are pdf.js's guesses at gaps, not glyphs.
    const items = page.items.filter((item) => item.str.trim() !== "" && item.width > 0);
    for (const item of items) {
      const box = glyphBox(item);
      const inset = (mm: number) => mm * MM - EDGE_TOLERANCE;
      const outside = (mm: number) =>
        box.left < inset(mm) ||
        box.top < inset(mm) ||
        box.right > page.width - inset(mm) ||
        box.bottom > page.height - inset(mm);
      const where = `${shown(item)} at x ${pt(box.left)}–${pt(box.right)}, y ${pt(box.top)}–${pt(box.bottom)} on a ${pt(page.width)} x ${pt(page.height)} page`;
      if (outside(PRINTABLE_MM)) problems.push({ code: "glyph.outsidePrintable", page: number, detail: where });
      else if (!item.artifact && outside(BODY_MM))
        problems.push({ code: "body.outsideMargins", page: number, detail: where });
    }
    // Sorted by left edge: each item is compared with those that start before it ends.
    const sorted = items.map((item) => ({ item, box: glyphBox(item) })).sort((a, b) => a.box.left - b.box.left);
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i]!;
      for (let j = i + 1; j < sorted.length && sorted[j]!.box.left < a.box.right - OVERLAP_TOLERANCE; j++) {
        const b = sorted[j]!;
        const across = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const down = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (across > OVERLAP_TOLERANCE && down > OVERLAP_TOLERANCE) {
          problems.push({
            code: "text.overlap",
            page: number,
            detail: `${shown(a.item)} (baseline ${pt(a.item.y)}) and ${shown(b.item)} (baseline ${pt(b.item.y)}) overlap by ${pt(across)} x ${pt(down)} pt`,
          });
        }
      }
    }
  });
  return problems;
}
