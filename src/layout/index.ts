/**
 * The layout stage: DocModel + fonts -> PageLayout. Pure: no PDF, no files; the same input
 * always gives the same pages, which tests can inspect without parsing a PDF.
 */
import type { Block, DocModel, Furniture, Section } from "../model/doc-model.js";
import type { FontChain } from "../fonts/chain.js";
import type { Drawable, PageLayout, StructNode } from "./page-layout.js";
import { layoutBlock } from "./blocks.js";
import { breakLines, type Line } from "./lines.js";
import { checkInside } from "./guard.js";
import { paginate, type Placeable } from "./paginate.js";
import { FURNITURE, MARGIN, PAPER_SIZES, PRINTABLE_INSET, type Paper } from "./style.js";

export type { PageLayout, Drawable } from "./page-layout.js";
export { PAPER_SIZES, type Paper } from "./style.js";

export interface LayoutOptions {
  paper: Paper;
  /** The font chain for a section's language. */
  fontsFor: (lang: string) => FontChain;
  /** The document's name for the guard's errors ("letter", "checklist", ...). */
  document?: string;
}

/** Space kept between the header's title and the name beside it. */
const FURNITURE_GAP = 2 * FURNITURE.size;
/** The name in the header is shortened first, but never below this share of the width. */
const MIN_NAME_SHARE = 1 / 3;
const ELLIPSIS = "\u2026";

/** Furniture text on one line, however wide; `user`: the text is the user's (the name). */
function oneLine(text: string, fonts: FontChain, user = false): Line | undefined {
  return breakLines([{ kind: "text", text: text.replace(/\s+/g, " "), ...(user ? { user } : {}) }], {
    size: FURNITURE.size,
    width: 1e6,
    fonts,
  })[0];
}

/**
 * The text on one line no wider than `maxWidth`: whole when it fits, otherwise as many of its
 * first characters as fit before an ellipsis (a base character and its marks stay together).
 * A shortened text counts as the user's: how much of it is left depends on the name beside it.
 */
function fitted(text: string, maxWidth: number, fonts: FontChain, user = false): Line | undefined {
  const line = oneLine(text, fonts, user);
  if (!line || line.width <= maxWidth) return line;
  const clusters = text.match(/\P{M}\p{M}*/gu) ?? [];
  const shortened = (count: number) =>
    oneLine(`${clusters.slice(0, count).join("").trimEnd()}${ELLIPSIS}`, fonts, true)!;
  let low = 0;
  let high = clusters.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (shortened(middle).width <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return shortened(low);
}

/** A line of furniture text at baseline `y`, from the left margin or ending at `right`. */
function furnitureText(line: Line | undefined, y: number, align: "left" | "right", width: number): Drawable[] {
  if (!line) return [];
  const x0 = align === "right" ? width - MARGIN.right - line.width : MARGIN.left;
  return line.runs.map((run) => ({
    kind: "text",
    x: x0 + run.x,
    y,
    width: run.width,
    text: run.text,
    face: run.face.name,
    size: FURNITURE.size,
    gray: FURNITURE.gray,
    struct: null,
    ...(run.user ? { user: true } : {}),
    ...(run.rtl ? { rtl: true } : {}),
    ...(run.copyAs === undefined ? {} : { copyAs: run.copyAs }),
  }));
}

/**
 * The header's two texts side by side: when they do not both fit, the name is shortened with an
 * ellipsis (down to a third of the width), then the title: never drawn over each other.
 */
function headerLines(of: Furniture, textWidth: number, fonts: FontChain): { title?: Line; author?: Line } {
  const title = of.title === "" ? undefined : oneLine(of.title, fonts);
  const author = of.author === "" ? undefined : oneLine(of.author, fonts, true);
  const titleWidth = title?.width ?? 0;
  const gap = title && author ? FURNITURE_GAP : 0;
  if (titleWidth + gap + (author?.width ?? 0) <= textWidth) return { title, author };
  const authorRoom = Math.max(textWidth - titleWidth - gap, author ? textWidth * MIN_NAME_SHARE : 0);
  const shortAuthor = author ? fitted(of.author, Math.min(authorRoom, textWidth), fonts, true) : undefined;
  const shortTitle = title ? fitted(of.title, textWidth - gap - (shortAuthor?.width ?? 0), fonts) : undefined;
  return { title: shortTitle, author: shortAuthor };
}

/**
 * Header and footer of a page, inside the margins' outer part: the title and the person's name
 * above a thin rule at the top, "page n / N" under a thin rule at the bottom.
 */
function furniture(
  of: Furniture,
  page: number,
  pages: number,
  width: number,
  height: number,
  fonts: FontChain,
): Drawable[] {
  const rule = (y: number): Drawable => ({
    kind: "line",
    x1: MARGIN.left,
    y1: y,
    x2: width - MARGIN.right,
    y2: y,
    lineWidth: 0.4,
    gray: FURNITURE.gray,
  });
  const headerY = FURNITURE.headerBaseline;
  const footerY = height - FURNITURE.footerBaseline;
  const textWidth = width - MARGIN.left - MARGIN.right;
  const header = headerLines(of, textWidth, fonts);
  const pageNumber = of.pageNumber.replace("{page}", String(page)).replace("{pages}", String(pages));
  return [
    ...furnitureText(header.title, headerY, "left", width),
    ...furnitureText(header.author, headerY, "right", width),
    rule(headerY + FURNITURE.ruleGap / 2),
    rule(footerY - FURNITURE.size - FURNITURE.ruleGap),
    ...furnitureText(pageNumber === "" ? undefined : fitted(pageNumber, textWidth, fonts), footerY, "right", width),
  ];
}

/**
 * The structure element a block's text belongs to. Consecutive list items share one list;
 * lists and tables get their inner elements (LI > LBody, TR > TD) from the block layout.
 */
function blockStruct(block: Block, key: string, listKey: string): StructNode[] {
  switch (block.kind) {
    case "title":
      return [{ role: "H1", key }];
    case "heading":
      return [{ role: `H${block.level}`, key }];
    case "tick":
    case "item":
      return [
        { role: "L", key: listKey },
        { role: "LI", key },
      ];
    case "fields":
      return [{ role: "Table", key }];
    default:
      return [{ role: "P", key }];
  }
}

/**
 * Parts of a document: runs of sections, a new part at each section that starts a new page.
 * Each part is paginated and numbered on its own, with its first section's furniture.
 */
function parts(sections: readonly Section[]): { index: number; section: Section }[][] {
  const result: { index: number; section: Section }[][] = [];
  sections.forEach((section, index) => {
    if (section.newPage || result.length === 0) result.push([]);
    result.at(-1)!.push({ index, section });
  });
  return result;
}

export function layoutDocument(model: DocModel, options: LayoutOptions): PageLayout {
  const { width, height } = PAPER_SIZES[options.paper];
  const textWidth = width - MARGIN.left - MARGIN.right;
  const frame = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom };
  const printable = {
    left: PRINTABLE_INSET,
    right: width - PRINTABLE_INSET,
    top: PRINTABLE_INSET,
    bottom: height - PRINTABLE_INSET,
  };
  let pageNumber = 0;
  let listKey = "";
  const allPages = parts(model.sections).flatMap((part) => {
    const boxes: Placeable[] = [];
    for (const { index: sectionIndex, section } of part) {
      const fonts = options.fontsFor(section.lang);
      const sect = { role: "Sect", key: `s${sectionIndex}` };
      section.blocks.forEach((block, blockIndex) => {
        if (block.kind === "pageBreak") {
          boxes.push("pageBreak");
          return;
        }
        const key = `${sect.key}-b${blockIndex}`;
        const isListItem = block.kind === "tick" || block.kind === "item";
        const previous = section.blocks[blockIndex - 1];
        if (isListItem && !(previous?.kind === "tick" || previous?.kind === "item")) listKey = `${key}-list`;
        const struct = { lang: section.lang, path: [sect, ...blockStruct(block, key, listKey)] };
        const source = {
          ...(options.document ? { document: options.document } : {}),
          section: sectionIndex,
          block: blockIndex,
        };
        boxes.push({ ...layoutBlock(block, { width: textWidth, fonts, struct, source }), source });
      });
    }
    const pages = paginate(boxes, frame);
    const first = part[0]!.section;
    const fonts = options.fontsFor(first.lang);
    pages.forEach((page, index) => {
      const items = furniture(first.furniture, index + 1, pages.length, width, height, fonts);
      checkInside(items, printable, {
        ...(options.document ? { document: options.document } : {}),
        page: pageNumber + index + 1,
      });
      page.items.push(...items);
    });
    pageNumber += pages.length;
    return pages;
  });
  return { width, height, pages: allPages };
}
