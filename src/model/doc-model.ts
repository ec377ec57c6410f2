/**
 * The document model: the contract between words (templates) and layout.
 * Templates never know about points and fonts; the layout and renderer never know about
 * cancellation. Every field here is plain data so a DocModel can be compared in tests.
 */

/** A piece of inline content inside a block. */
export type Inline =
  /**
   * `user`: the text is the user's (a detail's value), not the template's. Only the renderer
   * looks at it: documents from the same templates share the glyphs of the templates' own text.
   */
  | { kind: "text"; text: string; bold?: boolean; user?: boolean }
  /** A blank line to write on by hand, at least `widthEm` wide (0: to the end of the line). */
  | { kind: "fill"; widthEm: number }
  /** A forced line break (addresses, hard breaks in templates). */
  | { kind: "break" };

export type Align = "left" | "right";

export type Block =
  | { kind: "title"; runs: Inline[] }
  | { kind: "heading"; level: 2 | 3; runs: Inline[] }
  | { kind: "paragraph"; runs: Inline[]; align: Align; small?: boolean }
  /** A box to tick with a pen. `depth` is the list nesting (0 = top level). */
  | { kind: "tick"; runs: Inline[]; depth: number }
  /** A bullet (`ordinal` undefined) or numbered list item. */
  | { kind: "item"; runs: Inline[]; depth: number; ordinal?: number }
  /** Label / value rows, e.g. the user's details at the top of the checklist. */
  | { kind: "fields"; rows: { label: Inline[]; value: Inline[] }[] }
  /** A postal address or sender block; each entry of `lines` is one printed line. Kept whole. */
  | { kind: "address"; align: Align; lines: Inline[][] }
  /**
   * Room for a handwritten signature followed by the typed lines (name); `above`, when present,
   * is printed over the room (« Bon pour pouvoir »). Kept whole.
   */
  | { kind: "signature"; lines: Inline[][]; above?: Inline[][] }
  /** A framed notice, e.g. "translation, do not send". */
  | { kind: "notice"; runs: Inline[] }
  | { kind: "pageBreak" };

/** The running header and footer of a section's pages, in the section's language. */
export interface Furniture {
  /** Header, left: the document's title. */
  title: string;
  /** Header, right: the person the document is for. */
  author: string;
  /** Footer: "{page}" and "{pages}" are replaced by the layout. */
  pageNumber: string;
}

/**
 * One language run of a document, e.g. the French letter, then its Chinese translation.
 * A section that starts a new page starts a new part: its pages are numbered on their own
 * ("page 1 / 1" for the letter to send, whatever translation follows it).
 */
export interface Section {
  /** BCP 47 language tag of the text in this section ("fr", "zh-Hans", ...). */
  lang: string;
  /** Start this section on a new page. */
  newPage: boolean;
  furniture: Furniture;
  blocks: Block[];
}

export interface DocMeta {
  /** The PDF's metadata (the pages show each section's furniture). */
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** Main language of the document (BCP 47). */
  lang: string;
  /** Date the document is issued, ISO YYYY-MM-DD (also used as the PDF's creation date). */
  date: string;
}

export interface DocModel {
  meta: DocMeta;
  sections: Section[];
}
