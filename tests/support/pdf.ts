/**
 * Reads a generated PDF with a real parser (pdfjs-dist): text by page and line, page sizes,
 * fonts and metadata, so tests assert on what a reader or a printer gets; and checks it on the
 * way (see readPdf).
 */
import { getDocument, OPS, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { DocModel } from "../../src/model/doc-model.js";
import { conservationProblems } from "./conservation.js";
import { geometryProblems, PdfCheckError, type PdfTextItem } from "./pdf-check.js";

export { PdfCheckError, type PdfProblem, type PdfTextItem } from "./pdf-check.js";

export interface PdfLine {
  text: string;
  /** Top-down y of the baseline in points. */
  y: number;
  x: number;
}

export interface PdfPage {
  width: number;
  height: number;
  text: string;
  lines: PdfLine[];
  /** pdf.js's text items with their geometry, in the content stream's order. */
  items: PdfTextItem[];
}

export interface PdfFont {
  name: string;
  embedded: boolean;
}

export interface ParsedPdf {
  pages: PdfPage[];
  /** All pages' text, lines joined by "\n". */
  text: string;
  /** The body's text (no header, footer or other artifact), every page, in reading order. */
  bodyText: string;
  fonts: PdfFont[];
  info: Record<string, unknown>;
  metadata: string | null;
}

interface TextItem {
  str: string;
  /** The direction pdf.js found the item to read in ("rtl": it reversed the glyphs' text). */
  dir?: string;
  transform: number[];
  width: number;
  hasEOL?: boolean;
}

interface MarkedContent {
  type: "beginMarkedContent" | "beginMarkedContentProps" | "endMarkedContent";
  tag?: string;
}

/**
 * Reads a PDF and checks it (pdf-check.ts): every glyph in the printable area, no text over text.
 * A PDF that fails throws a PdfCheckError naming each problem, so no test can read a PDF without
 * the check running.
 */
export async function readPdf(bytes: Uint8Array, options: { fonts?: boolean } = {}): Promise<ParsedPdf> {
  // `fonts: false` skips the fonts (read from each page's operators, the slow half of reading a page).
  return checkPdf(bytes, { fonts: options.fonts !== false });
}

/**
 * The check on its own, for every PDF the tests make (check-every-pdf.ts): the geometry, and the
 * text conservation when the document model is known. Fonts are listed only when asked for
 * (reading them is most of pdf.js's time).
 */
export async function checkPdf(
  bytes: Uint8Array,
  options: { model?: DocModel; fonts?: boolean } = {},
): Promise<ParsedPdf> {
  const parsed = await parsePdf(bytes, !!options.fonts);
  const problems = [
    ...geometryProblems(parsed.pages),
    ...(options.model ? conservationProblems(parsed.bodyText, options.model) : []),
  ];
  if (problems.length > 0) throw new PdfCheckError(problems);
  return parsed;
}

/**
 * A PDF opened with pdf.js as every reader of the suite opens it: a copy of the bytes (pdf.js
 * takes them over), no system fonts (only what the file embeds), no eval. The caller destroys it.
 */
export function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false, isEvalSupported: false })
    .promise;
}

async function parsePdf(bytes: Uint8Array, listFonts: boolean): Promise<ParsedPdf> {
  const doc = await openPdf(bytes);
  const pages: PdfPage[] = [];
  const fonts = new Map<string, PdfFont>();
  const body: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    // Raw text as the ToUnicode maps give it (no compatibility folding of full-width punctuation).
    const content = await page.getTextContent({ includeMarkedContent: true, disableNormalization: true });
    const items: PdfTextItem[] = [];
    const marks: string[] = [];
    for (const entry of content.items as (TextItem | MarkedContent)[]) {
      if ("type" in entry) {
        if (entry.type === "endMarkedContent") marks.pop();
        else marks.push(entry.tag ?? "");
        continue;
      }
      if (entry.str === "") continue;
      const [, , c, d, e, f] = entry.transform as [number, number, number, number, number, number];
      items.push({
        str: entry.str,
        x: e,
        y: height - f,
        width: entry.width,
        size: Math.hypot(c, d),
        artifact: marks.includes("Artifact"),
        // Read backwards, the item's last character is its first drawn glyph's.
        ...(entry.dir === "rtl" && /\p{Mn}$/u.test(entry.str) ? { leadingMark: true } : {}),
      });
    }
    // Lines by baseline; a line's pieces in the content stream's order, which is reading order
    // (right-to-left words are drawn in the order they are read, wherever they stand).
    const byLine = new Map<number, { x: number; parts: string[] }>();
    for (const item of items) {
      const y = Math.round(item.y * 10) / 10;
      const key = [...byLine.keys()].find((k) => Math.abs(k - y) < 1.5) ?? y;
      const line = byLine.get(key) ?? { x: item.x, parts: [] };
      line.parts.push(item.str);
      line.x = Math.min(line.x, item.x);
      byLine.set(key, line);
    }
    const lines = [...byLine.entries()]
      .sort(([a], [b]) => a - b)
      .map(([y, line]) => ({ y, x: line.x, text: line.parts.join("") }));
    pages.push({ width, height, lines, items, text: lines.map((l) => l.text).join("\n") });
    body.push(
      items
        .filter((item) => !item.artifact)
        .map((item) => item.str)
        .join(""),
    );

    if (!listFonts) continue;
    const ops = await page.getOperatorList();
    ops.fnArray.forEach((fn, i) => {
      if (fn !== OPS.setFont) return;
      const id = (ops.argsArray[i] as [string])[0];
      const font = page.commonObjs.get(id) as { name: string; missingFile: boolean };
      fonts.set(font.name, { name: font.name, embedded: !font.missingFile });
    });
  }
  const meta = await doc.getMetadata();
  const result: ParsedPdf = {
    pages,
    text: pages.map((p) => p.text).join("\n"),
    bodyText: body.join(""),
    fonts: [...fonts.values()],
    info: meta.info as Record<string, unknown>,
    metadata: meta.metadata ? (meta.metadata as unknown as { getRaw(): string }).getRaw() : null,
  };
  await doc.destroy();
  return result;
}

/** Text with every kind of space folded to one ASCII space, for searching. */
export function flat(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, " ");
}
