/**
 * Each face is embedded as two subsets: the glyphs the templates' text draws (whose bytes a
 * process makes once and reuses for every document drawing the same) and the document's own, for
 * what only the user's values draw. What the promises below rest on, read from the files with
 * qpdf and pdftotext (not our code):
 *  - a user's characters never enter the shared subset, which is byte for byte the same for two
 *    people in the same situation;
 *  - a document's subsets hold only what it draws (every character their ToUnicode maps name is
 *    in the document's text);
 *  - a document's bytes do not depend on what the process made before, with the shared subsets
 *    kept from earlier documents or made afresh.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import { afterAll, describe, expect, it } from "vitest";
import { clearSharedSubsets, drawTextRun, FaceSubsets } from "../../src/adapters/pdfkit-fontkit.js";
import { generate, type DetailsInput, type GenerateOptions } from "../../src/index.js";
import { embeddedFonts } from "../support/qpdf-fonts.js";

const dir = mkdtempSync(join(tmpdir(), "sim-cancel-shared-subsets-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function saved(bytes: Uint8Array): string {
  const file = join(dir, `${++fileCount}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

const text = (file: string) => execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"]).toString("utf8");

const SAMPLE: DetailsInput = {
  phone: "76 12 34",
  customerNumber: "C-0042137",
  address: ["12 rue des Fictifs", "98800 NOUMÉA"],
  date: "2026-11-24",
  name: "",
};

async function documents(name: string, options: GenerateOptions = {}) {
  return generate({ ...SAMPLE, name }, { lang: "zh-Hans", ...options });
}

describe("shared font subsets", () => {
  // Characters no template of the pack prints: they can only come from the name.
  const first = "饕餮 QUIZ";
  const second = "魑魅 VOLK";

  it("keep the user's characters in the document's own subset, and are the same for two people", async () => {
    const [a, b] = [await documents(first), await documents(second)];
    for (const [index, document] of a.entries()) {
      const fontsA = embeddedFonts(saved(document.bytes));
      const fontsB = embeddedFonts(saved(b[index]!.bytes));
      const programsB = new Set(fontsB.map((font) => font.program));
      const shared = fontsA.filter((font) => programsB.has(font.program));
      // Every face the document draws has a subset both people's documents hold byte for byte.
      expect(new Set(shared.map((font) => font.face)), document.fileName).toEqual(
        new Set(fontsA.map((font) => font.face)),
      );
      for (const font of shared)
        for (const char of "饕餮魑魅")
          expect(font.chars.has(char), `${char} in ${font.face}'s shared subset`).toBe(false);
      const ownA = fontsA.filter((font) => !programsB.has(font.program));
      for (const char of "饕餮")
        expect(
          ownA.some((font) => font.chars.has(char)),
          `${char} in ${document.fileName}'s own subset`,
        ).toBe(true);
    }
  });

  it.each([
    ["zh-Hans", first, "zh-Hans"],
    ["en", second, "en"],
    ["zh-Hant, proxy", "Ａｂｃ 文⽂ LI", "zh-Hant"],
  ] as const)("hold only characters the document draws (%s)", async (_, name, lang) => {
    const details = lang === "zh-Hant" ? { channel: "proxy", proxyName: "陳大文", proxyId: "A1234567" } : {};
    for (const document of await generate({ ...SAMPLE, name, ...details }, { lang })) {
      const file = saved(document.bytes);
      const drawn = new Set(Array.from(text(file).normalize("NFC")));
      // A ligature's glyph stands for several characters ("ffi"): each of them is drawn.
      for (const font of embeddedFonts(file))
        for (const glyphText of font.chars)
          for (const char of glyphText.normalize("NFC"))
            if (char.trim() !== "")
              expect(drawn.has(char), `${document.fileName}: ${font.face} holds ${glyphText}`).toBe(true);
    }
  });

  it("give a document the same bytes from a cold or a warm process, whatever it made before", async () => {
    clearSharedSubsets();
    const cold = (await documents(first)).map((document) => Buffer.from(document.bytes));
    await documents(second);
    await documents("Zoé MARTIN", { lang: "en" });
    await generate({ ...SAMPLE, name: "王小明", plan: "prepaid", channel: "post" }, { lang: "zh-Hant" });
    const warm = (await documents(first)).map((document) => Buffer.from(document.bytes));
    clearSharedSubsets();
    const again = (await documents(first)).map((document) => Buffer.from(document.bytes));
    for (const [i, bytes] of cold.entries()) {
      expect(warm[i]!.equals(bytes), `document ${i} after others`).toBe(true);
      expect(again[i]!.equals(bytes), `document ${i} with the subsets made afresh`).toBe(true);
    }
  });
});

describe("two faces of one font file in a document", () => {
  it("each keep a subset of their own, and their text copies as drawn", async () => {
    // pdfkit hands out one embedded font per font file: two faces of the same file (a font given
    // with --font that is also bundled) must not draw into one subset settled twice.
    const file = createRequire(import.meta.url).resolve(
      "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
    );
    const font = fontkit.create(readFileSync(file)) as fontkit.Font;
    const doc = new PDFDocument({ autoFirstPage: false, font: null } as unknown as PDFKit.PDFDocumentOptions);
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => doc.on("end", resolve));
    doc.addPage();
    doc.registerFont("first", font as unknown as Buffer);
    doc.registerFont("second", font as unknown as Buffer);
    const faces = [new FaceSubsets(doc, "first"), new FaceSubsets(doc, "second")];
    const texts = ["Bonjour 你好 alpha", "Zebra 世界 omega"];
    const runs = texts.map((text, i) => faces[i]!.glyphRun(text, true));
    for (const face of faces) face.settle();
    for (const [i, run] of runs.entries()) drawTextRun(doc, 20, 40 + 20 * i, 12, faces[i]!, run);
    doc.end();
    await ended;
    const pdf = saved(Buffer.concat(chunks));
    const lines = text(pdf)
      .split("\n")
      .map((line) => line.trim());
    for (const line of texts) expect(lines).toContain(line);
  });
});
