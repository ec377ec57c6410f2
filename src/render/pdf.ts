/**
 * The renderer: PageLayout -> PDF bytes with pdfkit. It only draws what the layout placed
 * (text with wrapping off, squares, lines), tags it, and writes the metadata; it decides nothing.
 *
 * Files are PDF/A-2b (embedded fonts, XMP metadata, sRGB output intent), tagged (headings,
 * paragraphs, lists, tables, each section with its language, furniture marked as artifacts) and
 * reproducible: the same layout and metadata give the same bytes.
 */
import { createHash } from "node:crypto";
import PDFDocument from "pdfkit";
import type { DocMeta } from "../model/doc-model.js";
import type { FontFace } from "../fonts/faces.js";
import type { Drawable, PageLayout, StructRef } from "../layout/page-layout.js";
import {
  drawTextRun,
  escapeXmpValues,
  FaceSubsets,
  type GlyphRun,
  speedUpSubsetting,
} from "../adapters/pdfkit-fontkit.js";

export interface RenderInput {
  layout: PageLayout;
  meta: DocMeta;
  /** Every face the layout may name, looked up by `FontFace.name`. */
  faces: readonly FontFace[];
  /** Creation and modification time; default: noon in Nouméa on the document's date. */
  timestamp?: Date;
}

/** Noon in Nouméa on the document's date: a fixed instant, the same on every machine. */
export function documentInstant(isoDate: string): Date {
  return new Date(`${isoDate}T12:00:00+11:00`);
}

function grayHex(gray: number): string {
  const level = Math.round(Math.min(1, Math.max(0, gray)) * 255)
    .toString(16)
    .padStart(2, "0");
  return `#${level}${level}${level}`;
}

type StructElement = ReturnType<PDFKit.PDFDocument["struct"]>;

/** Creates structure elements on first use, in reading order, from a document root. */
function structureBuilder(doc: PDFKit.PDFDocument, lang: string) {
  const root = doc.struct("Document", { lang });
  doc.addStructure(root);
  const elements = new Map<string, StructElement>();
  return (struct: StructRef): StructElement => {
    let parent = root;
    for (const node of struct.path) {
      let element = elements.get(node.key);
      if (!element) {
        element = doc.struct(node.role, node.role === "Sect" ? { lang: struct.lang } : {});
        parent.add(element);
        elements.set(node.key, element);
      }
      parent = element;
    }
    return parent;
  };
}

function drawShape(doc: PDFKit.PDFDocument, item: Exclude<Drawable, { kind: "text" }>): void {
  doc.markContent("Artifact", { type: "Layout" });
  if (item.kind === "rect") {
    doc.lineWidth(item.lineWidth).strokeColor("#000000").rect(item.x, item.y, item.width, item.height).stroke();
  } else {
    doc
      .lineWidth(item.lineWidth)
      .strokeColor(grayHex(item.gray ?? 0))
      .moveTo(item.x1, item.y1)
      .lineTo(item.x2, item.y2)
      .stroke();
  }
  doc.endMarkedContent();
}

/**
 * pdfkit derives the file identifier from the metadata alone; derive it from the whole content
 * instead (SHA-256 of the file with the identifier blanked), so two different documents never
 * share one and the same document always has the same. Same length, so no offset moves.
 */
function setContentId(bytes: Buffer): Buffer {
  const text = bytes.toString("latin1");
  const match = /\/ID \[<([0-9a-f]+)> <([0-9a-f]+)>\]/.exec(text.slice(text.lastIndexOf("trailer")));
  if (!match) throw new Error("pdfkit wrote no file identifier");
  const start = text.lastIndexOf("trailer") + match.index;
  const blank = Buffer.from(bytes);
  blank.fill(0x30, start, start + match[0].length);
  const id = createHash("sha256").update(blank).digest("hex").slice(0, match[1]!.length);
  const out = Buffer.from(bytes);
  out.write(`/ID [<${id}> <${id}>]`, start, "latin1");
  return out;
}

export function renderPdf({ layout, meta, faces, timestamp }: RenderInput): Promise<Uint8Array> {
  const instant = timestamp ?? documentInstant(meta.date);
  const doc = new PDFDocument({
    size: [layout.width, layout.height],
    margin: 0,
    autoFirstPage: false,
    compress: true,
    displayTitle: true,
    pdfVersion: "1.7",
    subset: "PDF/A-2b",
    tagged: true,
    lang: meta.lang,
    // No default font: pdfkit would parse Helvetica's metrics for every document, never used.
    font: null,
    info: {
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: meta.keywords.join(", "),
      Creator: "sim-cancel",
      Producer: "sim-cancel (PDFKit)",
      // Poppler (pdfinfo) reads the PDF/A part from this key, ISO 19005 from the XMP packet.
      GTS_PDFA1Version: "PDF/A-2b",
      CreationDate: instant,
      ModDate: instant,
    },
  } as unknown as PDFKit.PDFDocumentOptions);
  escapeXmpValues(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(setContentId(Buffer.concat(chunks)))));
    doc.on("error", reject);
  });
  const texts = layout.pages.flatMap((page) => page.items.filter((item) => item.kind === "text"));
  const used = new Set(texts.map((item) => item.face));
  const subsets = new Map<string, FaceSubsets>();
  for (const face of faces) {
    // Hand pdfkit the already parsed font: parsing it again from the bytes for every document
    // was most of the rendering time (fontkit decodes its tables lazily, once per font object).
    // pdfkit takes a fontkit font as well as bytes; its typings only know the bytes.
    if (!used.has(face.name)) continue;
    speedUpSubsetting(face.font);
    doc.registerFont(face.name, face.font as unknown as Buffer);
    subsets.set(face.name, new FaceSubsets(doc, face.name));
  }
  // Every run's glyphs first: the subset shared with other documents holds those the templates'
  // text draws (what is not the user's), and is fixed before the first glyph is drawn.
  const runs = new Map<Drawable, GlyphRun>(
    texts.map((item) => [
      item,
      subsets.get(item.face)!.glyphRun(item.text, !item.user, item.rtl ? "rtl" : "ltr", item.copyAs),
    ]),
  );
  for (const fonts of subsets.values()) fonts.settle();
  const elementFor = structureBuilder(doc, meta.lang);
  for (const page of layout.pages) {
    doc.addPage({ size: [layout.width, layout.height], margin: 0 });
    // A page's content starts in the default state: its first text sets the fill colour.
    let gray: number | undefined;
    for (const item of page.items) {
      if (item.kind !== "text") {
        drawShape(doc, item);
        continue;
      }
      const element = item.struct ? elementFor(item.struct) : null;
      const content = element
        ? doc.markStructureContent(item.struct!.path.at(-1)!.role)
        : doc.markContent("Artifact", { type: "Pagination" });
      if (item.gray !== gray) {
        doc.fillColor(grayHex(item.gray));
        gray = item.gray;
      }
      drawTextRun(doc, item.x, item.y, item.size, subsets.get(item.face)!, runs.get(item)!);
      doc.endMarkedContent();
      if (element) element.add(content as Parameters<StructElement["add"]>[0]);
    }
  }
  doc.end();
  return done;
}
