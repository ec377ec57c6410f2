/**
 * The layout's output: pages of positioned drawing operations in PDF points, origin at the top
 * left, y growing downwards. The renderer draws these and decides nothing.
 */

/** One level of the structure tree: a PDF structure role and a key unique in the document. */
export interface StructNode {
  /** PDF structure role: Sect, H1, H2, H3, P, L, LI, Lbl, LBody, Table, TR, TH, TD. */
  role: string;
  key: string;
}

/** Where a drawn piece of text belongs in the document structure (for tagging). */
export interface StructRef {
  lang: string;
  /** From the section down to the element that holds the text. */
  path: StructNode[];
}

export type Drawable =
  /** Text drawn in one face on one line; `y` is the baseline, `width` its advance as laid out. */
  | {
      kind: "text";
      x: number;
      y: number;
      width: number;
      text: string;
      face: string;
      size: number;
      gray: number;
      struct: StructRef | null;
      /**
       * The text is the user's (from a detail's value, or shortened to fit beside one): drawn
       * with the document's own font subset, never the one shared with other documents.
       */
      user?: true;
      /** Set right to left: right-to-left letters the layout placed as one piece (see layout/lines.ts). */
      rtl?: true;
      /** What a reader copies, when it is not `text`: the typed bracket a mirrored one stands for. */
      copyAs?: string;
    }
  /** An outlined square or frame (tick boxes, notices). */
  | { kind: "rect"; x: number; y: number; width: number; height: number; lineWidth: number }
  /** A straight line (fill-in lines, signature lines, rules). */
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; lineWidth: number; gray?: number };

export interface PageContent {
  items: Drawable[];
}

export interface PageLayout {
  width: number;
  height: number;
  pages: PageContent[];
}
