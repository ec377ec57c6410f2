/**
 * The layout stage: DocModel + fonts -> PageLayout. Pure: no PDF, no files; the same input
 * always gives the same pages, which tests can inspect without parsing a PDF.
 */
import type { Block, DocModel, Furniture, Section } from "../model/doc-model.js";
import type { FontChain } from "../fonts/chain.js";
import type { Drawable, PageLayout, StructNode } from "./page-layout.js";
import { layoutBlock } from "./blocks.js";
import { breakLines } from "./lines.js";
import { paginate, type Placeable } from "./paginate.js";
import { FURNITURE, MARGIN, PAPER_SIZES, type Paper } from "./style.js";

export type { PageLayout, Drawable } from "./page-layout.js";
export { PAPER_SIZES, type Paper } from "./style.js";

export interface LayoutOptions {
  paper: Paper;
  /** The font chain for a section's language. */
  fontsFor: (lang: string) => FontChain;
}

/** A line of furniture text at baseline `y`, from the left margin or ending at the right one. */
function furnitureText(text: string, y: number, align: "left" | "right", width: number, fonts: FontChain): Drawable[] {
  const textWidth = width - MARGIN.left - MARGIN.right;
  const [line] = breakLines([{ kind: "text", text }], { size: FURNITURE.size, width: textWidth, fonts });
  if (!line || text === "") return [];
  const x0 = MARGIN.left + (align === "right" ? textWidth - line.width : 0);
  return line.runs.map((run) => ({
    kind: "text", x: x0 + run.x, y, text: run.text, face: run.face.name, size: FURNITURE.size, gray: FURNITURE.gray, struct: null,
  }));
}

/**
 * Header and footer of a page, inside the margins' outer part: the title and the person's name
 * above a thin rule at the top, "page n / N" under a thin rule at the bottom.
 */
function furniture(of: Furniture, page: number, pages: number, width: number, height: number, fonts: FontChain): Drawable[] {
  const rule = (y: number): Drawable => ({ kind: "line", x1: MARGIN.left, y1: y, x2: width - MARGIN.right, y2: y, lineWidth: 0.4, gray: FURNITURE.gray });
  const headerY = FURNITURE.headerBaseline;
  const footerY = height - FURNITURE.footerBaseline;
  return [
    ...furnitureText(of.title, headerY, "left", width, fonts),
    ...furnitureText(of.author, headerY, "right", width, fonts),
    rule(headerY + FURNITURE.ruleGap / 2),
    rule(footerY - FURNITURE.size - FURNITURE.ruleGap),
    ...furnitureText(of.pageNumber.replace("{page}", String(page)).replace("{pages}", String(pages)), footerY, "right", width, fonts),
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
      return [{ role: "L", key: listKey }, { role: "LI", key }];
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
  const frame = { left: MARGIN.left, top: MARGIN.top, bottom: height - MARGIN.bottom };
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
        boxes.push(layoutBlock(block, { width: textWidth, fonts, struct }));
      });
    }
    const pages = paginate(boxes, frame);
    const first = part[0]!.section;
    const fonts = options.fontsFor(first.lang);
    pages.forEach((page, index) => page.items.push(...furniture(first.furniture, index + 1, pages.length, width, height, fonts)));
    return pages;
  });
  return { width, height, pages: allPages };
}
