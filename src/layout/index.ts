/**
 * The layout stage: DocModel + fonts -> PageLayout. Pure: no PDF, no files; the same input
 * always gives the same pages, which tests can inspect without parsing a PDF.
 */
import type { Block, DocModel } from "../model/doc-model.js";
import type { FontChain } from "../fonts/chain.js";
import type { Drawable, PageLayout, StructNode } from "./page-layout.js";
import { layoutBlock } from "./blocks.js";
import { breakLines } from "./lines.js";
import { paginate, type Placeable } from "./paginate.js";
import { FOOTER, MARGIN, PAPER_SIZES, type Paper } from "./style.js";

export type { PageLayout, Drawable } from "./page-layout.js";
export { PAPER_SIZES, type Paper } from "./style.js";

export interface LayoutOptions {
  paper: Paper;
  /** The font chain for a section's language. */
  fontsFor: (lang: string) => FontChain;
}

/** Footer on every page: document title and author on the left, "page n / N" on the right. */
function footer(model: DocModel, page: number, pages: number, width: number, height: number, fonts: FontChain): Drawable[] {
  const y = height - FOOTER.baselineFromBottom;
  const textWidth = width - MARGIN.left - MARGIN.right;
  const place = (text: string, align: "left" | "right"): Drawable[] => {
    const [line] = breakLines([{ kind: "text", text }], { size: FOOTER.size, width: textWidth, fonts });
    if (!line) return [];
    const x0 = MARGIN.left + (align === "right" ? textWidth - line.width : 0);
    return line.runs.map((run) => ({
      kind: "text", x: x0 + run.x, y, text: run.text, face: run.face.name, size: FOOTER.size, gray: FOOTER.gray, struct: null,
    }));
  };
  const ruleY = y - FOOTER.size - FOOTER.ruleGap;
  return [
    { kind: "line", x1: MARGIN.left, y1: ruleY, x2: width - MARGIN.right, y2: ruleY, lineWidth: 0.4, gray: FOOTER.gray },
    ...place([model.meta.title, model.meta.author].filter(Boolean).join(" · "), "left"),
    ...place(model.meta.footer.replace("{page}", String(page)).replace("{pages}", String(pages)), "right"),
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

export function layoutDocument(model: DocModel, options: LayoutOptions): PageLayout {
  const { width, height } = PAPER_SIZES[options.paper];
  const textWidth = width - MARGIN.left - MARGIN.right;
  const boxes: Placeable[] = [];
  let listKey = "";
  model.sections.forEach((section, sectionIndex) => {
    if (section.newPage && sectionIndex > 0) boxes.push("pageBreak");
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
  });
  const pages = paginate(boxes, { left: MARGIN.left, top: MARGIN.top, bottom: height - MARGIN.bottom });
  const furnitureFonts = options.fontsFor(model.meta.lang);
  pages.forEach((page, index) => page.items.push(...footer(model, index + 1, pages.length, width, height, furnitureFonts)));
  return { width, height, pages };
}
