/**
 * Reads a generated PDF with a real parser (pdfjs-dist): text by page and line, page sizes,
 * fonts and metadata, so tests assert on what a reader or a printer gets.
 */
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

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
}

export interface PdfFont {
  name: string;
  embedded: boolean;
}

export interface ParsedPdf {
  pages: PdfPage[];
  /** All pages' text, lines joined by "\n". */
  text: string;
  fonts: PdfFont[];
  info: Record<string, unknown>;
  metadata: string | null;
}

interface TextItem {
  str: string;
  transform: number[];
  hasEOL?: boolean;
}

/** `fonts: false` skips the fonts (read from each page's operators, the slow half of reading a page). */
export async function readPdf(bytes: Uint8Array, options: { fonts?: boolean } = {}): Promise<ParsedPdf> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  const fonts = new Map<string, PdfFont>();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const byLine = new Map<number, { x: number; parts: { x: number; str: string }[] }>();
    for (const item of content.items as TextItem[]) {
      if (!("str" in item) || item.str === "") continue;
      const y = Math.round((height - item.transform[5]!) * 10) / 10;
      const key = [...byLine.keys()].find((k) => Math.abs(k - y) < 1.5) ?? y;
      const line = byLine.get(key) ?? { x: item.transform[4]!, parts: [] };
      line.parts.push({ x: item.transform[4]!, str: item.str });
      line.x = Math.min(line.x, item.transform[4]!);
      byLine.set(key, line);
    }
    const lines = [...byLine.entries()]
      .sort(([a], [b]) => a - b)
      .map(([y, line]) => ({ y, x: line.x, text: line.parts.sort((a, b) => a.x - b.x).map((p) => p.str).join("") }));
    pages.push({ width, height, lines, text: lines.map((l) => l.text).join("\n") });

    if (options.fonts === false) continue;
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
