/**
 * The layout's output: pages of positioned drawing operations in PDF points, origin at the top
 * left, y growing downwards. The renderer draws these and decides nothing.
 */

/** How a drawn item belongs to the document structure (for tagging and accessibility). */
export interface StructRef {
  /** Index of the block in the document, counted across sections. */
  block: number;
  /** PDF structure role: H1, H2, H3, P, LI, Lbl, LBody, Note, ... */
  role: string;
  lang: string;
}

export type Drawable =
  /** Text drawn in one face on one line; `y` is the baseline. */
  | { kind: "text"; x: number; y: number; text: string; face: string; size: number; gray: number; struct: StructRef | null }
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
