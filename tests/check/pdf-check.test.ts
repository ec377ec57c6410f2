/**
 * The PDF check on PDFs made wrong on purpose: page layouts drawn straight by the renderer (the
 * layout bypassed), each breaking one promise. Rendering one in a test makes the render call fail
 * with the check's problems (tests/support/check-every-pdf.ts); reading one with readPdf too.
 */
import { describe, expect, it } from "vitest";
import { buildFontChain } from "../../src/fonts/chain.js";
import type { Drawable, PageLayout } from "../../src/layout/page-layout.js";
import { renderPdf } from "../../src/render/pdf.js";
import { drawnWidth } from "../../src/layout/measure.js";
import { PdfCheckError, type PdfProblem } from "../support/pdf.js";

const fonts = buildFontChain("fr");
const face = fonts.regular[0]!;
const A4 = { width: 595.28, height: 841.89 };
const mm = 72 / 25.4;
const meta = { title: "Test", author: "Test", subject: "", keywords: [], lang: "fr", date: "2026-11-24" };

function text(content: string, x: number, y: number, size = 10.5, body = true): Drawable {
  const struct = body
    ? {
        lang: "fr",
        path: [
          { role: "Sect", key: "s" },
          { role: "P", key: `p${x}-${y}` },
        ],
      }
    : null;
  return {
    kind: "text",
    x,
    y,
    width: drawnWidth(face, content) * size,
    text: content,
    face: face.name,
    size,
    gray: 0,
    struct,
  };
}

async function problemsOf(items: Drawable[]): Promise<PdfProblem[]> {
  const layout: PageLayout = { ...A4, pages: [{ items }] };
  try {
    await renderPdf({ layout, meta, faces: [face] });
  } catch (error) {
    if (error instanceof PdfCheckError) return error.problems;
    throw error;
  }
  return [];
}

describe("the PDF check", () => {
  it("passes text well inside the page", async () => {
    expect(
      await problemsOf([text("Madame, Monsieur,", 30 * mm, 40 * mm), text("Je vous prie", 30 * mm, 46 * mm)]),
    ).toEqual([]);
  });

  it("finds a line run past the right edge of the page", async () => {
    const problems = await problemsOf([text("la ligne mobile n° +687 91 23 45,", 500, 100)]);
    expect(problems.map((p) => p.code)).toContain("glyph.outsidePrintable");
  });

  it("finds body text inside the page but in the margin", async () => {
    const problems = await problemsOf([text("Objet", 17 * mm, 100)]);
    expect(problems.map((p) => p.code)).toEqual(["body.outsideMargins"]);
  });

  it("lets a header or footer stand in the margin, but not past 15 mm", async () => {
    expect(await problemsOf([text("Demande", 20 * mm, 18 * mm, 7.5, false)])).toEqual([]);
    expect((await problemsOf([text("Demande", 20 * mm, 12 * mm, 7.5, false)])).map((p) => p.code)).toEqual([
      "glyph.outsidePrintable",
    ]);
  });

  it("finds two lines drawn over each other, and a title under a name on the same baseline", async () => {
    const overLines = await problemsOf([
      text("Première ligne du paragraphe", 30 * mm, 100),
      text("Deuxième ligne du paragraphe", 30 * mm, 104),
    ]);
    expect(overLines.map((p) => p.code)).toEqual(["text.overlap"]);
    const header = await problemsOf([
      text("Demande de résiliation de ligne mobile", 20 * mm, 18 * mm, 7.5, false),
      text("WANG WANG WANG WANG", 40 * mm, 18 * mm, 7.5, false),
    ]);
    expect(header.map((p) => p.code)).toEqual(["text.overlap"]);
  });

  it("does not take lines that only touch, or words side by side, for overlaps", async () => {
    const first = text("Madame, ", 30 * mm, 100);
    const second = text("Monsieur,", 30 * mm + (first as { width: number }).width, 100);
    expect(await problemsOf([first, second, text("Je vous prie", 30 * mm, 100 + 10.5 * 1.6)])).toEqual([]);
  });
});
