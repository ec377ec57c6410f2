/**
 * A ligature's glyph copies as the letters of the text it was drawn for, whatever the process drew
 * before. fontkit keeps one glyph object per glyph, with the characters of its first use: after a
 * name typed with U+FB01 ﬁ (which Noto Sans SC draws with its "fi" ligature), every "fi" of every
 * later document of the process (a batch, the web form) copied as ﬁ, and the documents' bytes
 * changed. Read with qpdf (the ToUnicode maps): pdf.js and poppler expand ﬁ to "fi" when they
 * extract text, so they cannot tell. This file's first documents are the process's first: the
 * glyph is made by the name typed with ﬁ.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { generate } from "../../src/index.js";
import { embeddedFonts } from "../support/qpdf-fonts.js";

const LIGATURE_FI = "\uFB01";
const dir = mkdtempSync(join(tmpdir(), "sim-cancel-ligature-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function letterFonts(name: string) {
  const documents = await generate({ name, phone: "76 12 34", date: "2026-11-24" }, { lang: "fr" });
  const file = join(dir, `${documents.length}-${name.length}.pdf`);
  writeFileSync(file, documents.find((d) => d.kind === "letter")!.bytes);
  const glyphTexts = new Set(embeddedFonts(file).flatMap((font) => [...font.chars]));
  return { glyphTexts, bytes: Buffer.from(documents.find((d) => d.kind === "letter")!.bytes) };
}

it("copies a ligature as the letters of the text, whatever the process drew before", async () => {
  const typed = await letterFonts(`Anne RU${LIGATURE_FI}N`);
  expect(typed.glyphTexts.has(LIGATURE_FI)).toBe(true);
  const after = await letterFonts("Zoé MARTIN");
  // The letter's own "confirmation", "fin", ... draw the ligature: it copies as "fi", never as ﬁ.
  expect(after.glyphTexts.has("fi")).toBe(true);
  expect(after.glyphTexts.has(LIGATURE_FI)).toBe(false);
  // And typed again after those, ﬁ still copies as ﬁ.
  expect((await letterFonts(`Anne RU${LIGATURE_FI}N`)).glyphTexts.has(LIGATURE_FI)).toBe(true);
});
