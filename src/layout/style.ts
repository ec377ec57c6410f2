/**
 * The page style: paper, margins, type sizes and spacing, in PDF points. Layout decisions live
 * here, not in templates, so every document shares one typographic voice.
 */
export const MM = 72 / 25.4;

export const PAPER_SIZES = {
  a4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
} as const;
export type Paper = keyof typeof PAPER_SIZES;

/**
 * Text 20 mm or more from every edge, safe for home printers (which cannot print the outer 5 mm
 * or so); the top margin also holds the running header.
 */
export const MARGIN = { top: 25 * MM, bottom: 22 * MM, left: 20 * MM, right: 20 * MM };

/** Nothing is drawn closer to an edge than this (the guard checks it): the header and footer's limit. */
export const PRINTABLE_INSET = 15 * MM;

/**
 * Header and footer sit in the top and bottom margins, still 15 mm or more from the edge: the
 * header's baseline 18 mm from the top (a full em above it stays 15 mm clear), the footer's 16 mm
 * from the bottom (its descenders reach about 15.3 mm). Each has a thin rule on the body's side.
 */
export const FURNITURE = { size: 7.5, gray: 0.45, headerBaseline: 18 * MM, footerBaseline: 16 * MM, ruleGap: 4 };

export const BODY = { size: 10.5, leading: 1.6 };
export const SMALL = { size: 8.5, leading: 1.5, gray: 0.3 };
export const TITLE = { size: 17, leading: 1.35, spaceAfter: 10 };
export const HEADINGS = {
  2: { size: 12.5, leading: 1.4, spaceBefore: 12, spaceAfter: 4 },
  3: { size: 11, leading: 1.4, spaceBefore: 8, spaceAfter: 2 },
} as const;

/** Space after a paragraph-like block, as a fraction of the body size. */
export const BLOCK_GAP = 0.65 * BODY.size;
/** Space between list items. */
export const ITEM_GAP = 0.25 * BODY.size;
/** Indent per list level, and the hanging indent of an item's text after its box or bullet. */
export const LIST_INDENT = 1.6 * BODY.size;
/** Least room between a list marker wider than the hanging indent ("1000000.") and the item's text. */
export const MARKER_GAP = 0.4 * BODY.size;
export const TICK_BOX = { size: 0.85 * BODY.size, lineWidth: 0.7 };

/** Label/value tables: the label column takes at most this fraction of the width. */
export const FIELDS = { maxLabelFraction: 0.36, gap: 10, rule: 0.35, ruleGray: 0.75, padding: 3 };

/** A right-aligned address block starts at this fraction of the text width (French letters). */
export const RIGHT_BLOCK_START = 0.52;
/** Room left blank above the typed name for a handwritten signature. */
export const SIGNATURE_SPACE = 58;
export const NOTICE = { padding: 8, lineWidth: 0.8 };
export const FILL_LINE = { lineWidth: 0.6, below: 2.5 };

/** Paragraph lines kept together at a page break: no single orphan or widow line. */
export const MIN_LINES_AT_BREAK = 2;
