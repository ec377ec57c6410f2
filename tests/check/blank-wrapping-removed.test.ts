/**
 * Fault injection: with the wrapping of inline blanks taken out (fills.ts back to what it did
 * before: a blank counted at 4 em when lines are broken, then stretched to the margin) and the
 * layout's own guard switched off, the independent check of the PDF (tests/support/pdf-check.ts,
 * run on every PDF rendered in a test) finds the procuration's line run off the page and its
 * words lost. So the check can fail, and fails on the very fault of the issue: the procuration of
 * the time, with a blank to the end of the line for the address, given as the user's own
 * template (the bundled one now gives the blank a fixed width).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generate } from "../../src/index.js";
import { PdfCheckError } from "../support/pdf.js";
import type { LinePiece } from "../../src/layout/fills.js";

vi.mock(import("../../src/layout/fills.js"), async (importOriginal) => {
  const original = await importOriginal();
  return {
    ...original,
    fillMinWidth: (widthEm: number, size: number) => Math.max(widthEm, original.MIN_FILL_EM) * size,
    fillWidths: (pieces: readonly LinePiece[], size: number, lineWidth: number) => {
      let x = 0;
      const widths: number[] = [];
      for (const piece of pieces) {
        if ("width" in piece) {
          x += piece.width;
          continue;
        }
        const nominal = Math.max(piece.fillEm, original.MIN_FILL_EM) * size;
        const width = piece.fillEm <= 0 ? Math.max(nominal, lineWidth - x) : Math.min(nominal, lineWidth - x);
        widths.push(width);
        x += width;
      }
      return widths;
    },
  };
});
// The guard off, with what the line breaker asks it (whether a line it placed fits, else it
// breaks the paragraph again measuring every line as drawn, which would mend the fault).
vi.mock(import("../../src/layout/guard.js"), async (importOriginal) => ({
  ...(await importOriginal()),
  checkLineWidth: () => {},
  checkInside: () => {},
  lineFits: () => true,
}));

const PROCURATION = `# Procuration

Je soussigné(e) **{{details.name}}**, demeurant {{fill (inline details.address)}}, titulaire de la ligne mobile n° {{details.phone.international}},

donne procuration à **{{details.proxy.name}}**.
`;

let templates = "";
beforeAll(async () => {
  templates = await mkdtemp(join(tmpdir(), "sim-cancel-procuration-"));
  await writeFile(join(templates, "proxy.md.hbs"), PROCURATION);
});
afterAll(async () => {
  await rm(templates, { recursive: true, force: true });
});

describe("the PDF check, with blanks that do not wrap and no guard", () => {
  it.each(["fr", "en", "zh-Hans", "zh-Hant"])(
    "finds the procuration's line off the page and its words lost (%s)",
    async (lang) => {
      const error = await generate(
        { name: "Mei LIN", phone: "+687 91 23 45", channel: "proxy", proxyName: "Li CHEN", date: "2026-11-24" },
        { lang, templatesDir: templates },
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PdfCheckError);
      const codes = new Set((error as PdfCheckError).problems.map((p) => p.code));
      // Off the page (geometry) and missing from the text (conservation): each check catches it.
      expect(codes.has("glyph.outsidePrintable")).toBe(true);
      expect(codes.has("text.lost")).toBe(true);
    },
  );
});
