/**
 * The renderer: PageLayout -> PDF bytes with pdfkit. It only draws what the layout placed
 * (text with wrapping off, squares, lines) and writes the metadata; it decides nothing.
 */
import PDFDocument from "pdfkit";
import type { DocMeta } from "../model/doc-model.js";
import type { FontFace } from "../fonts/faces.js";
import type { Drawable, PageLayout } from "../layout/page-layout.js";

export interface RenderInput {
  layout: PageLayout;
  meta: DocMeta;
  /** Every face the layout may name, looked up by `FontFace.name`. */
  faces: readonly FontFace[];
}

/** Noon in Nouméa on the document's date: a fixed instant, the same on every machine. */
export function documentInstant(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00+11:00`);
}

function draw(doc: PDFKit.PDFDocument, item: Drawable): void {
  switch (item.kind) {
    case "text":
      doc.font(item.face).fontSize(item.size).fillColor(grayHex(item.gray));
      doc.text(item.text, item.x, item.y, { lineBreak: false, baseline: "alphabetic" });
      return;
    case "rect":
      doc.lineWidth(item.lineWidth).strokeColor("#000000").rect(item.x, item.y, item.width, item.height).stroke();
      return;
    case "line":
      doc.lineWidth(item.lineWidth).strokeColor(grayHex(item.gray ?? 0)).moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).stroke();
      return;
  }
}

function grayHex(gray: number): string {
  const level = Math.round(Math.min(1, Math.max(0, gray)) * 255).toString(16).padStart(2, "0");
  return `#${level}${level}${level}`;
}

export function renderPdf({ layout, meta, faces }: RenderInput): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: [layout.width, layout.height],
    margin: 0,
    autoFirstPage: false,
    compress: true,
    displayTitle: true,
    lang: meta.lang,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords.join(", "),
      Creator: "sim-cancel",
      CreationDate: documentInstant(meta.date),
      ModDate: documentInstant(meta.date),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });
  const used = new Set(layout.pages.flatMap((page) => page.items.flatMap((item) => (item.kind === "text" ? [item.face] : []))));
  for (const face of faces) {
    if (used.has(face.name)) doc.registerFont(face.name, face.bytes, face.faceName as string);
  }
  for (const page of layout.pages) {
    doc.addPage({ size: [layout.width, layout.height], margin: 0 });
    for (const item of page.items) draw(doc, item);
  }
  doc.end();
  return done;
}
